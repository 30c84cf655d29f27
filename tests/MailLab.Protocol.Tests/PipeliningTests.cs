using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>PIPELINING (RFC 2920) and framing: whatever the cut, the same replies in the same order.</summary>
public sealed class PipeliningTests
{
    private const string Conversation =
        "EHLO client.example\r\n" +
        "MAIL FROM:<alice@maillab.test>\r\n" +
        "RCPT TO:<bob@maillab.test>\r\n" +
        "RCPT TO:<nobody@maillab.test>\r\n" +
        "DATA\r\n" +
        "Subject: pipelined\r\n\r\n..dot\r\n.\r\n" +
        "MAIL FROM:<alice@maillab.test>\r\n" +
        "RCPT TO:<carol@maillab.test>\r\n" +
        "BDAT 10 LAST\r\n" +
        "chunk\r\n.\r\n" +
        "QUIT\r\n";

    private static readonly string[] Replies =
    [
        "250-mx.maillab.test Hello [192.0.2.10]",
        "250-SIZE",
        "250-PIPELINING",
        "250-8BITMIME",
        "250-ENHANCEDSTATUSCODES",
        "250-SMTPUTF8",
        "250-CHUNKING",
        "250-VRFY",
        "250 HELP",
        "250 2.1.0 Sender OK",
        "250 2.1.5 Recipient OK",
        "550 5.1.1 Mailbox unavailable",
        "354 Start mail input; end with <CRLF>.<CRLF>",
        "250 2.6.0 Queued mail for delivery",
        "250 2.1.0 Sender OK",
        "250 2.1.5 Recipient OK",
        "250 2.6.0 Queued mail for delivery",
        "221 2.0.0 mx.maillab.test Service closing transmission channel",
    ];

    [Fact]
    public void WholeConversation_InOneReceive_GivesEveryReplyInOrder()
    {
        using var driver = Started();

        driver.Send(Conversation).Should().Be(Conversation.Length);

        driver.TakeLines().Should().Equal(Replies);
        AssertDelivered(driver);
    }

    [Fact]
    public void WholeConversation_ByteByByte_GivesTheSameReplies()
    {
        using var driver = Started();

        driver.Send(Conversation, FeedMode.ByteByByte).Should().Be(Conversation.Length);

        driver.TakeLines().Should().Equal(Replies);
        AssertDelivered(driver);
    }

    [Fact]
    public void WholeConversation_AtEveryTwoWaySplit_GivesTheSameReplies()
    {
        var bytes = Bytes.Of(Conversation);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            using var driver = Started();

            driver.SendSplit(bytes, cut).Should().Be(bytes.Length);

            driver.TakeLines().Should().Equal(Replies, $"split at {cut}");
            AssertDelivered(driver);
        }
    }

    [Fact]
    public void Quit_StopsReading_AndLaterBytesAreNotConsumed()
    {
        using var driver = Started();
        const string input = "NOOP\r\nQUIT\r\nNOOP\r\n";

        var consumed = driver.Send(input);

        consumed.Should().Be("NOOP\r\nQUIT\r\n".Length);
        driver.TakeLines().Should().Equal("250 2.0.0 OK", "221 2.0.0 mx.maillab.test Service closing transmission channel");
        driver.Session.IsClosed.Should().BeTrue();
        driver.Session.Receive(Bytes.Of("NOOP\r\n")).Should().Be(0);
    }

    private static void AssertDelivered(SessionDriver driver)
    {
        driver.Handler.Delivered.Select(m => m.Text).Should().Equal("Subject: pipelined\r\n\r\n.dot\r\n", "chunk\r\n.\r\n");
        driver.Handler.Delivered.Select(m => m.Recipients.Single().Address).Should().Equal("bob@maillab.test", "carol@maillab.test");
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver();
        driver.TakeLines().Should().Equal("220 mx.maillab.test Microsoft ESMTP MAIL Service (MailLab) ready");
        return driver;
    }
}
