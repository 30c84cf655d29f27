using MailLab.Protocol.Common;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>
/// Property: any content, dot-stuffed by a client and cut anywhere by the network, comes out of the
/// session byte for byte. Bodies are random (fixed seed) and favour the awkward bytes: leading
/// dots, bare CR, bare LF, look-alike terminators and 8-bit data.
/// </summary>
public sealed class DotStuffingPropertyTests
{
    private static readonly string[] Pieces =
    [
        ".", "..", "\r", "\n", "\r\n", "\r\n.", "\r\n.\r\n", "\n.\n", "\r.\r\n", "\r\n.\n", ".\r", "\u00e9\u00ff\u0080", "\0",
        "Subject: x", "text ", "a.b", " ",
    ];

    [Fact]
    public void Encoder_StuffsOnlyDotsAtLineStart()
    {
        var encoded = DotStuffer.Encode(Bytes.Of(".a\r\nb.\r\n.\r\n\n.c\r\n"));

        Bytes.Text(encoded).Should().Be("..a\r\nb.\r\n..\r\n\n.c\r\n.\r\n");
    }

    [Fact]
    public void Unstuffer_RandomBodiesAtRandomSplits_AreByteIdentical()
    {
        var random = new Random(5321);
        for (var round = 0; round < 1000; round++)
        {
            var body = RandomBody(random);
            var wire = DotStuffer.Encode(body).Concat("NOOP\r\n"u8.ToArray()).ToArray();
            var cuts = RandomCuts(random, wire.Length);

            var (content, consumed, complete) = DotUnstufferTests.Decode(wire, cuts);

            complete.Should().BeTrue($"round {round}");
            consumed.Should().Be(wire.Length - 6, $"round {round}: the next command is not consumed");
            Bytes.Of(content).Should().Equal(body, $"round {round}: {Bytes.Visible(Bytes.Text(body))}");
        }
    }

    [Fact]
    public void Session_RandomBodiesAtRandomSplits_AreDeliveredByteIdentical()
    {
        var random = new Random(3030);
        var options = SessionDriver.DefaultOptions() with { EnforceTextLineLimit = false };
        for (var round = 0; round < 300; round++)
        {
            var body = RandomBody(random);
            var wire = Bytes.Of("MAIL FROM:<alice@maillab.test>\r\nRCPT TO:<bob@maillab.test>\r\nDATA\r\n")
                .Concat(DotStuffer.Encode(body))
                .Concat(Bytes.Of("QUIT\r\n"))
                .ToArray();
            using var driver = new SessionDriver(options);
            driver.Command("EHLO client.example");

            driver.SendSplit(wire, RandomCuts(random, wire.Length));

            driver.TakeLines().Should().Equal(
                [
                    "250 2.1.0 Sender OK",
                    "250 2.1.5 Recipient OK",
                    "354 Start mail input; end with <CRLF>.<CRLF>",
                    "250 2.6.0 Queued mail for delivery",
                    "221 2.0.0 mx.maillab.test Service closing transmission channel",
                ],
                $"round {round}");
            driver.Handler.Delivered.Single().Content.Should().Equal(body, $"round {round}");
        }
    }

    [Fact]
    public void Unstuffer_AllByteValues_SurviveTheRoundTrip()
    {
        var body = Enumerable.Range(0, 256).Select(b => (byte)b).Concat("\r\n"u8.ToArray()).ToArray();
        var unstuffer = new DotUnstuffer();
        using var sink = new PooledByteBuffer();

        var (_, complete) = unstuffer.Feed(DotStuffer.Encode(body), sink, long.MaxValue);

        complete.Should().BeTrue();
        sink.WrittenSpan.ToArray().Should().Equal(body);
    }

    private static byte[] RandomBody(Random random)
    {
        var bytes = new List<byte>();
        var count = random.Next(0, 60);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(6) == 0)
            {
                // A run of arbitrary bytes, any value at all.
                var run = new byte[random.Next(1, 40)];
                random.NextBytes(run);
                bytes.AddRange(run);
            }
            else
            {
                bytes.AddRange(Bytes.Of(Pieces[random.Next(Pieces.Length)]));
            }
        }

        if (bytes.Count > 0 || random.Next(2) == 0)
        {
            bytes.AddRange("\r\n"u8.ToArray());
        }

        return [.. bytes];
    }

    private static int[] RandomCuts(Random random, int length) =>
        Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(0, length + 1)).Distinct().Order().ToArray();
}
