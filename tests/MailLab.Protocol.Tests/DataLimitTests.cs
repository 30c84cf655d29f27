using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>Message size (RFC 1870), IIS session size and the text line limit (RFC 5321 §4.5.3.1.6) on DATA.</summary>
public sealed class DataLimitTests
{
    private const string MessageTooBig = "552 5.3.4 Message size exceeds fixed maximum message size";
    private const string SessionTooBig = "552 5.3.4 Session size limit exceeded";
    private const string Queued = "250 2.6.0 Queued mail for delivery";

    [Fact]
    public void Data_OverMaxMessageSize_IsReadToTheEndAndRefusedWith552()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, MaxMessageSize = 100 });
        var body = string.Concat(Enumerable.Repeat("0123456789012345678901234567890123456789\r\n", 10));

        var replies = driver.SendMessage(body + ".\r\nNOOP\r\n");

        replies.Should().Equal(MessageTooBig, "250 2.0.0 OK");
        driver.Handler.Delivered.Should().BeEmpty();
        driver.Session.Context.MessagesAccepted.Should().Be(0);
    }

    [Fact]
    public void Data_ExactlyMaxMessageSize_IsAccepted()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, MaxMessageSize = 12 });

        var replies = driver.SendMessage("0123456789\r\n.\r\n");

        replies.Should().Equal(Queued);
        driver.Handler.Delivered.Single().Text.Should().Be("0123456789\r\n");
    }

    [Fact]
    public void Data_OneOctetOverMaxMessageSize_IsRefused()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, MaxMessageSize = 12 });

        driver.SendMessage("01234567890\r\n.\r\n").Should().Equal(MessageTooBig);
        driver.Handler.Delivered.Should().BeEmpty();
    }

    [Fact]
    public void Data_AfterRefusal_TransactionIsOverAndANewOneWorks()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, MaxMessageSize = 12 });
        driver.SendMessage("01234567890\r\n.\r\n");

        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: need MAIL before RCPT");
        driver.SendMessage("short\r\n.\r\n").Should().Equal(Queued);
    }

    [Fact]
    public void Data_OverSessionSize_IsRefusedWith552AndEarlierMessagesStay()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, MaxSessionSize = 30 });

        driver.SendMessage(Octets(20) + ".\r\n").Should().Equal(Queued);
        driver.SendMessage(Octets(11) + ".\r\n").Should().Equal(SessionTooBig);
        driver.SendMessage(Octets(10) + ".\r\n").Should().Equal(Queued);

        driver.Handler.Delivered.Select(m => m.Content.Length).Should().Equal(20, 10);
        driver.Session.Context.SessionBytes.Should().Be(30);
        driver.Session.Context.MessagesAccepted.Should().Be(2);
    }

    [Fact]
    public void MailFrom_SizeOverWhatIsLeftOfTheSession_Returns552()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, MaxSessionSize = 30 });
        driver.SendMessage(Octets(20) + ".\r\n");

        driver.Command("MAIL FROM:<alice@maillab.test> SIZE=11").Should().Equal(SessionTooBig);
        driver.Command("MAIL FROM:<alice@maillab.test> SIZE=10").Should().Equal("250 2.1.0 Sender OK");
    }

    [Fact]
    public void Data_TextLineOver1000Octets_IsRefusedWith500WhenEnforced()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, EnforceTextLineLimit = true });

        var replies = driver.SendMessage("Subject: long\r\n\r\n" + new string('x', 999) + "\r\n.\r\n");

        replies.Should().Equal("500 5.5.6 Message refused: a line is longer than 1000 octets (RFC 5321 4.5.3.1.6)");
        driver.Handler.Delivered.Should().BeEmpty();
    }

    [Fact]
    public void Data_TextLineOfExactly1000OctetsWithCrlf_IsAccepted()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, EnforceTextLineLimit = true });

        driver.SendMessage(new string('x', 998) + "\r\n.\r\n").Should().Equal(Queued);
    }

    [Fact]
    public void Data_StuffingDot_DoesNotCountTowardsTheTextLineLimit()
    {
        // RFC 5321 §4.5.3.1.6: "not counting the leading dot duplicated for transparency".
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, EnforceTextLineLimit = true });

        driver.SendMessage("." + new string('.', 998) + "\r\n.\r\n").Should().Equal(Queued);
    }

    [Fact]
    public void Data_LongTextLine_IsAcceptedWhenNotEnforced()
    {
        using var driver = Driver(new SmtpServerOptions { HostName = SessionDriver.HostName, EnforceTextLineLimit = false });
        var line = new string('x', 5000);

        driver.SendMessage(line + "\r\n.\r\n").Should().Equal(Queued);
        driver.Handler.Delivered.Single().Content.Should().HaveCount(5002);
    }

    [Fact]
    public void Data_HandlerRefusal_IsRelayedAndNothingCounted()
    {
        using var driver = new SessionDriver();
        driver.Handler.DeliveryReply = new SmtpReply(451, "4.3.0", "Mail store unavailable");
        driver.Command("EHLO client.example");

        driver.SendMessage("hello\r\n.\r\n").Should().Equal("451 4.3.0 Mail store unavailable");
        driver.Session.Context.MessagesAccepted.Should().Be(0);
        driver.Session.Context.SessionBytes.Should().Be(0);
    }

    [Fact]
    public void Data_DeliveredMessage_CarriesEnvelopeBodyAndProtocol()
    {
        using var driver = new SessionDriver();
        driver.Command("EHLO client.example");
        driver.Command("MAIL FROM:<alice@maillab.test> BODY=8BITMIME");
        driver.Command("RCPT TO:<bob>");
        driver.Command("RCPT TO:<carol@maillab.test>");
        driver.Command("DATA");

        driver.Send("Subject: env\r\n.\r\n");

        var message = driver.Handler.Delivered.Single();
        message.Sender.Should().Be(new SmtpMailbox("alice", "maillab.test"));
        message.Recipients.Select(r => r.Address).Should().Equal("bob@maillab.test", "carol@maillab.test");
        message.Body.Should().Be("8BITMIME");
        message.SmtpUtf8.Should().BeFalse();
        message.Protocol.Should().Be("ESMTP");
        driver.Session.Context.SessionBytes.Should().Be(14);
    }

    /// <summary>A one-line message body of exactly <paramref name="count"/> octets with its CRLF.</summary>
    private static string Octets(int count) => new string('a', count - 2) + "\r\n";

    private static SessionDriver Driver(SmtpServerOptions options)
    {
        var driver = new SessionDriver(options);
        driver.TakeLines();
        driver.Command("EHLO client.example");
        return driver;
    }
}
