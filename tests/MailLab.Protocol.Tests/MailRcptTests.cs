using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>MAIL FROM and RCPT TO (RFC 5321 §4.1.1.2, §4.1.1.3) and the envelope the handler gets.</summary>
public sealed class MailRcptTests
{
    [Fact]
    public void MailFrom_WithoutAngleBrackets_Returns501()
    {
        using var driver = Started();

        driver.Command("MAIL FROM:alice@maillab.test").Should().Equal("501 5.1.7 Syntax: the address must be enclosed in angle brackets <>");
    }

    [Fact]
    public void MailFrom_NullReversePath_IsAcceptedAndDelivered()
    {
        using var driver = Started();

        driver.SendMessage("bounce\r\n.\r\n", from: string.Empty).Should().Equal("250 2.6.0 Queued mail for delivery");

        driver.Handler.Delivered.Single().Sender.IsNull.Should().BeTrue();
    }

    [Fact]
    public void MailFrom_BeforeEhlo_Returns503()
    {
        using var driver = new SessionDriver();
        driver.TakeLines();

        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: send HELO/EHLO first");
    }

    [Fact]
    public void MailFrom_Twice_Returns503()
    {
        using var driver = Started();
        driver.Command("MAIL FROM:<alice@maillab.test>");

        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: sender already specified");
    }

    [Fact]
    public void MailFrom_SizeOverLimit_Returns552()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { MaxMessageSize = 5000 });
        driver.Command("EHLO client.example");

        driver.Command("MAIL FROM:<alice@maillab.test> SIZE=5001").Should().Equal("552 5.3.4 Message size exceeds fixed maximum message size");
    }

    [Theory]
    [InlineData("MAIL FROM:<alice@maillab.test> X-FOO", "555 5.5.4 Unsupported parameter: X-FOO")]
    [InlineData("MAIL FROM:<alice@maillab.test> BODY=BINARYMIME", "555 5.5.4 Unsupported parameter: BODY=BINARYMIME")]
    [InlineData("MAIL FROM:<alice@maillab.test> SIZE=-1", "501 5.5.4 Syntax error: invalid value for SIZE")]
    [InlineData("MAIL FROM:<alice@maillab.test> SIZE", "501 5.5.4 Syntax error: invalid value for SIZE")]
    [InlineData("MAIL FROM:<alice@maillab.test> BODY", "501 5.5.4 Syntax error: invalid value for BODY")]
    [InlineData("MAIL FROM:<alice@maillab.test> _X=1", "501 5.5.4 Syntax: bad parameter \"_X=1\"")]
    public void MailFrom_BadOrUnknownParameter_IsRefused(string command, string reply)
    {
        using var driver = Started();

        driver.Command(command).Should().Equal(reply);
    }

    [Fact]
    public void MailFrom_NonAsciiWithoutSmtpUtf8_Returns553()
    {
        using var driver = Started();

        driver.Command("MAIL FROM:<ёж@maillab.test>").Should().Equal("553 5.6.7 Non-ASCII addresses are not permitted without SMTPUTF8");
    }

    [Fact]
    public void MailFrom_NonAsciiWithSmtpUtf8_IsDeliveredAsUtf8Smtp()
    {
        using var driver = Started();
        driver.Command("MAIL FROM:<ёж@maillab.test> SMTPUTF8").Should().Equal("250 2.1.0 Sender OK");
        driver.Command("RCPT TO:<ёжик@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
        driver.Command("DATA");

        driver.Send("Subject: ёж\r\n.\r\n");

        var message = driver.Handler.Delivered.Single();
        (message.Sender.Address, message.Recipients.Single().Address, message.SmtpUtf8, message.Protocol, message.Text)
            .Should().Be(("ёж@maillab.test", "ёжик@maillab.test", true, "UTF8SMTP", "Subject: ёж\r\n"));
    }

    [Fact]
    public void RcptTo_BeforeMail_Returns503()
    {
        using var driver = Started();

        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: need MAIL before RCPT");
    }

    [Theory]
    [InlineData("RCPT TO:bob@maillab.test", "Syntax: the address must be enclosed in angle brackets <>")]
    [InlineData("RCPT TO:<>", "Syntax: empty address <> is not allowed here")]
    [InlineData("RCPT TO <bob@maillab.test>", "Syntax: expected \"TO:<address>\"")]
    [InlineData("RCPT TO:<bob@maillab..test>", "Syntax: invalid domain")]
    [InlineData("RCPT TO:<bob smith@maillab.test>", "Syntax: invalid characters in the local part")]
    public void RcptTo_BadSyntax_Returns501(string command, string text)
    {
        using var driver = InTransaction();

        driver.Command(command).Should().Equal("501 5.1.3 " + text);
    }

    [Fact]
    public void RcptTo_WithDsnParameter_Returns555()
    {
        using var driver = InTransaction();

        driver.Command("RCPT TO:<bob@maillab.test> NOTIFY=SUCCESS").Should().Equal("555 5.5.4 Unsupported parameter: NOTIFY");
    }

    [Fact]
    public void RcptTo_BareLocalPart_IsDeliveredWithTheDefaultDomain()
    {
        using var driver = Started();

        driver.SendMessage("x\r\n.\r\n", to: "bob");

        driver.Handler.Delivered.Single().Recipients.Should().Equal(new SmtpMailbox("bob", "maillab.test"));
    }

    [Fact]
    public void RcptTo_PastMaxRecipients_Returns452()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { MaxRecipients = 3 });
        driver.Command("EHLO client.example");
        driver.Command("MAIL FROM:<alice@maillab.test>");

        var replies = Enumerable.Range(1, 5).Select(i => driver.Command($"RCPT TO:<user{i}@maillab.test>").Single()).ToList();

        replies.Should().Equal(
            "250 2.1.5 Recipient OK",
            "250 2.1.5 Recipient OK",
            "250 2.1.5 Recipient OK",
            "452 4.5.3 Too many recipients",
            "452 4.5.3 Too many recipients");
    }

    [Fact]
    public void RcptTo_RefusedRecipient_DoesNotCountTowardsTheLimit()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { MaxRecipients = 1 });
        driver.Command("EHLO client.example");
        driver.Command("MAIL FROM:<alice@maillab.test>");

        driver.Command("RCPT TO:<nobody@maillab.test>").Should().Equal("550 5.1.1 Mailbox unavailable");
        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
    }

    [Fact]
    public void Ehlo_DuringTransaction_ResetsIt()
    {
        // RFC 5321 §4.1.4: EHLO in the middle of a transaction clears it, as RSET does.
        using var driver = InTransaction();

        driver.Command("EHLO client.example");

        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("503 5.5.1 Bad sequence of commands: need MAIL before RCPT");
    }

    [Fact]
    public void Helo_MessageIsMarkedSmtp()
    {
        using var driver = new SessionDriver();
        driver.TakeLines();
        driver.Command("HELO client.example").Should().Equal("250 mx.maillab.test Hello [192.0.2.10]");

        driver.SendMessage("x\r\n.\r\n");

        driver.Handler.Delivered.Single().Protocol.Should().Be("SMTP");
        driver.Session.Context.ClientName.Should().Be("client.example");
        driver.Session.Context.IsExtended.Should().BeFalse();
    }

    [Fact]
    public void Verbs_AreCaseInsensitive()
    {
        using var driver = new SessionDriver();
        driver.TakeLines();

        driver.Command("ehlo client.example").Should().HaveCount(9);
        driver.Command("mail from:<alice@maillab.test>").Should().Equal("250 2.1.0 Sender OK");
        driver.Command("Rcpt To:<bob@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
    }

    [Fact]
    public void Data_BeforeRcpt_Returns503()
    {
        using var driver = InTransaction();

        driver.Command("DATA").Should().Equal("503 5.5.1 Bad sequence of commands: need RCPT command");
        driver.Session.IsReceivingContent.Should().BeFalse();
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver();
        driver.Command("EHLO client.example");
        return driver;
    }

    private static SessionDriver InTransaction()
    {
        var driver = Started();
        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("250 2.1.0 Sender OK");
        return driver;
    }
}
