using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tracing;

/// <summary>
/// One connection's protocol lines (opened, commands, replies, content sizes, closed), kept as
/// plain values in one growing array instead of an event object per line: a relayed message
/// costs some fifty lines over its two hops, and objects that outlive a collection or two are what
/// the garbage collector pays for. A reply is kept as the <see cref="SmtpReply"/> the session
/// sent (most are shared, pre-built ones) and a content size as a number; both become text only
/// when someone reads the trace. Appends come from the session's own thread; reads from anywhere.
/// </summary>
internal sealed class SessionTranscript(long sessionId)
{
    private Line[] _lines = new Line[16];
    private int _count;
    private bool _evicted;
    private int _reported;

    public long SessionId { get; } = sessionId;

    /// <summary>
    /// Appends a line, unless the log has already let this transcript go (then the caller starts a
    /// new one). <paramref name="counted"/> is how many lines the log should add to its count now:
    /// they are reported <paramref name="batch"/> at a time, so the log's shared counter is not
    /// touched by every line of every connection.
    /// </summary>
    public bool TryAdd(in Line line, int batch, out int counted)
    {
        lock (this)
        {
            counted = 0;
            if (_evicted)
            {
                return false;
            }

            if (_count == _lines.Length)
            {
                Array.Resize(ref _lines, _count * 2);
            }

            _lines[_count++] = line;
            if (_count - _reported >= batch)
            {
                counted = _count - _reported;
                _reported = _count;
            }

            return true;
        }
    }

    /// <summary>Marks the transcript as let go and says how many of its lines the log counted.</summary>
    public int Evict()
    {
        lock (this)
        {
            _evicted = true;
            return _reported;
        }
    }

    /// <summary>Adds the lines that <paramref name="keep"/> selects to <paramref name="into"/>, as events.</summary>
    public void CopyTo(List<TraceEvent> into, Func<Line, bool>? keep = null)
    {
        lock (this)
        {
            for (var i = 0; i < _count; i++)
            {
                if (keep is null || keep(_lines[i]))
                {
                    into.Add(_lines[i].ToEvent(SessionId));
                }
            }
        }
    }

    /// <summary>One protocol line; its text is made only when it is read (<see cref="ToEvent"/>).</summary>
    internal readonly record struct Line(
        long Sequence,
        long UtcTicks,
        TraceKind Kind,
        string Host,
        string? Text,
        SmtpReply? Reply,
        long Octets,
        string? TraceId,
        string? MessageId,
        string? Peer)
    {
        public TraceEvent ToEvent(long sessionId) => new(
            Sequence,
            new DateTimeOffset(UtcTicks, TimeSpan.Zero),
            Host,
            Kind,
            Text ?? Reply?.DisplayText ?? ContentText(Octets),
            sessionId,
            TraceId,
            MessageId,
            Peer);

        public static string ContentText(long octets) => $"({octets} octets of message content)";
    }
}
