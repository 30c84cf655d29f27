using System.Text;
using MailLab.Mail.Delivery;
using MimeKit;

namespace MailLab.Mail.Tests.Delivery;

/// <summary>
/// The octet scanner reads what MimeKit's reader reads: for every block below, the same counts and
/// the same Received, Subject and From fields (name, raw value, decoded value), whether the scanner
/// read the block itself or handed it to MimeKit.
/// </summary>
public sealed class HeaderScannerTests
{
    public static TheoryData<string, bool> Blocks() => new()
    {
        { "From: ivan@mail.ru\r\nTo: student@rosnou.ru\r\nSubject: bench\r\n\r\nbody\r\n", true },
        { "Received: from a ([192.0.2.1]) by mail.ru with ESMTP id ML0000000A;\r\n\tMon, 1 Jan 2024 00:00:00 +0000\r\nReceived: from b by c id ML00000001; Mon, 1 Jan 2024 00:00:00 +0000\r\nReceived: third\r\nSubject: x\r\n\r\n", true },
        { "subject: lower case\r\nFROM: One <one@example.org>\r\nmessage-id: <1@x>\r\nDATE: Mon, 1 Jan 2024 00:00:00 +0000\r\n\r\n", true },
        { "Subject: =?utf-8?B?0J/RgNC40LLQtdGCIQ==?= and\r\n =?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=\r\nFrom: =?utf-8?Q?=D0=98=D0=B2=D0=B0=D0=BD?= <ivan@mail.ru>\r\n\r\n", true },
        { "Subject: Привет, 8-bit UTF-8\r\nFrom: студент@rosnou.ru\r\n\r\n", true },
        { "Subject: first\r\nSubject: second\r\nFrom: a@b\r\nFrom: c@d\r\n\r\n", true },
        { "Subject:\r\nFrom:   \r\n\tfolded@example.org  \r\n\r\n", true },
        { "X-Odd!#$%&'*+-/=?^_`{|}~: ok\r\nSubject: after an odd name\r\n\r\n", true },
        { "\r\nSubject: in the body\r\n\r\n", true },
        { "Subject: bare LF\nFrom: a@b\n\nbody\n", false },
        { "Subject: a bare\rCR\r\n\r\n", false },
        { "From ivan@mail.ru Mon Jan  1 00:00:00 2024\r\nSubject: mbox\r\n\r\n", false },
        { "Subject : space before the colon\r\n\r\n", false },
        { "not a field\r\nSubject: x\r\n\r\n", false },
        { " Subject: starts folded\r\n\r\n", false },
        { "Subject: no empty line\r\n", false },
        { ": no name\r\nSubject: x\r\n\r\n", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void TheScanner_ReadsWhatMimeKitReads_OrLeavesTheBlockToIt(string block, bool scanned)
    {
        var octets = Encoding.UTF8.GetBytes(block);

        HeaderScanner.TryScan(octets, out _).Should().Be(scanned);
        var read = HeaderFacts.Read(octets.AsMemory());
        using var stream = new MemoryStream(octets, writable: false);
        var reference = HeaderFacts.ReadWithMimeKit(stream);

        read.HasValue.Should().Be(reference.HasValue);
        if (read is not { } facts || reference is not { } mime)
        {
            return;
        }

        (facts.Received, facts.HasMessageId, facts.HasDate).Should().Be((mime.Received, mime.HasMessageId, mime.HasDate));
        facts.FirstReceivedRawValue.ToArray().Should().Equal(mime.FirstReceivedRawValue.ToArray());
        Same(facts.FirstReceived, mime.FirstReceived);
        Same(facts.SecondReceived, mime.SecondReceived);
        Same(facts.Subject, mime.Subject);
        Same(facts.From, mime.From);
    }

    private static void Same(Header? actual, Header? expected)
    {
        if (expected is null)
        {
            actual.Should().BeNull();
            return;
        }

        actual.Should().NotBeNull();
        (actual!.Id, actual.Field, actual.Value).Should().Be((expected.Id, expected.Field, expected.Value));
        actual.RawValue.Should().Equal(expected.RawValue);
    }
}
