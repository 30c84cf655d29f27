using System.Text;
using MailLab.Protocol.Common;
using MailLab.Protocol.Smtp;

namespace MailLab.Protocol.Tests;

/// <summary>
/// A reply keeps its wire bytes and display text once formatted; a copy made with <c>with</c> is
/// another reply and is formatted from its own code and lines, never from the original's bytes.
/// </summary>
public sealed class SmtpReplyCopyTests
{
    [Fact]
    public void AWithCopy_OfAReplyAlreadySentTwice_WritesAndShowsItsOwnText()
    {
        var original = new SmtpReply(250, "2.0.0", "Ok");
        Written(original).Should().Be("250 2.0.0 Ok\r\n");
        Written(original).Should().Be("250 2.0.0 Ok\r\n"); // the second write keeps the bytes
        original.DisplayText.Should().Be("250 2.0.0 Ok");

        var copy = original with { Code = 451, EnhancedCode = "4.3.0", Lines = ["Try again", "later"] };

        Written(copy).Should().Be("451-4.3.0 Try again\r\n451 4.3.0 later\r\n");
        Written(copy).Should().Be("451-4.3.0 Try again\r\n451 4.3.0 later\r\n");
        copy.DisplayText.Should().Be("451-4.3.0 Try again\n451 4.3.0 later");
        copy.ToWireString().Should().Be("451-4.3.0 Try again\r\n451 4.3.0 later\r\n");
        Written(original).Should().Be("250 2.0.0 Ok\r\n");
    }

    private static string Written(SmtpReply reply)
    {
        using var buffer = new PooledByteBuffer(64);
        reply.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
