namespace MailLab.Mail.Tracing;

/// <summary>
/// The spine (ARCHITECTURE.md idea 3): every observable step in one ordered log that the API, the
/// visualiser, scenario assertions and tests all read. AUTH secrets never reach it (the session
/// redacts them at the source). Memory is bounded: protocol lines (the bulky part) are kept for
/// the most recent <see cref="ProtocolCapacity"/> events, delivery stages for <see cref="StageCapacity"/>.
/// </summary>
public sealed class TraceLog
{
    // Appending takes no lock: every session and queue worker appends, and a lock here was the most
    // contended one in the relay benchmark. The sequence number orders the log; readers sort by it.
    private readonly BoundedEvents _protocol;
    private readonly BoundedEvents _stages;

    private readonly object _summaryGate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, TraceSummary> _summaries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _summaryOrder = new();
    private long _sequence;
    private long _sessions;

    public TraceLog(TimeProvider clock, int protocolCapacity = 20_000, int stageCapacity = 100_000)
    {
        _clock = clock;
        ProtocolCapacity = protocolCapacity;
        StageCapacity = stageCapacity;
        _protocol = new BoundedEvents(protocolCapacity);
        _stages = new BoundedEvents(stageCapacity);
    }

    /// <summary>How many protocol events (connections, command lines, replies) are kept; the oldest go first.</summary>
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

    public TraceEvent Append(string host, TraceKind kind, string text, long? sessionId = null, string? traceId = null, string? messageId = null, string? peer = null)
    {
        var e = new TraceEvent(Interlocked.Increment(ref _sequence), _clock.GetUtcNow(), host, kind, text, sessionId, traceId, messageId, peer);
        (IsProtocol(kind) ? _protocol : _stages).Add(e);
        Appended?.Invoke(e);
        return e;
    }

    /// <summary>Records a message that entered the world (its first hop), for the list of traces.</summary>
    public void Register(TraceSummary summary)
    {
        lock (_summaryGate)
        {
            if (!_summaries.TryAdd(summary.TraceId, summary))
            {
                return;
            }

            _summaryOrder.Enqueue(summary.TraceId);
            if (_summaryOrder.Count > SummaryCapacity)
            {
                _summaries.Remove(_summaryOrder.Dequeue());
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

    public TraceSummary? FindSummary(string traceId)
    {
        lock (_summaryGate)
        {
            return _summaries.GetValueOrDefault(traceId);
        }
    }

    /// <summary>Every event kept, in order.</summary>
    public IReadOnlyList<TraceEvent> Snapshot() => Select(_ => true, _ => true);

    public IReadOnlyList<TraceEvent> ForTrace(string traceId) =>
        Select(e => e.TraceId == traceId, e => e.TraceId == traceId);

    public IReadOnlyList<TraceEvent> ForSession(long sessionId) =>
        Select(e => e.SessionId == sessionId, e => e.SessionId == sessionId);

    // Enumerating a ConcurrentQueue reads a moment-in-time snapshot of it.
    private TraceEvent[] Select(Func<TraceEvent, bool> protocol, Func<TraceEvent, bool> stage) =>
        _protocol.Events.Where(protocol).Concat(_stages.Events.Where(stage)).OrderBy(e => e.Sequence).ToArray();

    /// <summary>A queue of events that drops its oldest ones past a capacity, safe for many writers.</summary>
    private sealed class BoundedEvents(int capacity)
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<TraceEvent> _events = new();
        private int _count;

        public IEnumerable<TraceEvent> Events => _events;

        public void Add(TraceEvent e)
        {
            _events.Enqueue(e);
            if (Interlocked.Increment(ref _count) > capacity && _events.TryDequeue(out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
