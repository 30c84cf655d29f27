using System.Text;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Tests.MailboxStores;

/// <summary>
/// A stored message keeps beside its bytes only its sequence, the low bits of its time received and
/// how far its first copy's sequence is behind; the rest is in an envelope many messages share.
/// Every fact reads back exactly, whatever the time and however far apart the copies' sequences.
/// </summary>
public sealed class StoredMessageTests
{
    private static readonly byte[] Bytes = Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n");

    public static TheoryData<long, long> Sequences() => new()
    {
        { 1, 0 }, { 1, 1 }, { 5, 2 }, { int.MaxValue + 10L, 10 }, { int.MaxValue + 11L, 10 }, { long.MaxValue, 1 }, { 3, 7 }, { 4, long.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void TheFirstCopysSequence_ReadsBackExactly_HoweverFarBehindOrAhead(long sequence, long traceSequence)
    {
        var message = new StoredMessage(sequence, "rosnou.ru", "a@example.org", ["student@rosnou.ru"], Bytes, DateTimeOffset.UnixEpoch, traceSequence);

        message.Sequence.Should().Be(sequence);
        message.TraceSequence.Should().Be(traceSequence == 0 ? sequence : traceSequence);
        message.TraceId.Should().Be(StoredMessage.FormatId(message.TraceSequence));
        message.WithRecipients(["b@rosnou.ru"]).TraceSequence.Should().Be(message.TraceSequence);
    }

    [Fact]
    public void TheTimeReceived_ReadsBackExactly_WithItsOffset_AcrossSevenMinuteWindows()
    {
        var start = new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.FromHours(3));
        var times = new[] { DateTimeOffset.MinValue, DateTimeOffset.MaxValue, start, start.AddTicks(1), start.AddTicks(uint.MaxValue), start.AddTicks(uint.MaxValue + 1L), start.AddDays(400).ToOffset(TimeSpan.FromMinutes(-330)) };

        var messages = times.Select((t, i) => new StoredMessage(i + 1, "rosnou.ru", "a@example.org", ["student@rosnou.ru"], Bytes, t)).ToArray();

        messages.Select(m => (m.Received, m.Received.Offset)).Should().Equal(times.Select(t => (t, t.Offset)));
        messages.Select(m => m.WithRecipients(["b@rosnou.ru"]).Received.EqualsExact(m.Received)).Should().AllBeEquivalentTo(true);
    }

    [Fact]
    public void AStoredMessage_Takes56Octets_BesideItsBytes()
    {
        var received = new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero);
        var data = new byte[1_000][];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = Bytes;
        }

        string[] to = ["student@rosnou.ru"];
        var messages = new StoredMessage[1_000];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = new StoredMessage(i + 1, "rosnou.ru", "a@example.org", to, data[i], received.AddMilliseconds(i));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(1_000 * 64, "56 octets each (it was 64), the envelope shared");
        GC.KeepAlive(messages);
    }
}
