using System.Text;
using MailLab.Mail.Delivery;

namespace MailLab.Mail.Tests.Delivery;

/// <summary>What a header block says, as a value of its own: reading the next block does not change it.</summary>
public sealed class HeaderFactsTests
{
    [Fact]
    public void TwoHeaderBlocksReadOnOneThread_EachKeepItsOwnFacts()
    {
        var first = Read("Received: from a by b; Mon, 1 Jan 2024 00:00:00 +0000\r\nReceived: from c by d id ML00000001; Mon, 1 Jan 2024 00:00:00 +0000\r\nSubject: First\r\nFrom: one@example.org\r\nMessage-ID: <1@example.org>\r\n\r\nbody\r\n");
        var second = Read("Subject: Second\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n\r\nbody\r\n");

        first.Received.Should().Be(2);
        first.SecondReceived!.Value.Should().Contain("ML00000001");
        first.Subject!.Value.Should().Be("First");
        first.From!.Value.Should().Be("one@example.org");
        (first.HasMessageId, first.HasDate).Should().Be((true, false));

        second.Received.Should().Be(0);
        second.SecondReceived.Should().BeNull();
        second.Subject!.Value.Should().Be("Second");
        second.From.Should().BeNull();
        (second.HasMessageId, second.HasDate).Should().Be((false, true));
    }

    private static HeaderFacts Read(string message)
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(message));
        return HeaderFacts.Read(stream) ?? throw new InvalidOperationException("unparsed");
    }
}
