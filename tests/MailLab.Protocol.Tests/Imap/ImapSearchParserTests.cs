using System.Text;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>SEARCH keys of RFC 9051 §6.4.4 (and RFC 3501's, RFC 7162's MODSEQ), with the nesting limit.</summary>
public sealed class ImapSearchParserTests
{
    private static SearchProgram Parse(string text, int depth = 32) => SearchParser.Parse(new ImapReader(Encoding.UTF8.GetBytes(text)), depth, allowReturn: true);

    [Theory]
    [InlineData("ALL", "All")]
    [InlineData("ANSWERED", "Flag")]
    [InlineData("DELETED", "Flag")]
    [InlineData("DRAFT", "Flag")]
    [InlineData("FLAGGED", "Flag")]
    [InlineData("SEEN", "Flag")]
    [InlineData("UNANSWERED", "NoFlag")]
    [InlineData("UNDELETED", "NoFlag")]
    [InlineData("UNDRAFT", "NoFlag")]
    [InlineData("UNFLAGGED", "NoFlag")]
    [InlineData("UNSEEN", "NoFlag")]
    [InlineData("KEYWORD $Junk", "Flag")]
    [InlineData("UNKEYWORD $Junk", "NoFlag")]
    [InlineData("NEW", "New")]
    [InlineData("OLD", "Old")]
    [InlineData("RECENT", "Recent")]
    [InlineData("UNRECENT", "Unrecent")]
    [InlineData("BCC x", "Header")]
    [InlineData("CC x", "Header")]
    [InlineData("FROM \"a b\"", "Header")]
    [InlineData("SUBJECT {3}\r\nabc", "Header")]
    [InlineData("TO x", "Header")]
    [InlineData("HEADER X-Spam yes", "Header")]
    [InlineData("BODY x", "Body")]
    [InlineData("TEXT x", "Text")]
    [InlineData("BEFORE 1-Feb-2024", "Before")]
    [InlineData("ON \"01-Feb-2024\"", "On")]
    [InlineData("SINCE 1-feb-2024", "Since")]
    [InlineData("SENTBEFORE 1-Feb-2024", "SentBefore")]
    [InlineData("SENTON 1-Feb-2024", "SentOn")]
    [InlineData("SENTSINCE 1-Feb-2024", "SentSince")]
    [InlineData("LARGER 100", "Larger")]
    [InlineData("SMALLER 100", "Smaller")]
    [InlineData("UID 1:*", "Uid")]
    [InlineData("1,3:*", "SequenceSet")]
    [InlineData("$", "SequenceSet")]
    [InlineData("NOT SEEN", "Not")]
    [InlineData("OR SEEN (FLAGGED DELETED)", "Or")]
    [InlineData("MODSEQ 5", "ModSeq")]
    [InlineData("MODSEQ \"/flags/\\\\draft\" all 5", "ModSeq")]
    [InlineData("(SEEN)", "Flag")]
    public void Key_IsParsed(string text, string kind)
    {
        Parse(text).Key.Kind.ToString().Should().Be(kind);
    }

    [Fact]
    public void SeveralKeys_AreAnded_AndReturnAndCharsetAreRead()
    {
        var program = Parse("RETURN (MIN COUNT) CHARSET UTF-8 SEEN FROM bob");
        program.ReturnOptions.Should().Equal("MIN", "COUNT");
        program.Charset.Should().Be("UTF-8");
        program.Key.Kind.Should().Be(SearchKeyKind.And);
        program.Key.Children.Should().HaveCount(2);
    }

    [Fact]
    public void Date_IsParsed()
    {
        Parse("SINCE 5-Mar-2023").Key.Date.Should().Be(new DateOnly(2023, 3, 5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("FOO")]
    [InlineData("SINCE 32-Jan-2024")]
    [InlineData("SINCE 1-Foo-2024")]
    [InlineData("OR SEEN")]
    [InlineData("(SEEN")]
    [InlineData("LARGER x")]
    [InlineData("HEADER X")]
    [InlineData("SEEN )")]
    public void Malformed_IsASyntaxError(string text)
    {
        var act = () => Parse(text);
        act.Should().Throw<ImapSyntaxException>();
    }

    [Fact]
    public void Nesting_BeyondTheLimit_IsRefused()
    {
        var within = new string('(', 10) + "ALL" + new string(')', 10);
        Parse(within, depth: 10).Key.Kind.Should().Be(SearchKeyKind.All);
        var beyond = new string('(', 11) + "ALL" + new string(')', 11);
        var act = () => Parse(beyond, depth: 10);
        act.Should().Throw<ImapSyntaxException>().WithMessage("search keys nested too deeply");
        var nots = string.Concat(Enumerable.Repeat("NOT ", 50)) + "ALL";
        act = () => Parse(nots, depth: 10);
        act.Should().Throw<ImapSyntaxException>();
    }

    [Fact]
    public void AppendDateTime_IsParsed()
    {
        SearchParser.ReadDateTime(new ImapReader(Encoding.ASCII.GetBytes("\" 5-Jan-2024 09:30:00 +0100\"")))
            .Should().Be(new DateTimeOffset(2024, 1, 5, 9, 30, 0, TimeSpan.FromHours(1)));
        var act = () => SearchParser.ReadDateTime(new ImapReader(Encoding.ASCII.GetBytes("\"5-Jan-2024 25:30:00 +0100\"")));
        act.Should().Throw<ImapSyntaxException>();
    }
}
