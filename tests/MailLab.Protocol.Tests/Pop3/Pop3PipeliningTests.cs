using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Pop3.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>PIPELINING (RFC 2449 §6.6) and framing: whatever the cut, the same responses in the same order.</summary>
public sealed class Pop3PipeliningTests
{
    private const string Conversation =
        "CAPA\r\n" +
        "AUTH LOGIN\r\n" +
        "YWxpY2U=\r\n" +
        "c2VjcmV0\r\n" +
        "STAT\r\n" +
        "RETR 1\r\n" +
        "TOP 2 1\n" +
        "DELE 1\r\n" +
        "UIDL\r\n" +
        "QUIT\r\n" +
        "NOOP\r\n";

    [Fact]
    public void Conversation_InOneReceive_AnswersEveryCommandAndStopsAtQuit()
    {
        using var driver = new Pop3SessionDriver();

        var consumed = driver.Send(Conversation);

        consumed.Should().Be(Conversation.Length - "NOOP\r\n".Length);
        var lines = driver.TakeLines();
        lines.Should().Contain("+OK 119 octets").And.Contain("+OK message 1 deleted");
        lines[^1].Should().Be("+OK pop.maillab.test POP3 server signing off (1 message left)");
        driver.Handler.Opened.Single().Commits.Should().ContainSingle().Which.Should().Equal(0);
    }

    [Fact]
    public void Conversation_SplitAtEveryOffset_GivesTheSameBytes()
    {
        var whole = Run(driver => driver.Send(Conversation));

        for (var split = 1; split < Conversation.Length; split++)
        {
            var at = split;
            Run(driver => driver.SendSplit(Bytes.Of(Conversation), at)).Should().Be(whole, $"splitting at {at} must not change anything");
        }
    }

    [Fact]
    public void Conversation_SplitAtEveryPairOfOffsets_GivesTheSameBytes()
    {
        var whole = Run(driver => driver.Send(Conversation));

        for (var first = 1; first < Conversation.Length; first += 7)
        {
            for (var second = first + 1; second < Conversation.Length; second += 5)
            {
                var (a, b) = (first, second);
                Run(driver => driver.SendSplit(Bytes.Of(Conversation), a, b)).Should().Be(whole, $"splitting at {a} and {b} must not change anything");
            }
        }
    }

    [Fact]
    public void Conversation_ByteByByte_GivesTheSameBytes()
    {
        var whole = Run(driver => driver.Send(Conversation));

        Run(driver => driver.Send(Conversation, FeedMode.ByteByByte)).Should().Be(whole);
    }

    [Fact]
    public void Receive_AfterClose_ConsumesNothing()
    {
        using var driver = new Pop3SessionDriver();
        driver.Command("QUIT");

        driver.Session.Receive(Bytes.Of("NOOP\r\n")).Should().Be(0);
        driver.Session.PendingAction.Should().Be(Pop3SessionAction.Close);
    }

    private static string Run(Action<Pop3SessionDriver> send)
    {
        using var driver = new Pop3SessionDriver();
        driver.TakeText();
        send(driver);
        return driver.TakeText() + "|unconsumed=" + driver.LastUnconsumed;
    }
}
