using System.Text;
using MailLab.Mail.Delivery;
using MimeKit;

namespace MailLab.Mail.Tests.Delivery;

/// <summary>
/// The cleanup stage reads the header block with MimeKit: Received headers counted for the hop
/// limit, Message-ID and Date added when missing (RFC 5322 §3.6), Subject and From read on the first hop.
/// </summary>
public sealed class CleanupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 40, 0, TimeSpan.Zero);

    [Fact]
    public void ReceivedHeadersAreCounted_AMissingDateIsAdded_AndTheSubjectIsDecoded()
    {
        var content = Encoding.ASCII.GetBytes(
            "Received: from a by b; Sat, 28 Nov 2026 02:00:00 +0000\r\n" +
            "Received: from c\r\n\tby d; Sat, 28 Nov 2026 01:00:00 +0000\r\n" +
            "Message-ID: <x@y>\r\n" +
            "From: =?UTF-8?B?0JjQstCw0L0=?= <ivan@mail.ru>\r\n" +
            "Subject: =?UTF-8?B?0JvQsNCx0L7RgNCw0YLQvtGA0L3QsNGPIDM=?=\r\n" +
            "\r\n" +
            "Received: not a header, the body\r\n");

        var result = Cleanup.Apply(content, "Received: by us; now\r\n", "rosnou.ru", "ML00000001", Now, readSubject: true);

        result.ReceivedCount.Should().Be(2, "the Received line in the body is not a header");
        result.AddedHeaders.Should().Equal("Date");
        result.Subject.Should().Be("Лабораторная 3");
        result.From.Should().Be("Иван <ivan@mail.ru>");
        var stored = MimeMessage.Load(new MemoryStream(result.Data));
        stored.Headers.Count(h => h.Id == HeaderId.Received).Should().Be(3);
        stored.Headers[HeaderId.Date].Should().Be("Sat, 28 Nov 2026 02:40:00 +0000");
        stored.MessageId.Should().Be("x@y");
        Encoding.ASCII.GetString(result.Data).Should().EndWith("\r\n\r\nReceived: not a header, the body\r\n");
    }

    [Fact]
    public void ContentWithoutHeaders_GetsMessageIdAndDate_AndIsKeptByteForByte()
    {
        var content = Encoding.ASCII.GetBytes("just a line of text\r\n");

        var result = Cleanup.Apply(content, "Received: by us; now\r\n", "rosnou.ru", "ML0000000A", Now, readSubject: true);

        result.ReceivedCount.Should().Be(0);
        result.AddedHeaders.Should().Equal("Message-ID", "Date");
        result.Subject.Should().BeEmpty();
        var text = Encoding.ASCII.GetString(result.Data);
        text.Should().StartWith("Received: by us; now\r\nMessage-ID: <ML0000000A@rosnou.ru>\r\nDate: Sat, 28 Nov 2026 02:40:00 +0000\r\n");
        text.Should().EndWith("just a line of text\r\n");
    }
}
