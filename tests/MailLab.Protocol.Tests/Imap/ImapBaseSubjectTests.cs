using MailLab.Protocol.Imap.Sorting;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>The base subject of RFC 5256 §2.1, step by step, and the case-folded order (RFC 5051 i;unicode-casemap's case mapping) SORT and THREAD use.</summary>
public sealed class ImapBaseSubjectTests
{
    [Theory]
    [InlineData("Lunch", "Lunch", false)]
    [InlineData("  Lunch  ", "Lunch", false)] // (1), (2), (3): white space at either end
    [InlineData("Lunch\tat \t noon", "Lunch at noon", false)] // (1): tabs and runs of spaces become one space
    [InlineData("Re: Lunch", "Lunch", true)] // (3) subj-refwd "re"
    [InlineData("RE:Lunch", "Lunch", true)]
    [InlineData("Fw: Lunch", "Lunch", true)] // "fw"
    [InlineData("FWD: Lunch", "Lunch", true)] // "fwd"
    [InlineData("Re [2]: Lunch", "Lunch", true)] // subj-refwd's optional blob after *WSP
    [InlineData("Re: Re: fwd: Lunch", "Lunch", true)] // (3) repeated
    [InlineData("[list] Re: Lunch", "Lunch", true)] // subj-leader = *subj-blob subj-refwd
    [InlineData("[list] Lunch", "Lunch", false)] // (4) a leading blob goes when something is left
    [InlineData("[list]", "[list]", false)] // (4) ... and stays when it is all there is
    [InlineData("[a][b] Lunch", "Lunch", false)]
    [InlineData("Lunch (fwd)", "Lunch", true)] // (2) subj-trailer
    [InlineData("Lunch (FWD) (fwd) ", "Lunch", true)]
    [InlineData("Lunch (a)", "Lunch (a)", false)]
    [InlineData("[fwd: Lunch]", "Lunch", true)] // (6) subj-fwd-hdr and subj-fwd-trl
    [InlineData("Re: [FWD: c]", "c", true)]
    [InlineData("re: [fwd: [fwd: re: [fwd: babylon]]]", "babylon", true)] // (6) then (2)-(5) again
    [InlineData("[foo] Fwd: [bar] Re: fw: b (fWd)  (fwd)", "b", true)]
    [InlineData("Ad: Re: Ad: Re: Ad: x", "Ad: Re: Ad: Re: Ad: x", false)] // a leader only counts at the start
    [InlineData("Rex: Lunch", "Rex: Lunch", false)]
    [InlineData("Re", "Re", false)]
    [InlineData("", "", false)]
    [InlineData(null, "", false)]
    public void Extract_FollowsRfc5256Section2_1(string? subject, string expected, bool replyOrForward)
    {
        BaseSubject.Extract(subject, out var marked).Should().Be(expected);
        marked.Should().Be(replyOrForward);
    }

    [Theory]
    [InlineData("a", "B", -1)]
    [InlineData("abc", "ABC", 0)]
    [InlineData("B (A)", "babylon", -1)] // space sorts before letters
    [InlineData("[xyz]", "C", 1)]
    [InlineData("_", "[xyz]", 1)]
    [InlineData("ab", "abc", -1)]
    [InlineData("привет", "ПРИВЕТ", 0)] // case folds beyond ASCII
    [InlineData("\u00e9t\u00e9", "\u00c9T\u00c9", 0)]
    [InlineData("яблоко", "Апельсин", 1)]
    public void UnicodeCasemap_FoldsCaseBeyondAscii(string a, string b, int sign) =>
        Math.Sign(UnicodeCasemap.Compare(a, b)).Should().Be(sign);
}
