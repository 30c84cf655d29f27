using System.Text;

namespace MailLab.Mail.Tracing;

/// <summary>
/// The most recent delivery-stage events (received, queued, relayed, delivered…), kept in two
/// rings instead of two objects per event: their fixed fields in an array of structs, their texts
/// as UTF-8 in byte arrays. A relayed message leaves some ten stage events behind; as objects they
/// outlived several collections each and were the larger part of what the garbage collector copied
/// in the relay benchmark. Both rings are made of segments allocated on first use (a world with
/// little traffic stays small); once full, the oldest entries are overwritten, and an event whose
/// text has been overwritten is gone too. Texts become strings again only when read.
/// <para>Writers take no lock (every session and queue worker appends here; a lock was the most
/// contended one in the relay benchmark): a slot and a stretch of text are claimed with one atomic
/// operation each, and a slot is stamped with its number last, so a reader skips one that is
/// being written or was overwritten while it was read (a sequence lock).</para>
/// </summary>
internal sealed class StageRing
{
    // Room for texts of this many octets per event on average before older texts are overwritten.
    private const int TextOctetsPerEvent = 160;

    // A longer text (a deferral listing many recipients) is kept as its string rather than in the ring.
    private const int MaxRingText = 1024;

    [ThreadStatic]
    private static byte[]? Scratch;

    private readonly int _capacity;
    private readonly int _slotsPerSegment;
    private readonly Slot[]?[] _slotSegments;
    private readonly int _textPerSegment;
    private readonly byte[]?[] _textSegments;
    private long _written;
    private long _textHead;

    public StageRing(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _slotsPerSegment = Math.Min(1024, _capacity);
        _slotSegments = new Slot[]?[(_capacity + _slotsPerSegment - 1) / _slotsPerSegment];
        var textCapacity = (long)_capacity * TextOctetsPerEvent;
        _textPerSegment = (int)Math.Min(64 * 1024, textCapacity);
        _textSegments = new byte[]?[(int)((textCapacity + _textPerSegment - 1) / _textPerSegment)];
    }

    private long SlotRing => (long)_slotSegments.Length * _slotsPerSegment;

    private long TextRing => (long)_textSegments.Length * _textPerSegment;

    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, string text, long? sessionId, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients)
    {
        var scratch = Scratch ??= new byte[MaxRingText * 3];
        var length = text.Length <= MaxRingText ? Encoding.UTF8.GetBytes(text, scratch) : -1;
        Add(sequence, time, host, kind, length < 0 ? default : scratch.AsSpan(0, length), length < 0 ? text : null, sessionId, traceId, messageId, peer, recipients);
    }

    /// <param name="utf8">The text as UTF-8.</param>
    /// <param name="text">Instead of <paramref name="utf8"/>: a text too long for the ring, kept as it is.</param>
    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, ReadOnlySpan<byte> utf8, string? text, long? sessionId, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients)
    {
        var length = utf8.Length;
        var inRing = text is null && length <= Math.Min(MaxRingText, _textPerSegment);
        text = inRing ? null : text ?? Encoding.UTF8.GetString(utf8);
        var start = -1L;
        if (inRing)
        {
            start = ReserveText(length);
            utf8.CopyTo(TextSegment(start).AsSpan((int)(start % _textPerSegment), length));
        }

        var index = Interlocked.Increment(ref _written) - 1;
        var segment = SlotSegment(index);
        ref var slot = ref segment[index % _slotsPerSegment];
        Interlocked.Exchange(ref slot.Stamp, 0); // being written (a full fence: before any field changes)
        slot.Fields = new Fields(sequence, time.UtcTicks, sessionId ?? NoSession, kind, host, traceId, messageId, peer, recipients, start, inRing ? length : 0, inRing ? null : text);
        Volatile.Write(ref slot.Stamp, index + 1);
    }

    /// <summary>The events still kept that <paramref name="keep"/> selects, oldest first.</summary>
    public void CopyTo(List<TraceEvent> into, Func<Fields, bool>? keep = null)
    {
        var written = Volatile.Read(ref _written);
        for (var index = Math.Max(0, written - Math.Min(_capacity, SlotRing)); index < written; index++)
        {
            if (Volatile.Read(ref _slotSegments[index / _slotsPerSegment % _slotSegments.Length]) is not { } segment)
            {
                continue;
            }

            ref var slot = ref segment[index % _slotsPerSegment];
            if (Volatile.Read(ref slot.Stamp) != index + 1)
            {
                continue; // still being written, or already overwritten
            }

            var fields = slot.Fields;
            Interlocked.MemoryBarrier(); // the copy above is complete before the stamp is read again
            if (Volatile.Read(ref slot.Stamp) != index + 1 || (keep is not null && !keep(fields)))
            {
                continue;
            }

            var text = fields.LongText;
            if (text is null)
            {
                text = Encoding.UTF8.GetString(TextSegment(fields.TextStart).AsSpan((int)(fields.TextStart % _textPerSegment), fields.TextLength));
                if (Volatile.Read(ref _textHead) - fields.TextStart > TextRing)
                {
                    continue; // its text was overwritten (perhaps while being read)
                }
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

    /// <summary>Claims <paramref name="length"/> octets of text that do not cross a segment's end (absolute position).</summary>
    private long ReserveText(int length)
    {
        while (true)
        {
            var head = Volatile.Read(ref _textHead);
            var start = head;
            var offset = start % _textPerSegment;
            if (offset + length > _textPerSegment)
            {
                start += _textPerSegment - offset; // the rest of this segment stays unused
            }

            if (Interlocked.CompareExchange(ref _textHead, start + length, head) == head)
            {
                return start;
            }
        }
    }

    private byte[] TextSegment(long position)
    {
        ref var segment = ref _textSegments[position / _textPerSegment % _textSegments.Length];
        return Volatile.Read(ref segment) ?? Allocate(ref segment, _textPerSegment);
    }

    private Slot[] SlotSegment(long index)
    {
        ref var segment = ref _slotSegments[index / _slotsPerSegment % _slotSegments.Length];
        return Volatile.Read(ref segment) ?? Allocate(ref segment, _slotsPerSegment);
    }

    private static T[] Allocate<T>(ref T[]? segment, int length)
    {
        var created = new T[length];
        return Interlocked.CompareExchange(ref segment, created, null) ?? created;
    }

    /// <summary>One slot: its fields, and the number of the event in it (0 while being written).</summary>
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
        long TextStart,
        int TextLength,
        string? LongText);
}
