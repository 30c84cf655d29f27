using MailLab.Mail.Stores;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tracing;

/// <summary>
/// The spine (docs/ARCHITECTURE.md, "The four ideas", 3): every observable step in one ordered log that the API, the
/// visualiser, scenario assertions and tests all read. AUTH secrets never reach it (the session
/// redacts them at the source). Memory is bounded: protocol lines (the bulky part) are kept for
/// the most recent <see cref="ProtocolCapacity"/> events, delivery stages for <see cref="StageCapacity"/>.
/// </summary>
public sealed class TraceLog
{
    // The sequence number orders the log; readers sort by it.
    private readonly StageRing _stages;

    // Protocol lines, per connection (SessionTranscript): looked up by session id, let go oldest
    // connection first once more than ProtocolCapacity lines are kept.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, SessionTranscript> _transcripts = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<SessionTranscript> _transcriptOrder = new();
    private int _protocolLines;

    // Lines are counted against ProtocolCapacity this many at a time per connection (see SessionTranscript.TryAdd).
    private readonly int _countBatch;

    private readonly object _summaryGate = new();
    private readonly TimeProvider _clock;
    // Written under _summaryGate; read without it by every stage event that moves a message's status.
    // By the sequence its trace id is formatted from (a trace id is matched in any case).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, TraceSummary> _summaries = new();
    private readonly Queue<long> _summaryOrder = new();
    private long _sequence;
    private long _sessions;

    public TraceLog(TimeProvider clock, int protocolCapacity = 20_000, int stageCapacity = 100_000)
    {
        _clock = clock;
        ProtocolCapacity = protocolCapacity;
        _countBatch = protocolCapacity >= 4096 ? 8 : 1;
        StageCapacity = stageCapacity;
        _stages = new StageRing(stageCapacity);
        Views = new TraceViews(this);
    }

    /// <summary>The reader API: messages, hops, per-recipient status, transcript lines, notices.</summary>
    public TraceViews Views { get; }

    /// <summary>
    /// How many protocol events (connections, command lines, replies) are kept; the oldest
    /// connection's go first. A large capacity is counted eight lines at a time per connection, so
    /// up to seven more lines per connection may be kept.
    /// </summary>
    public int ProtocolCapacity { get; }

    /// <summary>How many stage events (received, queued, relayed, delivered…) are kept.</summary>
    public int StageCapacity { get; }

    /// <summary>How many messages <see cref="Summaries"/> remembers.</summary>
    public int SummaryCapacity => StageCapacity / 5;

    /// <summary>When false, protocol lines are not recorded (message stages still are).</summary>
    public bool RecordTranscripts { get; set; } = true;

    public event Action<TraceEvent>? Appended;

    public static bool IsProtocol(TraceKind kind) =>
        kind is TraceKind.ClientLine or TraceKind.ServerReply or TraceKind.ClientData or TraceKind.ConnectionOpened or TraceKind.ConnectionClosed;

    public long NewSessionId() => Interlocked.Increment(ref _sessions);

    /// <summary>The id <see cref="NewSessionId"/> gave last (0 before any): later connections have greater ids.</summary>
    public long LatestSessionId => Interlocked.Read(ref _sessions);

    /// <param name="recipients">The envelope recipients a delivery stage concerns: they move the message's <see cref="DeliveryStatus"/>.</param>
    public void Append(string host, TraceKind kind, string text, long? sessionId = null, string? traceId = null, string? messageId = null, string? peer = null, IReadOnlyList<string>? recipients = null)
    {
        if (sessionId is { } session && IsProtocol(kind))
        {
            AppendLine(host, kind, LineContent.Line(text), session, traceId, messageId, peer);
            return;
        }

        var sequence = Interlocked.Increment(ref _sequence);
        var time = _clock.GetUtcNow();
        _stages.Add(sequence, time, host, kind, text, sessionId, traceId, messageId, peer, recipients);
        Follow(sequence, host, kind, traceId, peer, recipients);
        Appended?.Invoke(new TraceEvent(sequence, time, host, kind, text, sessionId, traceId, messageId, peer, recipients));
    }

    /// <summary>
    /// An event whose text is an interpolated string: written as UTF-8 straight into the stage ring,
    /// so it becomes a string only when read (or when someone listens to <see cref="Appended"/>).
    /// </summary>
    public void Append(string host, TraceKind kind, ref TraceText text, long? sessionId = null, string? traceId = null, string? messageId = null, string? peer = null, IReadOnlyList<string>? recipients = null)
    {
        try
        {
            if (sessionId is { } session && IsProtocol(kind))
            {
                AppendLine(host, kind, LineContent.Line(text.ToString()), session, traceId, messageId, peer);
                return;
            }

            var sequence = Interlocked.Increment(ref _sequence);
            var time = _clock.GetUtcNow();
            _stages.Add(sequence, time, host, kind, text.Utf8, null, sessionId, traceId, messageId, peer, recipients);
            Follow(sequence, host, kind, traceId, peer, recipients);
            if (Appended is { } appended)
            {
                appended(new TraceEvent(sequence, time, host, kind, text.ToString(), sessionId, traceId, messageId, peer, recipients));
            }
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>A stage event that names recipients moves its message's status (before anyone hears of the event).</summary>
    private void Follow(long sequence, string host, TraceKind kind, string? traceId, string? peer, IReadOnlyList<string>? recipients)
    {
        if (recipients is not null && traceId is not null && DeliveryStatus.Concerns(kind) && FindSummary(traceId) is { } summary)
        {
            summary.Delivery.Apply(host, kind, recipients, peer, sequence);
        }
    }

    /// <summary>A protocol line from a caller that keeps no transcript of its own (the session is looked up).</summary>
    private void AppendLine(string host, TraceKind kind, LineContent content, long sessionId, string? traceId, string? messageId, string? peer)
    {
        SessionTranscript? transcript = null;
        AppendLine(ref transcript, host, kind, content, sessionId, traceId, messageId, peer);
    }

    /// <summary>
    /// Appends a protocol line to <paramref name="sessionId"/>'s transcript; <paramref name="transcript"/>
    /// is the caller's remembered transcript of that session (a session's observer keeps it, so most
    /// lines need no lookup), updated when the log has let it go.
    /// </summary>
    /// <param name="transaction">The mail transaction of the connection the line belongs to, 0 for the connection's own (see <see cref="TraceEvent.Transaction"/>).</param>
    /// <param name="outbound">Written by the sending side of the connection.</param>
    /// <returns>The line's sequence number.</returns>
    internal long AppendLine(ref SessionTranscript? transcript, string host, TraceKind kind, LineContent content, long sessionId, string? traceId, string? messageId, string? peer, int transaction = 0, bool outbound = false)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var ticks = _clock.GetUtcNow().UtcTicks;
        int counted;
        while (!(transcript ??= TranscriptOf(sessionId)).TryAdd(sequence, ticks, kind, content, host, traceId, messageId, peer, transaction, outbound, _countBatch, out counted))
        {
            // Let go between the lookup and the append: the line starts the connection's transcript anew.
            transcript = null;
        }

        if (counted > 0 && Interlocked.Add(ref _protocolLines, counted) > ProtocolCapacity)
        {
            TrimTranscripts();
        }

        if (Appended is { } appended)
        {
            appended(new TraceEvent(sequence, new DateTimeOffset(ticks, TimeSpan.Zero), host, kind, content.Text, sessionId, traceId, messageId, peer) { Transaction = transaction, Outbound = outbound });
        }

        return sequence;
    }

    /// <summary>
    /// Puts the lines of a connection's <paramref name="transaction"/> written since
    /// <paramref name="fromSequence"/> on the trace <paramref name="traceId"/> (a server learns whose
    /// message it was only when it accepts it).
    /// </summary>
    internal void Claim(long sessionId, long fromSequence, int transaction, string traceId)
    {
        if (_transcripts.TryGetValue(sessionId, out var transcript))
        {
            transcript.Claim(fromSequence, transaction, traceId);
        }
    }

    /// <summary>
    /// Notes the client's endpoint of connection <paramref name="sessionId"/> (its address and port,
    /// as the side writing the transcript saw it): a sending host's local endpoint, a receiving
    /// server's remote one. The trace reader pairs a connection's two sides by it, as an
    /// administrator pairs two hosts' logs (<see cref="TraceHops"/>).
    /// </summary>
    internal void RecordEndPoint(long sessionId, System.Net.IPEndPoint? client)
    {
        if (client is not null && RecordTranscripts)
        {
            TranscriptOf(sessionId).ClientEndPoint = Delivery.OutboundEndpoints.Normalize(client);
        }
    }

    /// <summary>A connection's client endpoint (see <see cref="RecordEndPoint"/>), or null.</summary>
    internal System.Net.IPEndPoint? EndPointOf(long sessionId) =>
        _transcripts.TryGetValue(sessionId, out var transcript) ? transcript.ClientEndPoint : null;

    /// <summary>The receiving servers' connections whose client endpoint is <paramref name="client"/>, with the sequence of each one's first line.</summary>
    internal IEnumerable<(long SessionId, long Opened)> ReceivedFrom(System.Net.IPEndPoint client)
    {
        foreach (var transcript in _transcriptOrder)
        {
            if (client.Equals(transcript.ClientEndPoint) && !transcript.IsOutbound)
            {
                yield return (transcript.SessionId, transcript.FirstSequence);
            }
        }
    }

    private SessionTranscript TranscriptOf(long sessionId)
    {
        if (_transcripts.TryGetValue(sessionId, out var transcript))
        {
            return transcript;
        }

        var created = new SessionTranscript(sessionId);
        transcript = _transcripts.GetOrAdd(sessionId, created);
        if (ReferenceEquals(transcript, created))
        {
            _transcriptOrder.Enqueue(created);
        }

        return transcript;
    }

    /// <summary>Lets the oldest connections' transcripts go until at most <see cref="ProtocolCapacity"/> lines remain.</summary>
    private void TrimTranscripts()
    {
        while (Volatile.Read(ref _protocolLines) > ProtocolCapacity && _transcriptOrder.TryDequeue(out var oldest))
        {
            _transcripts.TryRemove(new KeyValuePair<long, SessionTranscript>(oldest.SessionId, oldest));
            Interlocked.Add(ref _protocolLines, -oldest.Evict());
        }
    }

    /// <summary>Records a message that entered the world (its first hop), for the list of traces.</summary>
    public void Register(TraceSummary summary)
    {
        lock (_summaryGate)
        {
            if (!_summaries.TryAdd(summary.TraceSequence, summary))
            {
                return;
            }

            _summaryOrder.Enqueue(summary.TraceSequence);
            if (_summaryOrder.Count > SummaryCapacity)
            {
                _summaries.TryRemove(_summaryOrder.Dequeue(), out _);
            }

            if (summary.OriginalTraceId is { } original && FindSummary(original) is { } reported)
            {
                reported.AddNotification(summary.TraceId);
            }
        }
    }

    public IReadOnlyList<TraceSummary> Summaries()
    {
        lock (_summaryGate)
        {
            return _summaryOrder.Select(id => _summaries[id]).ToArray();
        }
    }

    /// <summary>The listed message with this trace id (in any case), or null.</summary>
    public TraceSummary? FindSummary(string traceId) =>
        StoredMessage.TryParseFormattedId(traceId, out var sequence, ignoreCase: true) ? _summaries.GetValueOrDefault(sequence) : null;

    /// <summary>Every event kept, in order.</summary>
    public IReadOnlyList<TraceEvent> Snapshot() => Select(null, null);

    public IReadOnlyList<TraceEvent> ForTrace(string traceId)
    {
        var number = StageRing.Fields.IdNumber(traceId);
        return Select(c => c.TraceId == traceId, s => s.HasTrace(traceId, number));
    }

    public IReadOnlyList<TraceEvent> ForSession(long sessionId)
    {
        var events = new List<TraceEvent>();
        if (_transcripts.TryGetValue(sessionId, out var transcript))
        {
            transcript.CopyTo(events);
        }

        _stages.CopyTo(events, s => s.HasSession(sessionId));
        return Ordered(events);
    }

    // Enumerating a ConcurrentQueue reads a moment-in-time snapshot of it.
    private TraceEvent[] Select(Func<SessionTranscript.LineContext, bool>? line, Func<StageRing.Fields, bool>? stage)
    {
        var events = new List<TraceEvent>();
        foreach (var transcript in _transcriptOrder)
        {
            transcript.CopyTo(events, line);
        }

        _stages.CopyTo(events, stage);
        return Ordered(events);
    }

    private static TraceEvent[] Ordered(List<TraceEvent> events)
    {
        var ordered = events.ToArray();
        Array.Sort(ordered, static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return ordered;
    }
}
