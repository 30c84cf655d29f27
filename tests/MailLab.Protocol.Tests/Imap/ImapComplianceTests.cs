using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>
/// Cases from Dovecot's imaptest (its scripted groups, named in each test) that MailLab answered
/// differently from the RFCs; each drives the session as imaptest does and checks the reply.
/// </summary>
public sealed class ImapComplianceTests
{
    private static ImapSessionDriver Selected(params string[] messages)
    {
        var driver = new ImapSessionDriver();
        var inbox = driver.Store.Accounts["alice"].Folders["INBOX"];
        foreach (var message in messages)
        {
            inbox.Add(message, [], ImapTestMessages.Date(9));
        }

        driver.LogIn();
        driver.Select();
        return driver;
    }

    [Fact]
    public void TildeAtom_IsAMailboxName_NotALiteral8()
    {
        // imaptest atoms: "~" is an ATOM-CHAR; only "~{" starts a literal8 (RFC 3516 §4.3).
        using var driver = Selected();
        driver.Command("a1 LIST \"\" ~foo").Should().Equal("a1 OK LIST completed");
        driver.Command("a2 SELECT ~foo").Should().Equal("* OK [CLOSED] previous mailbox is now closed", "a2 NO [NONEXISTENT] no such mailbox");
    }

    [Fact]
    public void UidSearch_AboveTheLargestUid_FindsNothing_ButStarFindsTheLargest()
    {
        // imaptest search-sets: 4294967295 is a UID (RFC 9051 §9 nz-number), "*" the largest in use.
        using var driver = Selected();
        driver.Command("s1 UID SEARCH UID 4:4294967295").Should().Equal("* SEARCH", "s1 OK UID SEARCH completed");
        driver.Command("s2 UID SEARCH UID 4:*").Should().Equal("* SEARCH 3", "s2 OK UID SEARCH completed");
        driver.Command("s3 UID FETCH 999999:* UID").Should().Equal("* 3 FETCH (UID 3)", "s3 OK UID FETCH completed");
    }

    [Fact]
    public void Binary_DecodesQuotedPrintable_WithTransportPadding()
    {
        // imaptest fetch-binary-mime-qp: RFC 2045 §6.7 rule 3, trailing whitespace is deleted, "= " CRLF is a soft break.
        const string message = "From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n" +
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
            "hello  \r\nbar=\r\n\r\nfoo\t=\r\nbar\r\nfoo\t \t= \r\n=62\r\nfoo = \t\r\nbar\r\nfoo =\r\n=62\r\nfoo  \r\nbar=\r\n\r\nfoo_bar\r\n\r\n--x--\r\n";
        using var driver = Selected(message);
        const string decoded = "hello\r\nbar\r\nfoo\tbar\r\nfoo\t \tb\r\nfoo bar\r\nfoo b\r\nfoo\r\nbar\r\nfoo_bar\r\n";
        driver.Command("b1 FETCH 4 (BINARY.SIZE[1])").Should().Equal($"* 4 FETCH (BINARY.SIZE[1] {decoded.Length})", "b1 OK FETCH completed");
        driver.Command("b2 FETCH 4 (BINARY.PEEK[1])").Should().Equal([.. $"* 4 FETCH (BINARY[1] {{{decoded.Length}}}\r\n{decoded})".Split("\r\n"), "b2 OK FETCH completed"]);
    }

    [Fact]
    public void Envelope_KeepsTheSourceRoute()
    {
        // imaptest fetch-envelope: the address structure's second field is the route (RFC 9051 §7.5.2).
        using var driver = Selected("Date: Thu, 15 Feb 2007 01:02:03 +0200\r\nFrom: <@route:user@domain>\r\nTo: <@a.org,@b.org:u@d>\r\n\r\nbody\r\n");
        driver.Command("e1 FETCH 4 ENVELOPE").Should().Equal(
            "* 4 FETCH (ENVELOPE (\"Thu, 15 Feb 2007 01:02:03 +0200\" NIL ((NIL \"@route\" \"user\" \"domain\")) ((NIL \"@route\" \"user\" \"domain\")) ((NIL \"@route\" \"user\" \"domain\")) ((NIL \"@a.org,@b.org\" \"u\" \"d\")) NIL NIL NIL NIL))",
            "e1 OK FETCH completed");
    }

    [Fact]
    public void Literal8Append_WithNul_IsStoredAsBase64_AndBinaryGivesTheOctetsBack()
    {
        // imaptest append-binary: BODY[1] is a literal, which may not hold NUL (RFC 9051 §4.3).
        using var driver = Selected();
        const string message = "From: user@domain.org\r\nMime-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n\0-\u00e4\r\n\r\n";
        driver.Send($"p1 APPEND INBOX ~{{{message.Length}}}\r\n");
        driver.TakeLines().Should().ContainSingle().Which.Should().StartWith("+ ");
        driver.Send(Bytes.Of(message + "\r\n"));
        driver.TakeLines().Last().Should().StartWith("p1 OK [APPENDUID 999 4]");
        driver.Command("p2 NOOP");
        driver.TakeText();
        driver.Send("p3 FETCH 4 (BODY.PEEK[1] BINARY.SIZE[1])\r\n");
        driver.TakeText().Should().Be("* 4 FETCH (BODY[1] {14}\r\nAC3kDQoNCg==\r\n BINARY.SIZE[1] 7)\r\np3 OK FETCH completed\r\n");
    }

    [Fact]
    public void SearchFrom_FindsAnAddressWrittenWithComments()
    {
        // imaptest search-addresses: comments between the parts of an address (RFC 5322 §3.2.2).
        using var driver = Selected("From: <user-from (comment)@ (comment) domain.org>\r\nTo: RealTo <user-to@domain.org>\r\n\r\nbody\r\n");
        driver.Command("f1 SEARCH FROM user-from@domain.org").Should().Equal("* SEARCH 4", "f1 OK SEARCH completed");
        driver.Command("f2 SEARCH TO realto").Should().Equal("* SEARCH 4", "f2 OK SEARCH completed");
    }

    [Fact]
    public void CondStoreEnablingFetch_SendsHighestModSeq_AndEsearchMinMaxGiveTheirOwnModSeq()
    {
        // imaptest esearch-condstore: RFC 7162 §3.1 (HIGHESTMODSEQ on enabling) and §3.1.5 (MODSEQ in ESEARCH).
        using var driver = Selected();
        var enable = driver.Command("c1 FETCH 1 MODSEQ");
        enable.Should().Contain(l => l.StartsWith("* OK [HIGHESTMODSEQ ")).And.HaveCount(3);
        driver.Command("c2 STORE 1 +FLAGS (\\Seen)");
        driver.Command("c3 STORE 3 +FLAGS (\\Seen)");
        var modseq1 = driver.Command("c4 FETCH 1 MODSEQ")[0];
        var modseq3 = driver.Command("c5 FETCH 3 MODSEQ")[0];
        string ModSeq(string fetch) => fetch.Split("MODSEQ (")[1].TrimEnd(')');
        driver.Command("c6 SEARCH RETURN (MIN) 1:3 MODSEQ 1").Should().Equal($"* ESEARCH (TAG \"c6\") MIN 1 MODSEQ {ModSeq(modseq1)}", "c6 OK SEARCH completed");
        driver.Command("c7 SEARCH RETURN (MAX) 1:3 MODSEQ 1").Should().Equal($"* ESEARCH (TAG \"c7\") MAX 3 MODSEQ {ModSeq(modseq3)}", "c7 OK SEARCH completed");
    }
}
