using MailLab.Mail.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Tracing;

/// <summary>
/// Stage events keep their texts as UTF-8 of their own length, in blocks the ring's writers share
/// (StageTextBlocks): every text reads back exactly, whatever its length or script, as the ring
/// wraps and blocks are replaced, and a reader never gets a text other than its event's.
/// </summary>
public sealed class StageTextTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));

    // Empty, one octet, short, around the length that gets an array of its own (1,024 octets), far
    // past a block (16 KB), and two- and four-octet UTF-8 (Cyrillic, an emoji as a surrogate pair).
    public static TheoryData<string> Texts() =>
    [
        string.Empty,
        "x",
        "Delivered to the mailbox student@rosnou.ru",
        new string('a', 1023),
        new string('b', 1024),
        new string('c', 1025),
        "Доставлено в ящик студент@rosnou.ru",
        new string('ж', 512),
        new string('ж', 513),
        "Relayed 📨 to rosnou.ru: 250 2.0.0 OK " + string.Concat(Enumerable.Repeat("📨", 300)),
        new string('z', 40_000),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void AStageText_OfAnyLengthOrScript_ReadsBackExactly_FromAStringOrAnInterpolation(string text)
    {
        var log = new TraceLog(_clock, stageCapacity: 10);

        log.Append("mail.ru", TraceKind.Queued, "before", traceId: "ML1");
        log.Append("mail.ru", TraceKind.Queued, text, traceId: "ML2");
        log.Append("mail.ru", TraceKind.Queued, $"{text}", traceId: "ML3");
        log.Append("mail.ru", TraceKind.Queued, "after", traceId: "ML4");

        log.Snapshot().Select(e => (e.TraceId, e.Text)).Should().Equal(("ML1", "before"), ("ML2", text), ("ML3", text), ("ML4", "after"));
    }

    [Fact]
    public void StageTexts_OfMixedLengths_AsTheRingWrapsManyTimes_AreTheNewestEvents_Exactly()
    {
        // 20,000 events through a ring of 50: about 9 MB of text, hundreds of blocks replaced and
        // texts past 1,024 octets in arrays of their own; what is kept is the last 50, whole.
        var log = new TraceLog(_clock, stageCapacity: 50);
        static string TextOf(int i) => $"{i}: " + new string(i % 3 == 0 ? 'ы' : 'q', i * 37 % 1_500);
        for (var i = 0; i < 20_000; i++)
        {
            log.Append("h", TraceKind.Relayed, TextOf(i), traceId: $"T{i}");
        }

        var kept = log.Snapshot();

        kept.Select(e => e.TraceId).Should().Equal(Enumerable.Range(19_950, 50).Select(i => $"T{i}"));
        kept.Select(e => e.Text).Should().Equal(Enumerable.Range(19_950, 50).Select(TextOf));
    }

    [Fact]
    public async Task StageTexts_OverwrittenWhileRead_AreNeverReturnedUnderAnotherEvent()
    {
        // A ring of 8 that 4 writers go round thousands of times while a reader copies it: every
        // slot is rewritten while it is read, and blocks fill and are replaced under the reader.
        // Each text names its event and has a length and script of its own, so a text of another
        // event, or one cut or mixed with another, cannot pass for the event's.
        var log = new TraceLog(_clock, stageCapacity: 8);
        static string TextOf(string id) => $"{id} " + new string(id.Length % 2 == 0 ? 'é' : 'w', id.Sum(c => c * 31) % 1_100) + $" {id}";
        var writing = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                var id = $"W{writer}-{i}";
                log.Append($"host{writer}", TraceKind.Relayed, $"{TextOf(id)}", traceId: id);
            }
        })).ToArray();

        var wrong = new List<string>();
        var read = 0;
        while (!writing.All(t => t.IsCompleted))
        {
            foreach (var e in log.Snapshot())
            {
                read++;
                if (e.Text != TextOf(e.TraceId!) || e.Host != $"host{e.TraceId![1]}")
                {
                    wrong.Add(e.TraceId!);
                }
            }
        }

        await Task.WhenAll(writing);
        wrong.Should().BeEmpty($"of {read:N0} events read while written, none has another event's text or a torn one");
        read.Should().BeGreaterThan(0);
        log.Snapshot().Select(e => e.Text).Should().Equal(log.Snapshot().Select(e => TextOf(e.TraceId!)));
    }

    [Fact]
    public void EventsOfOneKind_WithTheSameText_ShareItsOctets_AndReadBackExactly_AfterTheFirstIsOverwritten()
    {
        var log = new TraceLog(_clock, stageCapacity: 1_000);
        for (var i = 0; i < 1_000; i++)
        {
            log.Append("h", TraceKind.Cleanup, $"warm {i}", traceId: $"W{i}"); // every slot of the ring in use
        }

        var ids = Enumerable.Range(0, 10_000).Select(i => $"T{i}").ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var id in ids)
        {
            log.Append("h", TraceKind.Cleanup, "Added a Received header", traceId: id);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        log.Append("h", TraceKind.Cleanup, $"Added a Received {"header"}", traceId: "last"); // an interpolation, the same text
        log.Append("h", TraceKind.Queued, "Added a Received header", traceId: "other kind");
        log.Append("h", TraceKind.Cleanup, "Added a Received header, twice", traceId: "longer");

        allocated.Should().BeLessThan(20_000, "10,000 texts of 23 octets would take 230,000 octets of blocks; one copy is shared");
        var kept = log.Snapshot();
        kept.Should().HaveCount(1_000);
        kept.SkipLast(3).Select(e => e.Text).Should().AllBe("Added a Received header");
        kept.TakeLast(3).Select(e => (e.Kind, e.TraceId, e.Text)).Should().Equal(
            (TraceKind.Cleanup, "last", "Added a Received header"),
            (TraceKind.Queued, "other kind", "Added a Received header"),
            (TraceKind.Cleanup, "longer", "Added a Received header, twice"));
    }

    [Fact]
    public async Task SharedTexts_WrittenAndOverwrittenWhileRead_AreAlwaysTheirEventsText()
    {
        // Four writers each go round a ring of 8 with three texts in turn (so most events share
        // an earlier event's octets, and that event is overwritten meanwhile) while a reader copies it.
        var log = new TraceLog(_clock, stageCapacity: 8);
        string[] texts = ["Added a Received header", "Delivered to the mailbox student@rosnou.ru", "Доставлено 📨"];
        var writing = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                log.Append("h", TraceKind.Cleanup, texts[i % 3], traceId: $"{i % 3}-{writer}-{i}");
            }
        })).ToArray();

        var wrong = 0;
        var read = 0;
        while (!writing.All(t => t.IsCompleted))
        {
            foreach (var e in log.Snapshot())
            {
                read++;
                wrong += e.Text == texts[e.TraceId![0] - '0'] ? 0 : 1;
            }
        }

        await Task.WhenAll(writing);
        wrong.Should().Be(0, $"of {read:N0} events read while written, each has its own text");
        log.Snapshot().Should().OnlyContain(e => e.Text == texts[e.TraceId![0] - '0']);
    }
}
