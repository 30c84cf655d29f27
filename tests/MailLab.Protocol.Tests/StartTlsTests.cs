using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>STARTTLS (RFC 3207): stop reading at the command, forget everything once TLS is up.</summary>
public sealed class StartTlsTests
{
    private static readonly SmtpServerOptions TlsOptions = SessionDriver.DefaultOptions() with
    {
        TlsAvailable = true,
        AuthMechanisms = ["PLAIN"],
    };

    [Fact]
    public void StartTls_Returns220AndAsksTransportToStartTls()
    {
        using var driver = Started();

        driver.Command("STARTTLS").Should().Equal("220 2.0.0 Ready to start TLS");

        driver.Session.PendingAction.Should().Be(SmtpSessionAction.StartTls);
        driver.Session.IsClosed.Should().BeFalse();
    }

    [Fact]
    public void StartTls_ReceiveReturnsCountUpToAndIncludingTheStartTlsLine()
    {
        using var driver = Started();
        const string input = "NOOP\r\nSTARTTLS\r\nMAIL FROM:<evil@bad.test>\r\n";

        var consumed = driver.Session.Receive(Bytes.Of(input));

        consumed.Should().Be("NOOP\r\nSTARTTLS\r\n".Length);
        driver.Session.Receive(Bytes.Of("RSET\r\n")).Should().Be(0, "nothing is read until TLS is established");
        driver.TakeLines().Should().BeEmpty("the driver did not collect output for the raw Receive calls");
        Bytes.Text(driver.Session.Output.Span).Should().Be("250 2.0.0 OK\r\n220 2.0.0 Ready to start TLS\r\n");
    }

    [Fact]
    public void StartTls_WithBareLfLineEnd_StillStopsRightAfterIt()
    {
        using var driver = Started();

        driver.Send("STARTTLS\nEHLO x\r\n").Should().Be("STARTTLS\n".Length);
    }

    [Fact]
    public void TlsEstablished_ForgetsEhlo_SoMailNeedsANewEhlo()
    {
        using var driver = Started();
        driver.Command("STARTTLS");

        driver.TlsEstablished();

        driver.Session.PendingAction.Should().Be(SmtpSessionAction.None);
        driver.Session.Context.IsSecure.Should().BeTrue();
        driver.Session.Context.ClientName.Should().BeNull();
        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: send HELO/EHLO first");
        driver.Command("AUTH PLAIN AGFsaWNlAHNlY3JldA==").Should().Equal("503 5.5.1 Bad sequence of commands: send EHLO first");
    }

    [Fact]
    public void TlsEstablished_ForgetsAuthenticationAndTransaction()
    {
        using var driver = Started();
        driver.Command("AUTH PLAIN AGFsaWNlAHNlY3JldA==").Should().Equal("235 2.7.0 Authentication successful");
        driver.Command("MAIL FROM:<alice@maillab.test>");
        driver.Command("STARTTLS");

        driver.TlsEstablished();

        driver.Session.Context.AuthenticatedUser.Should().BeNull();
        driver.Command("EHLO client.example");
        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: need MAIL before RCPT");
        driver.Command("AUTH PLAIN AGFsaWNlAHNlY3JldA==").Should().Equal("235 2.7.0 Authentication successful");
    }

    [Fact]
    public void Ehlo_AfterTls_NoLongerOffersStartTls()
    {
        using var driver = Started();
        driver.Command("STARTTLS");
        driver.TlsEstablished();

        var lines = driver.Command("EHLO client.example");

        lines.Should().NotContain(l => l.Contains("STARTTLS", StringComparison.Ordinal)).And.Contain("250-AUTH PLAIN");
    }

    [Fact]
    public void Message_AfterTlsAndAuth_IsMarkedEsmtpsa()
    {
        using var driver = Started();
        driver.Command("STARTTLS");
        driver.TlsEstablished();
        driver.Command("EHLO client.example");
        driver.Command("AUTH PLAIN AGFsaWNlAHNlY3JldA==");

        driver.SendMessage("x\r\n.\r\n");

        driver.Handler.Delivered.Single().Protocol.Should().Be("ESMTPSA");
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver(TlsOptions);
        driver.TakeLines();
        driver.Command("EHLO client.example").Should().Contain("250-STARTTLS");
        return driver;
    }
}
