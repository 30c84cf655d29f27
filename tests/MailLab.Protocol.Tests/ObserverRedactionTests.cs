using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>The observer transcript never shows AUTH secrets or message content.</summary>
public sealed class ObserverRedactionTests
{
    private static readonly SmtpServerOptions AuthOptions = SessionDriver.DefaultOptions() with { AuthMechanisms = ["PLAIN", "LOGIN"] };

    [Fact]
    public void AuthInitialResponse_IsRedacted()
    {
        using var driver = new SessionDriver(AuthOptions);
        driver.Command("EHLO client.example");
        driver.Observer.Lines.Clear();

        driver.Command("AUTH PLAIN " + AuthTests.Base64("\0alice\0secret"));

        driver.Observer.Lines.Should().Equal("C: AUTH PLAIN ****", "S: 235 2.7.0 Authentication successful");
    }

    [Fact]
    public void AuthInitialResponse_InLowerCase_IsRedacted()
    {
        using var driver = new SessionDriver(AuthOptions);
        driver.Command("EHLO client.example");
        driver.Observer.Lines.Clear();

        driver.Command("auth plain " + AuthTests.Base64("\0alice\0wrong"));

        driver.Observer.Lines.Should().Equal("C: auth plain ****", "S: 535 5.7.8 Authentication credentials invalid");
    }

    [Fact]
    public void AuthResponses_AreRedacted()
    {
        using var driver = new SessionDriver(AuthOptions);
        driver.Command("EHLO client.example");
        driver.Observer.Lines.Clear();

        driver.Command("AUTH LOGIN");
        driver.Command(AuthTests.Base64("alice"));
        driver.Command(AuthTests.Base64("secret"));

        driver.Observer.Lines.Should().Equal(
            "C: AUTH LOGIN",
            "S: 334 VXNlcm5hbWU6",
            "C: ****",
            "S: 334 UGFzc3dvcmQ6",
            "C: ****",
            "S: 235 2.7.0 Authentication successful");
    }

    [Fact]
    public void Transcript_NeverContainsTheSecretsInAnyForm()
    {
        using var driver = new SessionDriver(AuthOptions);
        driver.Command("EHLO client.example");
        driver.Command("AUTH PLAIN " + AuthTests.Base64("\0alice\0secret"));

        driver.Observer.Lines.Should().NotContain(l =>
            l.Contains("secret", StringComparison.Ordinal) || l.Contains(AuthTests.Base64("\0alice\0secret"), StringComparison.Ordinal));
    }

    [Fact]
    public void MessageContent_IsReportedAsAnOctetCount()
    {
        using var driver = new SessionDriver();
        driver.Command("EHLO client.example");
        driver.Observer.Lines.Clear();

        driver.SendMessage("Subject: private\r\n.\r\n");

        driver.Observer.Lines.Should().Equal(
            "C: MAIL FROM:<alice@maillab.test>",
            "S: 250 2.1.0 Sender OK",
            "C: RCPT TO:<bob@maillab.test>",
            "S: 250 2.1.5 Recipient OK",
            "C: DATA",
            "S: 354 Start mail input; end with <CRLF>.<CRLF>",
            "D: 18 octets",
            "S: 250 2.6.0 Queued mail for delivery");
    }
}
