using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Pop3.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>The observer transcript: secrets redacted, multi-line bodies summarised by their size.</summary>
public sealed class Pop3ObserverTests
{
    [Fact]
    public void Pass_IsRedacted()
    {
        using var driver = new Pop3SessionDriver();

        driver.Command("USER alice");
        driver.Command("pass secret");

        driver.Observer.Lines.Should().Equal(
            $"S: +OK pop.maillab.test POP3 server ready {Pop3SessionDriver.Banner}",
            "C: USER alice",
            "S: +OK send PASS",
            "C: pass ****",
            "S: +OK maildrop has 2 messages (211 octets)");
    }

    [Fact]
    public void ApopDigest_IsRedacted_ButTheUserIsShown()
    {
        using var driver = new Pop3SessionDriver();
        driver.Observer.Lines.Clear();

        driver.Command("APOP alice 43aea528b28e4069d87e1fa2ab96bcf4");

        driver.Observer.Lines.Should().Equal("C: APOP alice ****", "S: +OK maildrop has 2 messages (211 octets)");
    }

    [Fact]
    public void AuthInitialResponse_AndEveryLineOfTheExchange_AreRedacted()
    {
        using var driver = new Pop3SessionDriver();
        driver.Observer.Lines.Clear();

        driver.Command("AUTH PLAIN " + Pop3SessionDriver.Base64("\0alice\0wrong"));
        driver.Command("AUTH LOGIN");
        driver.Command(Pop3SessionDriver.Base64("alice"));
        driver.Command(Pop3SessionDriver.Base64("secret"));

        driver.Observer.Lines.Should().Equal(
            "C: AUTH PLAIN ****",
            "S: -ERR [AUTH] invalid user name or password",
            "C: AUTH LOGIN",
            "S: + VXNlcm5hbWU6",
            "C: ****",
            "S: + UGFzc3dvcmQ6",
            "C: ****",
            "S: +OK maildrop has 2 messages (211 octets)");
    }

    [Fact]
    public void Transcript_NeverContainsSecretsInAnyForm()
    {
        using var driver = new Pop3SessionDriver();
        var secrets = new[] { "secret", Pop3SessionDriver.Base64("secret"), Pop3SessionDriver.Base64("\0alice\0secret"), "43aea528b28e4069d87e1fa2ab96bcf4" };

        driver.Command("USER alice");
        driver.Command("PASS secret");
        driver.Command("QUIT");
        using var second = new Pop3SessionDriver(handler: driver.Handler);
        second.Command("APOP alice 43aea528b28e4069d87e1fa2ab96bcf4");
        second.Command("QUIT");
        using var third = new Pop3SessionDriver(handler: driver.Handler);
        third.Command("AUTH PLAIN " + Pop3SessionDriver.Base64("\0alice\0secret"));
        third.Command("QUIT");
        using var fourth = new Pop3SessionDriver(handler: driver.Handler);
        fourth.Command("AUTH PLAIN");
        fourth.Command(Pop3SessionDriver.Base64("\0alice\0secret"));

        var all = driver.Observer.Lines.Concat(second.Observer.Lines).Concat(third.Observer.Lines).Concat(fourth.Observer.Lines).ToList();
        foreach (var secret in secrets)
        {
            all.Should().NotContain(l => l.Contains(secret, StringComparison.Ordinal), $"\"{secret}\" is a secret");
        }
    }

    [Fact]
    public void MultiLineResponse_IsReportedOnce_WithTheOctetsThatFollowedIt()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.Observer.Lines.Clear();
        driver.TakeText();

        driver.Send("RETR 1\r\n");

        var wire = driver.TakeText();
        var body = wire[(wire.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
        driver.Observer.Lines.Should().Equal("C: RETR 1", "S: +OK 119 octets", $"D: {body.Length} octets");
        body.Length.Should().Be(119 + 3 + 3, "three stuffed dots and the terminator line");
    }

    [Fact]
    public void MessageContent_IsNeverShown()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();

        driver.Command("RETR 1");
        driver.Command("TOP 2 1");

        driver.Observer.Lines.Should().NotContain(l => l.Contains("Subject", StringComparison.Ordinal) || l.Contains("Line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Observer_IsOptional()
    {
        using var session = new Pop3ServerSession(Pop3SessionDriver.DefaultOptions(), new FakePop3Handler(), new Pop3SessionContext(null, null));

        session.Start();
        session.Receive(Bytes.Of("USER alice\r\nPASS secret\r\nLIST\r\nQUIT\r\n"));

        Bytes.Text(session.Output.Span).Should().EndWith("signing off (2 messages left)\r\n");
    }
}
