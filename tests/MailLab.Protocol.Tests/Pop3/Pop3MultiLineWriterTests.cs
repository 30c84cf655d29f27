using MailLab.Protocol.Common;
using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>Byte-stuffing of multi-line bodies (RFC 1939 §3) and the extent of TOP (§7).</summary>
public sealed class Pop3MultiLineWriterTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a\r\n", "a\r\n")]
    [InlineData(".\r\n", "..\r\n")]
    [InlineData(".a\r\n.\r\n..\r\n", "..a\r\n..\r\n...\r\n")]
    [InlineData("a.\r\nb .c\r\n", "a.\r\nb .c\r\n")]
    [InlineData("no final line end", "no final line end\r\n")]
    [InlineData("ends with bare LF\n", "ends with bare LF\n\r\n")]
    [InlineData("bare\n.dot\r\n", "bare\n..dot\r\n")]
    [InlineData("bare CR\r.dot\r\n", "bare CR\r.dot\r\n")]
    public void WriteStuffed_StuffsEveryLineStartingWithADot(string content, string expected)
    {
        using var output = new PooledByteBuffer();

        var written = Pop3MultiLineWriter.WriteStuffed(Bytes.Of(content), output);

        Bytes.Text(output.WrittenSpan).Should().Be(expected);
        written.Should().Be(expected.Length);
    }

    [Fact]
    public void WriteStuffed_NeverProducesATerminatorLine()
    {
        // Whatever the content, ".CRLF" cannot appear at a line start in the stuffed body.
        var content = Bytes.Of(".\r\n.\r\n\r\n.\r\n..\r\n.");
        using var output = new PooledByteBuffer();

        Pop3MultiLineWriter.WriteStuffed(content, output);

        ("\r\n" + Bytes.Text(output.WrittenSpan)).Should().NotContain("\r\n.\r\n");
    }

    [Theory]
    [InlineData("H: 1\r\n\r\nb1\r\nb2\r\n", 0, "H: 1\r\n\r\n")]
    [InlineData("H: 1\r\n\r\nb1\r\nb2\r\n", 1, "H: 1\r\n\r\nb1\r\n")]
    [InlineData("H: 1\r\n\r\nb1\r\nb2\r\n", 2, "H: 1\r\n\r\nb1\r\nb2\r\n")]
    [InlineData("H: 1\r\n\r\nb1\r\nb2\r\n", 99, "H: 1\r\n\r\nb1\r\nb2\r\n")]
    [InlineData("H: 1\r\nH: 2\r\n", 5, "H: 1\r\nH: 2\r\n")]
    [InlineData("H: 1\r\nH: 2", 0, "H: 1\r\nH: 2")]
    [InlineData("\r\nbody\r\n", 0, "\r\n")]
    [InlineData("H: 1\r\n\r\n\r\nb2\r\n", 1, "H: 1\r\n\r\n\r\n")]
    [InlineData("H: 1\r\n\r\nb1 without end", 5, "H: 1\r\n\r\nb1 without end")]
    [InlineData("H: 1\n\nb1\nb2\n", 1, "H: 1\n\nb1\n")]
    [InlineData("", 3, "")]
    public void TopLength_IsHeaderBlankLineAndNBodyLines(string content, int lines, string expected)
    {
        var bytes = Bytes.Of(content);

        var length = Pop3MultiLineWriter.TopLength(bytes, lines);

        Bytes.Text(bytes.AsSpan(0, length)).Should().Be(expected);
    }

    [Fact]
    public void TopLength_RejectsANegativeLineCount()
    {
        var act = () => Pop3MultiLineWriter.TopLength("a\r\n"u8, -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
