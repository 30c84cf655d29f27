using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>The observer sees C:/S: lines with secrets redacted and literals by size, and the mail events.</summary>
public sealed class ImapObserverTests
{
    [Fact]
    public void Passwords_AreRedacted_AndLiteralsShownBySize()
    {
        using var driver = new ImapSessionDriver();
        driver.Command("a1 LOGIN alice {6+}\r\nsecret");
        driver.Command("a2 LOGOUT");
        using var sasl = new ImapSessionDriver();
        sasl.Command("b1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==");
        using var saslLines = new ImapSessionDriver();
        saslLines.Command("c1 AUTHENTICATE LOGIN");
        saslLines.Command("YWxpY2U=");
        saslLines.Command("c2VjcmV0");

        driver.Observer.Lines.Should().Contain("C: a1 LOGIN alice ****");
        driver.Observer.Lines.Should().NotContain(l => l.Contains("secret"));
        sasl.Observer.Lines.Should().Contain("C: b1 AUTHENTICATE PLAIN ****");
        saslLines.Observer.Lines.Should().Contain("C: ****").And.NotContain(l => l.Contains("YWxpY2U") || l.Contains("c2VjcmV0"));
    }

    [Fact]
    public void FetchedContent_IsShownBySize_AndEventsAreRaised()
    {
        using var driver = new ImapSessionDriver();
        driver.LogIn();
        driver.Select();
        driver.Command("f1 FETCH 1 BODY[]");
        driver.Command("p1 APPEND Drafts {5+}\r\nhello");
        driver.Command("m1 UID MOVE 2 Trash");
        driver.Command("s1 STORE 1 +FLAGS (\\Deleted)");
        driver.Command("x1 EXPUNGE");

        driver.Observer.Lines.Should().Contain("C: p1 APPEND Drafts {5+}");
        driver.Observer.Lines.Should().Contain(l => l.StartsWith("S: * 1 FETCH (BODY[] {178}", StringComparison.Ordinal));
        driver.Observer.Lines.Should().NotContain(l => l.Contains("Shall we have lunch"));
        driver.Observer.Events.Should().Equal(
            "logon alice LOGIN",
            "select INBOX rw 3",
            "fetch INBOX 1 BODY[] 178",
            "append Drafts 1 5",
            "move INBOX Trash 2",
            "expunge INBOX 2",
            "expunge INBOX 1");
    }
}
