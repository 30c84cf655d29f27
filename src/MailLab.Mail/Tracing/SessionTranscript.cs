namespace MailLab.Mail.Tracing;

/// <summary>
/// One connection's protocol lines (opened, commands, replies, content sizes, closed), kept as
/// plain values in one growing array rather than an event object per line. A line keeps its
/// <see cref="LineContent"/> (a reply as the reply sent, content as its size), which becomes text
/// only when someone reads the trace. Appends come from the session's own thread; reads from anywhere.
/// </summary>
internal sealed class SessionTranscript(long sessionId)
{
    // A connection's first lines, up to this many, are kept in an array rented from the shared pool
    // (a larger one each time it is full) and given back when the transcript grows or is let go:
    // most connections carry a few messages and stay under it. The lines after them (a connection
    // kept open for thousands of messages) go in allocated chunks of as many lines, left to the
    // collector: the pool would keep every size such a transcript grew through, and an array that
    // doubles would keep up to as many lines again of spare room.
    private const int PooledLines = 256;

    private Line[] _lines = System.Buffers.ArrayPool<Line>.Shared.Rent(16);
    private Line[][] _chunks = [];
    private int _count;
    private bool _evicted;
    private int _reported;
    private LineContext? _context;
    private bool _outbound;

    public long SessionId { get; } = sessionId;

    /// <summary>
    /// The client's address and port on this connection, as this side saw it (the local endpoint of a
    /// sending host, the remote endpoint of a receiving server): both sides name the same one, which
    /// pairs them (<see cref="TraceHops"/>). Null when not recorded.
    /// </summary>
    public System.Net.IPEndPoint? ClientEndPoint { get; set; }

    /// <summary>Whether the sending side (a host's client) wrote this transcript.</summary>
    public bool IsOutbound
    {
        get
        {
            lock (this)
            {
                return _outbound;
            }
        }
    }

    /// <summary>The sequence of the connection's first line kept (long.MaxValue when none is).</summary>
    public long FirstSequence
    {
        get
        {
            lock (this)
            {
                return _count > 0 ? At(0).Sequence : long.MaxValue;
            }
        }
    }

    /// <summary>
    /// Appends a line, unless the log has already let this transcript go (then the caller starts a
    /// new one). <paramref name="counted"/> is how many lines the log should add to its count now:
    /// they are reported <paramref name="batch"/> at a time, so the log's shared counter is not
    /// touched by every line of every connection.
    /// </summary>
    /// <param name="transaction">The mail transaction the line belongs to (1, 2, … on this connection), or 0 for the connection's own lines.</param>
    /// <param name="outbound">The line is recorded by the sending side of the connection (a host's client), as every line of this transcript then is.</param>
    public bool TryAdd(long sequence, long utcTicks, TraceKind kind, LineContent content, string host, string? traceId, string? messageId, string? peer, int transaction, bool outbound, int batch, out int counted)
    {
        lock (this)
        {
            counted = 0;
            if (_evicted)
            {
                return false;
            }

            _outbound |= outbound;

            if (_count == _lines.Length && _count < PooledLines)
            {
                var larger = System.Buffers.ArrayPool<Line>.Shared.Rent(Math.Min(_count * 2, PooledLines));
                _lines.AsSpan(0, _count).CopyTo(larger);
                Release(_lines);
                _lines = larger;
            }
            else if (_count >= PooledLines && (_count - PooledLines) % PooledLines == 0)
            {
                Array.Resize(ref _chunks, _chunks.Length + 1);
                _chunks[^1] = new Line[PooledLines];
            }

            At(_count++) = new Line(sequence, utcTicks, content, ContextFor(host, traceId, messageId, peer, transaction), kind);
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
            if (!_evicted)
            {
                _evicted = true;
                Release(_lines);
                _lines = [];
                _chunks = [];
                _count = 0;
            }

            return _reported;
        }
    }

    /// <summary>The line at <paramref name="index"/> (under the lock): in the rented array, or in a chunk after it.</summary>
    private ref Line At(int index) =>
        ref index < PooledLines ? ref _lines[index] : ref _chunks[(index - PooledLines) / PooledLines][(index - PooledLines) % PooledLines];

    /// <summary>Gives a rented array back to the pool (the empty array of a transcript let go stays).</summary>
    private static void Release(Line[] lines)
    {
        if (lines.Length > 0)
        {
            System.Buffers.ArrayPool<Line>.Shared.Return(lines, clearArray: true);
        }
    }

    /// <summary>
    /// Gives the lines of <paramref name="transaction"/> from <paramref name="fromSequence"/> on the
    /// trace <paramref name="traceId"/>: a receiving server learns whose message a transaction carried
    /// only when it accepts it, after its MAIL, RCPT and DATA lines were written.
    /// </summary>
    public void Claim(long fromSequence, int transaction, string traceId)
    {
        lock (this)
        {
            for (var i = _count - 1; i >= 0 && At(i).Sequence >= fromSequence; i--)
            {
                ref var line = ref At(i);
                var context = line.Context;
                if (context.Transaction == transaction && context.TraceId != traceId)
                {
                    line = line with { Context = ContextFor(context.Host, traceId, context.MessageId, context.Peer, transaction) };
                }
            }
        }
    }

    /// <summary>Adds the lines whose context <paramref name="keep"/> selects to <paramref name="into"/>, as events.</summary>
    public void CopyTo(List<TraceEvent> into, Func<LineContext, bool>? keep = null)
    {
        lock (this)
        {
            for (var i = 0; i < _count; i++)
            {
                ref readonly var line = ref At(i);
                if (keep is null || keep(line.Context))
                {
                    into.Add(line.ToEvent(SessionId, _outbound));
                }
            }
        }
    }

    /// <summary>
    /// The line's host, peer and ids: the same for most lines of a connection, so lines share one
    /// object (<see cref="ContextFor"/>) instead of carrying four references each. <paramref name="Transaction"/>:
    /// the mail transaction on the connection the line belongs to, 0 for the connection's own lines.
    /// </summary>
    internal sealed record LineContext(string Host, string? TraceId, string? MessageId, string? Peer, int Transaction);

    /// <summary>The context of the previous line when it is the same, else a new one (under the caller's lock).</summary>
    private LineContext ContextFor(string host, string? traceId, string? messageId, string? peer, int transaction)
    {
        if (_context is { } last && ReferenceEquals(last.Host, host) && last.TraceId == traceId && last.MessageId == messageId && last.Peer == peer && last.Transaction == transaction)
        {
            return last;
        }

        return _context = new LineContext(host, traceId, messageId, peer, transaction);
    }

    /// <summary>One protocol line; its text is made only when it is read (<see cref="ToEvent"/>).</summary>
    internal readonly record struct Line(long Sequence, long UtcTicks, LineContent Content, LineContext Context, TraceKind Kind)
    {
        public TraceEvent ToEvent(long sessionId, bool outbound) => new(
            Sequence,
            new DateTimeOffset(UtcTicks, TimeSpan.Zero),
            Context.Host,
            Kind,
            Content.Text,
            sessionId,
            Context.TraceId,
            Context.MessageId,
            Context.Peer)
        {
            Transaction = Context.Transaction,
            Outbound = outbound,
        };
    }
}
