namespace MailLab.Mail.Tracing;

/// <summary>
/// The one way to read the trace (<see cref="TraceLog.Views"/>): the web API, the live stream, the
/// scenario checks and the page all read messages, hops, per-recipient status, transcript lines
/// and the links between a message and its delivery status notifications from here, never from
/// the log's storage. Status is derived once, by <see cref="DeliveryStatus"/>, as events are appended.
/// </summary>
public sealed class TraceViews
{
    private readonly TraceLog _log;

    internal TraceViews(TraceLog log)
    {
        _log = log;
    }

    /// <summary>Every message that entered the world and every notice MailLab wrote, in arrival order (the most recent <see cref="TraceLog.SummaryCapacity"/>).</summary>
    public IReadOnlyList<TraceSummary> Messages() => _log.Summaries();

    /// <summary>The messages after <paramref name="traceId"/> in arrival order; null when it is not (or no longer) listed.</summary>
    public IReadOnlyList<TraceSummary>? MessagesAfter(string traceId)
    {
        var all = _log.Summaries();
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i].TraceId, traceId, StringComparison.OrdinalIgnoreCase))
            {
                return all.Skip(i + 1).ToArray();
            }
        }

        return null;
    }

    /// <summary>A listed message by its trace id (any case), or null.</summary>
    public TraceSummary? Message(string traceId) => _log.FindSummary(traceId);

    /// <summary>One message's trace, read once: its events, stages, hops and status; null when it is not listed.</summary>
    public MessageTrace? Trace(string traceId) =>
        _log.FindSummary(traceId) is { } summary ? new MessageTrace(_log, summary, _log.ForTrace(summary.TraceId)) : null;

    /// <summary>Every event kept, in order.</summary>
    public IReadOnlyList<TraceEvent> Events() => _log.Snapshot();

    /// <summary>The events kept whose sequence is after <paramref name="sequence"/>, in order.</summary>
    public IReadOnlyList<TraceEvent> EventsAfter(long sequence) => _log.Snapshot().Where(e => e.Sequence > sequence).ToArray();

    /// <summary>The sequence of the last event kept (0 when none).</summary>
    public long LastSequence()
    {
        var events = _log.Snapshot();
        return events.Count == 0 ? 0 : events[^1].Sequence;
    }

    /// <summary>A connection's events (its protocol lines and the stages that name it), in order.</summary>
    public IReadOnlyList<TraceEvent> Session(long sessionId) => _log.ForSession(sessionId);

    /// <summary>The transcript lines (<c>C:</c> and <c>S:</c>) among <paramref name="events"/>, in their order.</summary>
    public static IReadOnlyList<TranscriptLine> Lines(IEnumerable<TraceEvent> events) =>
        events.Select(TranscriptLine.Of).OfType<TranscriptLine>().ToArray();

    /// <summary>Whether an event is a protocol line or a connection's opening or closing (else a delivery stage).</summary>
    public static bool IsProtocol(TraceKind kind) => TraceLog.IsProtocol(kind);
}

/// <summary>
/// One message's trace as read at one moment: its list entry (<see cref="Summary"/>, whose
/// <see cref="TraceSummary.Delivery"/> is the per-recipient status), its events, its delivery stages,
/// its hops with their transcripts, and its notices.
/// </summary>
public sealed class MessageTrace
{
    private readonly TraceLog _log;
    private IReadOnlyList<TraceHop>? _hops;

    internal MessageTrace(TraceLog log, TraceSummary summary, IReadOnlyList<TraceEvent> events)
    {
        _log = log;
        Summary = summary;
        Events = events;
        Stages = events.Where(e => !TraceLog.IsProtocol(e.Kind)).ToArray();
    }

    public string TraceId => Summary.TraceId;

    public TraceSummary Summary { get; }

    /// <summary>Every event of the message, protocol lines included, in order.</summary>
    public IReadOnlyList<TraceEvent> Events { get; }

    /// <summary>The delivery stages (received, cleanup, queued, relayed, delivered…), in order.</summary>
    public IReadOnlyList<TraceEvent> Stages { get; }

    /// <summary>The conversations it travelled through, in time order (<see cref="TraceHops"/>).</summary>
    public IReadOnlyList<TraceHop> Hops => _hops ??= TraceHops.Of(_log, Summary.TraceId, Events);

    /// <summary>Each recipient's status, in the order of the envelope.</summary>
    public IReadOnlyList<RecipientStatus> Recipients => Summary.Delivery.Recipients;

    /// <summary>The traces of the delivery status notifications written about it, oldest first.</summary>
    public IReadOnlyList<string> Notifications => Summary.Notifications;

    /// <summary>For a notice: the trace of the message it reports on.</summary>
    public string? OriginalTraceId => Summary.OriginalTraceId;

    /// <summary>The receive stages, in order: one per server that accepted a copy (the bounces it caused are their own messages).</summary>
    public IReadOnlyList<TraceEvent> Arrivals => Stages.Where(e => e.Kind == TraceKind.Received).ToArray();

    /// <summary>
    /// The hosts that received it, in order, each once in a row; a notice the bounce stage wrote
    /// about it (from &lt;&gt;) is received on the original's trace too, and is not part of its route.
    /// </summary>
    public IReadOnlyList<string> Route()
    {
        var route = new List<string>();
        foreach (var e in Arrivals)
        {
            var notice = Summary.From.Length > 0 && e.Text.Contains(" from <> ", StringComparison.Ordinal);
            if (!notice && (route.Count == 0 || !route[^1].Equals(e.Host, StringComparison.OrdinalIgnoreCase)))
            {
                route.Add(e.Host);
            }
        }

        return route;
    }

    /// <summary>The ids of the stored copies its events name, in the order first named (the furthest along last).</summary>
    public IReadOnlyList<string> MessageIds => Events.Where(e => e.MessageId is not null).Select(e => e.MessageId!).Distinct().ToArray();

    /// <summary>The event with this sequence number among the message's, or null (a recipient status names the stage that set it).</summary>
    public TraceEvent? EventAt(long sequence) => sequence == 0 ? null : Events.FirstOrDefault(e => e.Sequence == sequence);
}

/// <summary>One transcript line: <c>C</c> what the client sent (a command or the content's size), <c>S</c> the server's reply.</summary>
public sealed record TranscriptLine(DateTimeOffset Time, string Side, string Text)
{
    /// <summary>The line an event is, or null for an event that is no line (a connection opened or closed, a stage).</summary>
    public static TranscriptLine? Of(TraceEvent e) => e.Kind switch
    {
        TraceKind.ClientLine or TraceKind.ClientData => new TranscriptLine(e.Time, "C", e.Text),
        TraceKind.ServerReply => new TranscriptLine(e.Time, "S", e.Text),
        _ => null,
    };
}
