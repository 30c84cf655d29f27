using MailLab.Protocol.Common;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>The DATA decoder on its own (RFC 5321 §4.1.1.4, §4.5.2), fed at every split point.</summary>
public sealed class DotUnstufferTests
{
    // Stuffed lines, a bare CR, a bare LF, an 8-bit byte and a dot inside a line, then the next command.
    private const string Wire = "Subject: t\r\n\r\n..dot\r\n...two\r\nbare\rcr, bare\nlf, \u00e9t\u00e9 a.b\r\n.\r\nNOOP\r\n";
    private const string Content = "Subject: t\r\n\r\n.dot\r\n..two\r\nbare\rcr, bare\nlf, \u00e9t\u00e9 a.b\r\n";
    private static readonly int EndOfData = Wire.IndexOf("\r\n.\r\n", StringComparison.Ordinal) + 5;

    [Fact]
    public void Feed_WholeMessage_RemovesStuffingAndStopsAfterTerminator()
    {
        var result = Decode(Bytes.Of(Wire), []);

        result.Should().Be((Content, EndOfData, true));
    }

    [Fact]
    public void Feed_ByteByByte_GivesTheSameContent()
    {
        var input = Bytes.Of(Wire);

        var result = Decode(input, Enumerable.Range(1, input.Length - 1));

        result.Should().Be((Content, EndOfData, true));
    }

    [Fact]
    public void Feed_AtEveryTwoWaySplit_GivesTheSameContent()
    {
        var input = Bytes.Of(Wire);
        for (var cut = 0; cut <= input.Length; cut++)
        {
            Decode(input, [cut]).Should().Be((Content, EndOfData, true), $"split at {cut}");
        }
    }

    [Fact]
    public void Feed_AtEveryThreeWaySplit_GivesTheSameContent()
    {
        var input = Bytes.Of(Wire);
        for (var first = 0; first <= EndOfData; first++)
        {
            for (var second = first; second <= EndOfData; second++)
            {
                Decode(input, [first, second]).Should().Be((Content, EndOfData, true), $"splits at {first} and {second}");
            }
        }
    }

    [Theory]
    [InlineData("..\r\n.\r\n", ".\r\n")]
    [InlineData("..x\r\n.\r\n", ".x\r\n")]
    [InlineData("...\r\n.\r\n", "..\r\n")]
    [InlineData("a\r\n..\r\nb\r\n.\r\n", "a\r\n.\r\nb\r\n")]
    [InlineData(".x\r\n.\r\n", "x\r\n")]
    public void Feed_DotAtLineStart_IsRemoved(string wire, string content)
    {
        Decode(Bytes.Of(wire), []).Content.Should().Be(content);
    }

    [Theory]
    [InlineData("a.\r\n.\r\n", "a.\r\n")]
    [InlineData("a..b\r\n.\r\n", "a..b\r\n")]
    [InlineData(" .\r\n.\r\n", " .\r\n")]
    public void Feed_DotInsideLine_IsKept(string wire, string content)
    {
        Decode(Bytes.Of(wire), []).Content.Should().Be(content);
    }

    [Fact]
    public void Feed_TerminatorFirst_GivesEmptyMessage()
    {
        Decode(Bytes.Of(".\r\nQUIT\r\n"), []).Should().Be((string.Empty, 3, true));
    }

    [Theory]
    [InlineData("a\r\n.")]
    [InlineData("a\r\n.\r")]
    [InlineData("a\r\n")]
    [InlineData("a\r")]
    public void Feed_WithoutTerminator_ConsumesEverythingAndWaits(string wire)
    {
        var unstuffer = new DotUnstuffer();
        using var sink = new PooledByteBuffer();

        var (consumed, complete) = unstuffer.Feed(Bytes.Of(wire), sink, long.MaxValue);

        (consumed, complete).Should().Be((wire.Length, false));
        unstuffer.Feed(Bytes.Of("\r\n.\r\n"), sink, long.MaxValue).Complete.Should().BeTrue();
    }

    [Fact]
    public void Feed_OverStoreLimit_CountsEverythingButStoresOnlyWhatFits()
    {
        var unstuffer = new DotUnstuffer();
        using var sink = new PooledByteBuffer();

        var (consumed, complete) = unstuffer.Feed(Bytes.Of("12345\r\n67890\r\n.\r\n"), sink, storeLimit: 8);

        (consumed, complete).Should().Be((17, true));
        unstuffer.ContentLength.Should().Be(14);
        Bytes.Text(sink.WrittenSpan).Should().Be("12345\r\n");
    }

    [Fact]
    public void LongestLine_CountsOctetsWithoutCrlfAfterUnstuffing()
    {
        var unstuffer = new DotUnstuffer();
        using var sink = new PooledByteBuffer();

        unstuffer.Feed(Bytes.Of("abc\r\n..12345\r\nx\r\n.\r\n"), sink, long.MaxValue);

        unstuffer.LongestLine.Should().Be(6);
        unstuffer.ContentLength.Should().Be(16);
    }

    [Fact]
    public void Reset_StartsAFreshMessageAtALineStart()
    {
        var unstuffer = new DotUnstuffer();
        using var sink = new PooledByteBuffer();
        unstuffer.Feed(Bytes.Of("half a line"), sink, long.MaxValue);

        unstuffer.Reset();
        sink.Clear();
        var (consumed, complete) = unstuffer.Feed(Bytes.Of(".\r\n"), sink, long.MaxValue);

        (consumed, complete, unstuffer.ContentLength, unstuffer.LongestLine).Should().Be((3, true, 0L, 0L));
    }

    /// <summary>Feeds <paramref name="input"/> cut at <paramref name="cuts"/> as a transport would.</summary>
    internal static (string Content, int Consumed, bool Complete) Decode(byte[] input, IEnumerable<int> cuts)
    {
        var unstuffer = new DotUnstuffer();
        using var sink = new PooledByteBuffer();
        var consumed = 0;
        var start = 0;
        foreach (var end in cuts.Append(input.Length))
        {
            var (taken, complete) = unstuffer.Feed(input.AsSpan(start, end - start), sink, long.MaxValue);
            consumed += taken;
            if (complete)
            {
                return (Bytes.Text(sink.WrittenSpan), consumed, true);
            }

            taken.Should().Be(end - start, "an unfinished message consumes all it is given");
            start = end;
        }

        return (Bytes.Text(sink.WrittenSpan), consumed, false);
    }
}
