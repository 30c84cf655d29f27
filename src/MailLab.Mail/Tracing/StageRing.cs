using System.Text;

namespace MailLab.Mail.Tracing;

/// <summary>
/// The most recent delivery-stage events (received, queued, relayed, delivered…), kept in a ring
/// of slots instead of two objects per event: each slot holds an event's fixed fields as a struct
/// and where its text is, as UTF-8 of its own length (<see cref="StageTextBlocks"/>). The ring is
/// made of segments allocated on first use (a world with little traffic stays small); once full,
/// the oldest events are overwritten. Texts become strings again only when read.
/// <para>Writers take no lock: an event's number (one atomic increment) picks its slot, and the
/// writer claims the slot by swapping its stamp to "being written by N" (one compare-and-swap)
/// before changing anything, so two writers whose events are a ring apart never write one slot at
/// once: the older waits for the newer to finish or, if the newer is already there, leaves its
/// event out (it would have been overwritten anyway). The stamp says which event the slot holds
/// once it is written; a reader copies a slot and its text and keeps the copy only if the stamp
/// was that event's before and after (a sequence lock). A text's octets are written once, before
/// its event's stamp, and never changed after; a later event of the same kind with the same text
/// points at them instead of writing them again. So the text a reader copies is whole.</para>
/// </summary>
internal sealed class StageRing
{
    private readonly int _capacity;
    private readonly int _slotsPerSegment;
    private readonly Slot[]?[] _slotSegments;
    private readonly StageTextBlocks _texts = new();
    private long _written;

    // Per kind, the index of its latest event (-1: none), whose text the next one may share.
    private readonly long[] _lastOfKind = Enumerable.Repeat(-1L, 256).ToArray();

    public StageRing(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _slotsPerSegment = Math.Min(1024, _capacity);
        _slotSegments = new Slot[]?[(_capacity + _slotsPerSegment - 1) / _slotsPerSegment];
    }

    private long SlotRing => (long)_slotSegments.Length * _slotsPerSegment;

    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, string text, long? sessionId, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients) =>
        Add(sequence, time, host, kind, default, text, sessionId, traceId, messageId, peer, recipients);

    /// <param name="utf8">The text as UTF-8 (when <paramref name="text"/> is null).</param>
    /// <param name="text">Instead of <paramref name="utf8"/>: the text as a string.</param>
    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, ReadOnlySpan<byte> utf8, string? text, long? sessionId, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients)
    {
        var index = Interlocked.Increment(ref _written) - 1;
        ref var slot = ref SlotSegment(index)[index % _slotsPerSegment];
        if (!Claim(ref slot, index))
        {
            return; // a newer event a ring apart has the slot: this one is overwritten already
        }

        byte[]? rented = null;
        scoped ReadOnlySpan<byte> content = utf8;
        if (text is not null)
        {
            var octets = Encoding.UTF8.GetByteCount(text);
            Span<byte> encoded = octets <= 256 ? stackalloc byte[octets] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(octets)).AsSpan(0, octets);
            Encoding.UTF8.GetBytes(text, encoded);
            content = encoded;
        }

        // One recipient: the list every event for that address shares (see SharedText).
        if (recipients is { Count: 1 })
        {
            recipients = Stores.SharedText.Share(recipients);
        }

        var (bytes, offset) = TextOfKind(kind, content);
        if (bytes is null && content.Length > 0)
        {
            var room = _texts.Reserve(content.Length, out bytes, out offset);
            content.CopyTo(room);
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        slot.Fields = new Fields(sequence, time.UtcTicks, sessionId ?? NoSession, kind, host, traceId, messageId, peer, recipients, bytes, offset, content.Length);
        Volatile.Write(ref slot.Stamp, index + 1);
        Volatile.Write(ref _lastOfKind[(byte)kind], index);
    }

    /// <summary>
    /// Where the last event of this kind keeps its text, when that text is the same as
    /// <paramref name="utf8"/>: many stages say the same words for every message ("Added a Received
    /// header", "Delivered to the mailbox …"), and a text is never changed once written, so events
    /// can share its octets. (null, 0) when it differs, or that event is gone or being overwritten.
    /// </summary>
    private (byte[]? Bytes, ushort Offset) TextOfKind(TraceKind kind, ReadOnlySpan<byte> utf8)
    {
        var last = Volatile.Read(ref _lastOfKind[(byte)kind]);
        if (last < 0 || utf8.Length == 0 || Volatile.Read(ref _slotSegments[last / _slotsPerSegment % _slotSegments.Length]) is not { } segment)
        {
            return (null, 0);
        }

        ref var slot = ref segment[last % _slotsPerSegment];
        var fields = slot.Fields;
        Interlocked.MemoryBarrier(); // the copy is complete before the stamp is read
        return Volatile.Read(ref slot.Stamp) == last + 1 && fields.TextEquals(utf8) ? (fields.TextBytes, fields.TextOffset) : (null, 0);
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
            if ((keep is not null && !keep(fields)) || !fields.TryReadText(out var text))
            {
                continue; // not wanted, or fields of two events (torn): the slot is being overwritten
            }

            Interlocked.MemoryBarrier(); // the copies above are complete before the stamp is read again
            if (Volatile.Read(ref slot.Stamp) != index + 1)
            {
                continue; // overwritten while it was read
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

    private Slot[] SlotSegment(long index)
    {
        ref var segment = ref _slotSegments[index / _slotsPerSegment % _slotSegments.Length];
        if (Volatile.Read(ref segment) is { } known)
        {
            return known;
        }

        var created = new Slot[_slotsPerSegment];
        return Interlocked.CompareExchange(ref segment, created, null) ?? created;
    }

    /// <summary>One slot: its fields, and its stamp: N + 1 once event N is written in it, -(N + 1) while it is being written (0: never written).</summary>
    internal struct Slot
    {
        public long Stamp;
        public Fields Fields;
    }

    /// <summary>An event's fields, its text where <see cref="StageTextBlocks"/> put it.</summary>
    internal readonly struct Fields(long sequence, long utcTicks, long sessionId, TraceKind kind, string host, string? traceId, string? messageId, string? peer, IReadOnlyList<string>? recipients, byte[]? textBytes, ushort textOffset, int textLength)
    {
        // The kind as a byte and the text's offset as 16 bits (a block is 16 KB) keep a slot at 88 octets.
        private readonly byte _kind = (byte)kind;
        private readonly ushort _textOffset = textOffset;
        private readonly int _textLength = textLength;
        private readonly byte[]? _textBytes = textBytes;

        public long Sequence { get; } = sequence;

        public long UtcTicks { get; } = utcTicks;

        public long SessionId { get; } = sessionId;

        public TraceKind Kind => (TraceKind)_kind;

        public string Host { get; } = host;

        public string? TraceId { get; } = traceId;

        public string? MessageId { get; } = messageId;

        public string? Peer { get; } = peer;

        public IReadOnlyList<string>? Recipients { get; } = recipients;

        public byte[]? TextBytes => _textBytes;

        public ushort TextOffset => _textOffset;

        /// <summary>Whether the text is these octets (false for fields torn by a writer).</summary>
        public bool TextEquals(ReadOnlySpan<byte> utf8) =>
            _textLength == utf8.Length && _textBytes is { } bytes && _textOffset + _textLength <= bytes.Length
                && bytes.AsSpan(_textOffset, _textLength).SequenceEqual(utf8);

        /// <summary>The text as a string; false when the fields are not one event's (a copy torn by a writer).</summary>
        public bool TryReadText(out string text)
        {
            if (_textLength == 0)
            {
                text = string.Empty;
                return true;
            }

            if (_textBytes is not { } bytes || _textOffset + _textLength > bytes.Length)
            {
                text = string.Empty;
                return false;
            }

            text = Encoding.UTF8.GetString(bytes, _textOffset, _textLength);
            return true;
        }
    }
}
