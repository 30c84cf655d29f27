using System.Buffers;
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

    // The kinds a slot has room for (7 bits).
    private const int Kinds = 128;

    // Where a text had its event's message id (an octet UTF-8 never has), and the longest id so marked.
    private const byte IdMark = 0xFF;
    private const int MaxMarkedId = 64;

    // Per kind, the index of its latest event (-1: none), whose text the next one may share.
    private readonly long[] _lastOfKind = Enumerable.Repeat(-1L, Kinds).ToArray();

    private readonly StageContext.Table _contexts = new();

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
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)kind, (uint)Kinds, nameof(kind));
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

        // The message's id in the text is kept as a mark (one octet), so that the texts of one stage
        // for many messages ("Accepted ML00000004 from …") are the same octets, shared.
        byte[]? marked = null;
        Span<byte> id = stackalloc byte[MaxMarkedId];
        var at = messageId is { Length: > 0 and <= MaxMarkedId } && Ascii.FromUtf16(messageId, id, out var idLength) == OperationStatus.Done ? content.IndexOf(id[..idLength]) : -1;
        if (at >= 0)
        {
            var length = content.Length - messageId!.Length + 1;
            Span<byte> withMark = length <= 256 ? stackalloc byte[length] : (marked = System.Buffers.ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
            content[..at].CopyTo(withMark);
            withMark[at] = IdMark;
            content[(at + messageId.Length)..].CopyTo(withMark[(at + 1)..]);
            content = withMark;
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

        var contentLength = content.Length;
        foreach (var buffer in (ReadOnlySpan<byte[]?>)[rented, marked])
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var traceNumber = Fields.IdNumber(traceId);
        var messageNumber = Fields.IdNumber(messageId);
        var context = _contexts.Of(host, peer, recipients, Fields.IsWide(sessionId) ? sessionId : null);
        slot.Fields = new Fields(sequence, time.UtcTicks, sessionId, kind, context, traceId, traceNumber, messageId, messageNumber, bytes, offset, contentLength);
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
                fields.SessionId,
                fields.TraceId,
                fields.MessageId,
                fields.Peer,
                fields.Recipients));
        }
    }

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

    /// <summary>
    /// An event's fields in 64 octets: its text where <see cref="StageTextBlocks"/> put it, what many
    /// events have alike (<see cref="StageContext"/>: host, peer, recipients), the ids MailLab gives
    /// ("ML" and a sequence, <see cref="Stores.StoredMessage.FormatId"/>) as their sequences (ids of
    /// another form as they are), and the kind and the text's place packed in 32 bits (a block is
    /// 16 KB, a text in one at most 1 KB).
    /// </summary>
    internal readonly struct Fields
    {
        // _traceId, _messageId: an id MailLab formats is kept as its sequence (0 and up); these say
        // there is none, or that it is of another form, kept in _otherIds.
        public const long NoId = -1;
        public const long OtherId = -2;

        // _session: none, or one outside 32 bits (kept in the context).
        private const int NoSession = int.MinValue;
        private const int WideSession = int.MinValue + 1;

        // _packed: the kind in the low 7 bits, then the text's offset in its block (14 bits), then its length (11 bits;
        // 0 with bytes: the whole array, a text of its own longer than a block's texts).
        private const int OffsetShift = 7;
        private const int LengthShift = 21;

        private readonly byte[]? _textBytes;
        private readonly StageContext _context;

        // The ids of another form: the one that is, or both when they are the same text; else OtherIds.
        private readonly object? _otherIds;
        private readonly long _traceId;
        private readonly long _messageId;
        private readonly int _session;
        private readonly uint _packed;

        /// <param name="traceNumber">The trace id as <see cref="IdNumber"/> gives it.</param>
        /// <param name="messageNumber">The message id, likewise.</param>
        public Fields(long sequence, long utcTicks, long? sessionId, TraceKind kind, StageContext context, string? traceId, long traceNumber, string? messageId, long messageNumber, byte[]? textBytes, ushort textOffset, int textLength)
        {
            Sequence = sequence;
            UtcTicks = utcTicks;
            _context = context;
            _traceId = traceNumber;
            _messageId = messageNumber;
            _otherIds = (traceNumber == OtherId, messageNumber == OtherId) switch
            {
                (true, true) => string.Equals(traceId, messageId, StringComparison.Ordinal) ? traceId : new OtherIds(traceId!, messageId!),
                (true, false) => traceId,
                (false, true) => messageId,
                _ => null,
            };
            _session = sessionId is not { } session ? NoSession : IsWide(session) ? WideSession : (int)session;
            _textBytes = textBytes;
            var length = textBytes is not null && textOffset == 0 && textLength == textBytes.Length && textLength > StageTextBlocks.OwnArrayOctets ? 0 : textLength;
            _packed = (uint)(byte)kind | ((uint)textOffset << OffsetShift) | ((uint)length << LengthShift);
        }

        public long Sequence { get; }

        public long UtcTicks { get; }

        public long? SessionId => _session switch
        {
            NoSession => null,
            WideSession => _context.SessionId,
            _ => _session,
        };

        public TraceKind Kind => (TraceKind)(_packed & ((1u << OffsetShift) - 1));

        public string Host => _context.Host;

        public string? TraceId => IdText(_traceId, _otherIds is OtherIds both ? both.TraceId : _otherIds as string);

        public string? MessageId => IdText(_messageId, _otherIds is OtherIds both ? both.MessageId : _otherIds as string);

        public string? Peer => _context.Peer;

        public IReadOnlyList<string>? Recipients => _context.Recipients;

        public byte[]? TextBytes => _textBytes;

        public ushort TextOffset => (ushort)((_packed >> OffsetShift) & ((1u << (LengthShift - OffsetShift)) - 1));

        private int TextLength
        {
            get
            {
                var length = (int)(_packed >> LengthShift);
                return length == 0 && _textBytes is { } bytes ? bytes.Length : length;
            }
        }

        /// <summary>Whether this is the event of the trace <paramref name="traceId"/> (as <paramref name="number"/> is, from <see cref="IdNumber"/>).</summary>
        public bool HasTrace(string traceId, long number) =>
            _traceId == number && (number != OtherId || string.Equals(TraceId, traceId, StringComparison.Ordinal));

        public bool HasSession(long sessionId) => SessionId == sessionId;

        /// <summary>What <paramref name="id"/> is kept as: its sequence when MailLab formatted it so (the text is then the same), else <see cref="NoId"/> or <see cref="OtherId"/>.</summary>
        public static long IdNumber(string? id) =>
            id is null ? NoId : Stores.StoredMessage.TryParseFormattedId(id, out var sequence) ? sequence : OtherId;

        /// <summary>Whether a session id needs the context to keep it (no room for it in 32 bits beside the two marks).</summary>
        public static bool IsWide(long? sessionId) => sessionId is { } session && session is <= WideSession or > int.MaxValue;

        /// <summary>Whether the text is these octets (false for fields torn by a writer).</summary>
        public bool TextEquals(ReadOnlySpan<byte> utf8) =>
            TextSpan(out var text) && text.SequenceEqual(utf8);

        /// <summary>
        /// The text as a string, with the message's id in its place again (see <see cref="IdMark"/>);
        /// false when the fields are not one event's (a copy torn by a writer).
        /// </summary>
        public bool TryReadText(out string text)
        {
            if (!TextSpan(out var utf8))
            {
                text = string.Empty;
                return false;
            }

            var mark = utf8.IndexOf(IdMark);
            text = mark < 0 || MessageId is not { } id
                ? Encoding.UTF8.GetString(utf8)
                : string.Concat(Encoding.UTF8.GetString(utf8[..mark]), id, Encoding.UTF8.GetString(utf8[(mark + 1)..]));
            return true;
        }

        private bool TextSpan(out ReadOnlySpan<byte> text)
        {
            var length = TextLength;
            var offset = TextOffset;
            text = default;
            if (length == 0)
            {
                return true;
            }

            if (_textBytes is not { } bytes || offset + length > bytes.Length)
            {
                return false;
            }

            text = bytes.AsSpan(offset, length);
            return true;
        }

        private sealed record OtherIds(string TraceId, string MessageId);

        private static string? IdText(long number, string? other) => number switch
        {
            NoId => null,
            OtherId => other,
            _ => Stores.StoredMessage.IdOf(number),
        };
    }
}
