using System.Text;

namespace MailLab.Mail.Tracing;

/// <summary>
/// The most recent delivery-stage events (received, queued, relayed, delivered…), kept in two
/// rings instead of two objects per event: their fixed fields in an array of structs, their texts
/// as UTF-8 in one byte array. A relayed message leaves some ten stage events behind; as objects
/// they outlived several collections each and were the larger part of what the garbage collector
/// copied in the relay benchmark. Both arrays grow by doubling up to their capacity (a world with
/// little traffic stays small), then the oldest entries are overwritten. An event whose text has
/// been overwritten is gone too. Texts become strings again only when read.
/// </summary>
internal sealed class StageRing
{
    // Room for texts of this many octets per event on average before older texts are overwritten.
    private const int TextOctetsPerEvent = 160;

    // A longer text (a deferral listing many recipients) is kept as its string rather than in the ring.
    private const int MaxRingText = 1024;

    [ThreadStatic]
    private static byte[]? Scratch;

    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly int _textCapacity;
    private Slot[] _slots;
    private byte[] _text = [];
    private long _written;
    private long _textHead;

    public StageRing(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _slots = new Slot[Math.Min(64, _capacity)];
        _textCapacity = checked(_capacity * TextOctetsPerEvent);
    }

    public void Add(long sequence, DateTimeOffset time, string host, TraceKind kind, string text, long? sessionId, string? traceId, string? messageId, string? peer)
    {
        // Encoded before taking the lock (every queue worker and session appends here), copied under it.
        var limit = Math.Min(MaxRingText, _textCapacity);
        var scratch = Scratch ??= new byte[MaxRingText * 3];
        var length = text.Length <= limit ? Encoding.UTF8.GetBytes(text, scratch) : int.MaxValue;
        var inRing = length <= limit;
        lock (_gate)
        {
            if (_written == _slots.Length && _slots.Length < _capacity)
            {
                Array.Resize(ref _slots, Math.Min(_slots.Length * 2, _capacity));
            }

            var start = -1L;
            if (inRing)
            {
                start = Reserve(length);
                scratch.AsSpan(0, length).CopyTo(_text.AsSpan((int)(start % _text.Length), length));
            }

            _slots[_written % _slots.Length] = new Slot(
                sequence,
                time.UtcTicks,
                sessionId ?? NoSession,
                kind,
                host,
                traceId,
                messageId,
                peer,
                start,
                inRing ? length : 0,
                inRing ? null : text);
            _written++;
        }
    }

    /// <summary>The events still kept that <paramref name="keep"/> selects, oldest first.</summary>
    public void CopyTo(List<TraceEvent> into, Func<Slot, bool>? keep = null)
    {
        lock (_gate)
        {
            var kept = Math.Min(_written, _slots.Length);
            for (var i = _written - kept; i < _written; i++)
            {
                var slot = _slots[i % _slots.Length];
                var textLost = slot.TextStart >= 0 && _textHead - slot.TextStart > _text.Length;
                if (!textLost && (keep is null || keep(slot)))
                {
                    into.Add(ToEvent(slot));
                }
            }
        }
    }

    private const long NoSession = long.MinValue;

    /// <summary>Where the next <paramref name="length"/> text octets go (absolute position; never split at the ring's end).</summary>
    private long Reserve(int length)
    {
        if (_textHead + length > _text.Length && _text.Length < _textCapacity)
        {
            // Still growing: the ring has not wrapped yet, so its bytes keep their offsets.
            var size = Math.Min(Math.Max(_text.Length, 4096), _textCapacity);
            while (size < _textHead + length && size < _textCapacity)
            {
                size = (int)Math.Min(size * 2L, _textCapacity);
            }

            Array.Resize(ref _text, size);
        }

        var offset = (int)(_textHead % _text.Length);
        if (offset + length > _text.Length)
        {
            // No room before the end: skip to the start (the skipped tail counts as written).
            _textHead += _text.Length - offset;
        }

        var start = _textHead;
        _textHead += length;
        return start;
    }

    private TraceEvent ToEvent(in Slot slot) => new(
        slot.Sequence,
        new DateTimeOffset(slot.UtcTicks, TimeSpan.Zero),
        slot.Host,
        slot.Kind,
        slot.LongText ?? Encoding.UTF8.GetString(_text, (int)(slot.TextStart % _text.Length), slot.TextLength),
        slot.SessionId == NoSession ? null : slot.SessionId,
        slot.TraceId,
        slot.MessageId,
        slot.Peer);

    internal readonly record struct Slot(
        long Sequence,
        long UtcTicks,
        long SessionId,
        TraceKind Kind,
        string Host,
        string? TraceId,
        string? MessageId,
        string? Peer,
        long TextStart,
        int TextLength,
        string? LongText);
}
