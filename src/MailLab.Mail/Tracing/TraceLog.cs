namespace MailLab.Mail.Tracing;

/// <summary>
/// The spine (ARCHITECTURE.md idea 3): every observable step in one ordered, bounded log that the
/// API, the visualiser, scenario assertions and tests all read. AUTH secrets never reach it
/// (the session redacts them at the source).
/// </summary>
public sealed class TraceLog
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly Queue<TraceEvent> _events = new();
    private readonly Dictionary<string, TraceSummary> _summaries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _summaryOrder = new();
    private long _sequence;
    private long _sessions;

    public TraceLog(TimeProvider clock, int capacity = 200_000)
    {
        _clock = clock;
        Capacity = capacity;
    }

    /// <summary>How many events are kept; the oldest go first.</summary>
    public int Capacity { get; }

    /// <summary>When false, protocol lines are not recorded (message stages still are).</summary>
    public bool RecordTranscripts { get; set; } = true;

    public event Action<TraceEvent>? Appended;

    public long NewSessionId() => Interlocked.Increment(ref _sessions);

    public TraceEvent Append(string host, TraceKind kind, string text, long? sessionId = null, string? traceId = null, string? messageId = null, string? peer = null)
    {
        TraceEvent e;
        lock (_gate)
        {
            e = new TraceEvent(++_sequence, _clock.GetUtcNow(), host, kind, text, sessionId, traceId, messageId, peer);
            _events.Enqueue(e);
            if (_events.Count > Capacity)
            {
                _events.Dequeue();
            }
        }

        Appended?.Invoke(e);
        return e;
    }

    /// <summary>Records a message that entered the world (its first hop), for the list of traces.</summary>
    public void Register(TraceSummary summary)
    {
        lock (_gate)
        {
            if (!_summaries.TryAdd(summary.TraceId, summary))
            {
                return;
            }

            _summaryOrder.Enqueue(summary.TraceId);
            if (_summaryOrder.Count > Capacity / 4)
            {
                _summaries.Remove(_summaryOrder.Dequeue());
            }
        }
    }

    public IReadOnlyList<TraceSummary> Summaries()
    {
        lock (_gate)
        {
            return _summaryOrder.Select(id => _summaries[id]).ToArray();
        }
    }

    public TraceSummary? FindSummary(string traceId)
    {
        lock (_gate)
        {
            return _summaries.GetValueOrDefault(traceId);
        }
    }

    public IReadOnlyList<TraceEvent> Snapshot()
    {
        lock (_gate)
        {
            return _events.ToArray();
        }
    }

    public IReadOnlyList<TraceEvent> ForTrace(string traceId)
    {
        lock (_gate)
        {
            return _events.Where(e => e.TraceId == traceId).ToArray();
        }
    }

    public IReadOnlyList<TraceEvent> ForSession(long sessionId)
    {
        lock (_gate)
        {
            return _events.Where(e => e.SessionId == sessionId).ToArray();
        }
    }
}
