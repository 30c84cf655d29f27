using System.Text;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Smtp.Client;

namespace MailLab.Protocol.Tests.Client;

/// <summary>
/// Reading replies (RFC 5321 §4.2) with the cache of replies already read: a reply seen again is
/// the same reply, never one that merely starts or ends the same way.
/// </summary>
public sealed class SmtpReplyReaderTests
{
    [Fact]
    public void AMultiLineReply_ReadAgain_IsTheSameReply_AndFromTheSecondTimeOnTheSameObject()
    {
        var wire = "250-cache.test Hello [192.0.2.77]\r\n250-2.0.0 SIZE 2097152\r\n250 2.0.0 PIPELINING\r\n";

        var first = Read(wire);
        var second = Read(wire);
        var third = Read(wire);

        first.Code.Should().Be(250);
        first.EnhancedCode.Should().BeNull("the first line has no enhanced code");
        first.Lines.Should().Equal("cache.test Hello [192.0.2.77]", "2.0.0 SIZE 2097152", "2.0.0 PIPELINING");
        second.Should().Be(first);
        third.Should().BeSameAs(second, "a reply seen twice is kept and shared");
    }

    [Fact]
    public void RepliesThatDifferOnlyInTheirLastLine_AreNotConfused()
    {
        for (var i = 0; i < 3; i++)
        {
            Read("250-cache2.test\r\n250 2.1.0 Sender OK\r\n").Lines.Should().Equal("cache2.test", "2.1.0 Sender OK");
            Read("250-cache2.test\r\n250 2.1.5 Recipient OK\r\n").Lines.Should().Equal("cache2.test", "2.1.5 Recipient OK");
        }
    }

    [Fact]
    public void TheEnhancedCode_IsSplitOffEveryLineThatRepeatsIt_WhetherCachedOrNot()
    {
        for (var i = 0; i < 3; i++)
        {
            var reply = Read("550-5.7.1 Unable to relay\r\n550 5.7.1 for cache3.test\r\n");
            reply.Code.Should().Be(550);
            reply.EnhancedCode.Should().Be("5.7.1");
            reply.Lines.Should().Equal("Unable to relay", "for cache3.test");
        }
    }

    [Fact]
    public void ABareLf_EndsALineAsCrlfDoes()
    {
        Read("354 Start mail input; end with <CRLF>.<CRLF>\n").Should().Be(Read("354 Start mail input; end with <CRLF>.<CRLF>\r\n"));
    }

    [Fact]
    public void AReplyWhoseCodeChangesMidway_IsAProtocolError_EvenAfterTheGoodOneWasCached()
    {
        Read("250-cache4.test\r\n250 OK\r\n");
        Read("250-cache4.test\r\n250 OK\r\n");

        using var reader = new SmtpReplyReader();
        var (_, reply) = reader.Read(Encoding.ASCII.GetBytes("250-cache4.test\r\n251 OK\r\n"));

        reply.Should().BeNull();
        reader.ProtocolError.Should().Contain("changed its code from 250 to 251");
    }

    private static SmtpReply Read(string wire)
    {
        using var reader = new SmtpReplyReader();
        var bytes = Encoding.ASCII.GetBytes(wire);
        var (consumed, reply) = reader.Read(bytes);
        consumed.Should().Be(bytes.Length);
        reader.ProtocolError.Should().BeNull();
        return reply!;
    }
}
