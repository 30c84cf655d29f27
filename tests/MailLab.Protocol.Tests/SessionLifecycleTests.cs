using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>Greeting, refusal, time-out and QUIT: how a session starts and ends.</summary>
public sealed class SessionLifecycleTests
{
    [Fact]
    public void Start_Greets220WithHostName()
    {
        using var driver = new SessionDriver();

        driver.TakeLines().Should().Equal("220 mx.maillab.test Microsoft ESMTP MAIL Service (MailLab) ready");
        driver.Session.PendingAction.Should().Be(SmtpSessionAction.None);
    }

    [Fact]
    public void Start_WhenConnectionRejected_Greets554AndWaitsForQuit()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { RejectConnection = true });

        driver.TakeLines().Should().Equal("554 5.7.1 mx.maillab.test Access denied: connection refused by connection control");
        driver.Session.IsClosed.Should().BeFalse("RFC 5321 §3.1: the server waits for QUIT");
        driver.Command("HELO client.example").Should().Equal("503 5.5.1 Bad sequence of commands: this server refused the connection; only QUIT is allowed");
        driver.Command("quit").Should().Equal("221 2.0.0 mx.maillab.test Service closing transmission channel");
        driver.Session.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void TimedOut_Sends421AndCloses()
    {
        using var driver = new SessionDriver();
        driver.TakeLines();

        driver.TimedOut();

        driver.TakeLines().Should().Equal("421 4.4.2 mx.maillab.test Error: timeout exceeded, closing transmission channel");
        driver.Session.PendingAction.Should().Be(SmtpSessionAction.Close);
        driver.Session.Receive(Bytes.Of("NOOP\r\n")).Should().Be(0);
    }

    [Fact]
    public void TimedOut_DuringData_DeliversNothing()
    {
        using var driver = new SessionDriver();
        driver.Command("EHLO client.example");
        driver.Command("MAIL FROM:<alice@maillab.test>");
        driver.Command("RCPT TO:<bob@maillab.test>");
        driver.Command("DATA");
        driver.Send("Subject: half\r\n");

        driver.TimedOut();

        driver.TakeLines().Should().Equal("421 4.4.2 mx.maillab.test Error: timeout exceeded, closing transmission channel");
        driver.Handler.Delivered.Should().BeEmpty();
    }

    [Fact]
    public void Refuse_SendsTheReplyAndCloses()
    {
        using var driver = new SessionDriver(start: false);

        driver.Session.Refuse(SmtpReplies.TooManyConnections);

        Bytes.Text(driver.Session.Output.Span).Should().Be("421 4.3.2 Too many connections, closing transmission channel\r\n");
        driver.Session.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void Quit_Returns221AndCloses()
    {
        using var driver = new SessionDriver();
        driver.TakeLines();

        driver.Command("QUIT").Should().Equal("221 2.0.0 mx.maillab.test Service closing transmission channel");

        driver.Session.PendingAction.Should().Be(SmtpSessionAction.Close);
    }

    [Fact]
    public void Output_IsClearedByTheTransport()
    {
        using var driver = new SessionDriver(start: false);
        driver.Session.Start();
        driver.Session.Output.Length.Should().BeGreaterThan(0);

        driver.Session.ClearOutput();

        driver.Session.Output.Length.Should().Be(0);
    }
}
