using System.Text;

namespace MailLab.Mail.Tracing;

/// <summary>
/// The most recent delivery-stage events (received, queued, relayed, delivered…), kept in a ring
/// of slots instead of two objects per event: each slot holds an event's fixed fields as a struct
/// and owns room for its text as UTF-8 (a longer text is kept as its string). The ring is made of
/// segments allocated on first use (a world with little traffic stays small); once full, the
/// oldest events are overwritten. Texts become strings again only when read.
/// <para>Writers take no lock: an event's number (one atomic increment) picks its slot, and the
/// writer claims the slot by swapping its stamp to "being written by N" (one compare-and-swap)
/// before changing anything, so two writers whose events are a ring apart never write one slot at
/// once: the older waits for the newer to finish or, if the newer is already there, leaves its
/// event out (it would have been overwritten anyway). The stamp says which event the slot holds
/// once it is written; a reader copies a slot and its text and keeps the copy only if the stamp
/// was that event's before and after (a sequence lock).</para>
/// </summary>
internal sealed class StageRing
{
    // Room for the text of each event, as UTF-8; a longer text (a deferral listing many recipients)
    // is kept as its string.
    private const int TextOctetsPerSlot = 96;

    [ThreadStatic]
    private static byte[]? Scratch;

    private readonly int _capacity;
    private readonly int _slotsPerSegment;
    private readonly Slot[]?[] _slotSegments;
    private readonly byte[]?[] _textSegments;
    private long _written;

    public StageRing(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _slotsPerSegment = Math.Min(1024, _capacity);
        _slotSegments = new Slot[]?[(_capacity + _slotsPerSegment - 1) / _slotsPerSegment];
        _textSegments = new byte[]?[_slotSegments.Length];
    }

    private long SlotRing => (long)_slotSegments.Length * _slotsPerSegment;

    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, string text, long? sessionId, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients)
    {
        var scratch = Scratch ??= new byte[TextOctetsPerSlot * 3];
        var length = text.Length <= TextOctetsPerSlot ? Encoding.UTF8.GetBytes(text, scratch) : -1;
        Add(sequence, time, host, kind, length < 0 ? default : scratch.AsSpan(0, length), length < 0 ? text : null, sessionId, traceId, messageId, peer, recipients);
    }

    /// <param name="utf8">The text as UTF-8.</param>
    /// <param name="text">Instead of <paramref name="utf8"/>: a text too long for the ring, kept as it is.</param>
    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, ReadOnlySpan<byte> utf8, string? text, long? sessionId, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients)
    {
        var length = utf8.Length;
        var inSlot = text is null && length <= TextOctetsPerSlot;
        text = inSlot ? null : text ?? Encoding.UTF8.GetString(utf8);
        var index = Interlocked.Increment(ref _written) - 1;
        var at = index % _slotsPerSegment;
        ref var slot = ref SlotSegment(index)[at];
        if (!Claim(ref slot, index))
        {
            return; // a newer event a ring apart has the slot: this one is overwritten already
        }

        if (inSlot)
        {
            utf8.CopyTo(TextSegment(index).AsSpan((int)at * TextOctetsPerSlot, length));
        }

        slot.Fields = new Fields(sequence, time.UtcTicks, sessionId ?? NoSession, kind, host, traceId, messageId, peer, recipients, inSlot ? length : 0, inSlot ? null : text);
        Volatile.Write(ref slot.Stamp, index + 1);
    }

    /// <summary>
    /// Makes the slot event <paramref name="index"/>'s to write (its stamp -(index + 1)), waiting while
    /// an older event's writer is in it; false when a newer event has it or is being written into it.
    /// </summary>
    private static bool Claim(ref Slot slot, long index)
    {
        var spin = default(SpinWait);
        while (true)
        {
            var stamp = Volatile.Read(ref slot.Stamp);
            var holder = Math.Abs(stamp) - 1; // the event in the slot, or being written into it (-1: none yet)
            if (holder > index)
            {
                return false;
            }

            if (stamp < 0)
            {
                spin.SpinOnce(); // an older event's writer is still in the slot
                continue;
            }

            if (Interlocked.CompareExchange(ref slot.Stamp, -(index + 1), stamp) == stamp)
            {
                return true;
            }
        }
    }

    /// <summary>The events still kept that <paramref name="keep"/> selects, oldest first.</summary>
    public void CopyTo(List<TraceEvent> into, Func<Fields, bool>? keep = null)
    {
        var written = Volatile.Read(ref _written);
        for (var index = Math.Max(0, written - Math.Min(_capacity, SlotRing)); index < written; index++)
        {
            var segmentIndex = index / _slotsPerSegment % _slotSegments.Length;
            if (Volatile.Read(ref _slotSegments[segmentIndex]) is not { } segment)
            {
                continue;
            }

            var at = (int)(index % _slotsPerSegment);
            ref var slot = ref segment[at];
            if (Volatile.Read(ref slot.Stamp) != index + 1)
            {
                continue; // still being written, or already overwritten
            }

            var fields = slot.Fields;
            var text = fields.LongText ?? Encoding.UTF8.GetString(Volatile.Read(ref _textSegments[segmentIndex])!.AsSpan(at * TextOctetsPerSlot, fields.TextLength));
            Interlocked.MemoryBarrier(); // the copies above are complete before the stamp is read again
            if (Volatile.Read(ref slot.Stamp) != index + 1 || (keep is not null && !keep(fields)))
            {
                continue; // overwritten while it was read, or not wanted
            }

            into.Add(new TraceEvent(
                fields.Sequence,
                new DateTimeOffset(fields.UtcTicks, TimeSpan.Zero),
                fields.Host,
                fields.Kind,
                text,
                fields.SessionId == NoSession ? null : fields.SessionId,
                fields.TraceId,
                fields.MessageId,
                fields.Peer,
                fields.Recipients));
        }
    }

    private const long NoSession = long.MinValue;

    /// <summary>The text room of the segment holding event <paramref name="index"/>'s slot (allocated before the slot can be claimed).</summary>
    private byte[] TextSegment(long index) => Volatile.Read(ref _textSegments[index / _slotsPerSegment % _textSegments.Length])!;

    private Slot[] SlotSegment(long index)
    {
        var i = index / _slotsPerSegment % _slotSegments.Length;
        if (Volatile.Read(ref _slotSegments[i]) is { } segment)
        {
            return segment;
        }

        // The text room first: a reader that sees a slot segment finds its text segment.
        Allocate(ref _textSegments[i], _slotsPerSegment * TextOctetsPerSlot);
        return Allocate(ref _slotSegments[i], _slotsPerSegment);
    }

    private static T[] Allocate<T>(ref T[]? segment, int length)
    {
        var created = new T[length];
        return Interlocked.CompareExchange(ref segment, created, null) ?? created;
    }

    /// <summary>One slot: its fields, and its stamp: N + 1 once event N is written in it, -(N + 1) while it is being written (0: never written).</summary>
    internal struct Slot
    {
        public long Stamp;
        public Fields Fields;
    }

    internal readonly record struct Fields(
        long Sequence,
        long UtcTicks,
        long SessionId,
        TraceKind Kind,
        string Host,
        string? TraceId,
        string? MessageId,
        string? Peer,
        IReadOnlyList<string>? Recipients,
        int TextLength,
        string? LongText);
}
