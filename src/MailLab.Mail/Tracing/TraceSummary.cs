using MailLab.Mail.Stores;

namespace MailLab.Mail.Tracing;

/// <summary>
/// A message as it first entered the world: one entry of <c>GET /api/traces</c>. It copies what the
/// list shows from the first server's stored copy rather than keeping that copy (with its bytes)
/// alive for as long as the list remembers the message. Its <see cref="Delivery"/> status follows
/// the trace's stage events. A delivery status notification that MailLab generates is a message of
/// its own, with its own summary (<see cref="Kind"/>, <see cref="OriginalTraceId"/>); the original
/// lists it in <see cref="Notifications"/>.
/// </summary>
public sealed class TraceSummary(StoredMessage firstHop, TraceMessageKind kind = TraceMessageKind.Message, string? originalTraceId = null)
{
    private string[] _notifications = [];

    // The first server's copy's server, envelope and time received, as that copy shares them with
    // other messages (no bytes); its id as the sequence it is formatted from.
    private readonly StoredMessage.Envelope _facts = firstHop.Facts;
    private readonly long _receivedUtcTicks = firstHop.ReceivedUtcTicks;

    /// <summary>The first server's sequence of the message, which <see cref="TraceId"/> is formatted from.</summary>
    internal long TraceSequence { get; } = firstHop.TraceSequence;

    public string TraceId => StoredMessage.IdOf(TraceSequence);

    public string Host => _facts.HostName;

    public string From => _facts.Sender;

    public IReadOnlyList<string> Recipients => _facts.Recipients;

    public string Subject { get; } = firstHop.Subject;

    public DateTimeOffset Received => new DateTimeOffset(_receivedUtcTicks, TimeSpan.Zero).ToOffset(_facts.ReceivedOffset);

    public TraceMessageKind Kind { get; } = kind;

    /// <summary>For a delivery status notification: the trace of the message it reports on.</summary>
    public string? OriginalTraceId { get; } = originalTraceId;

    /// <summary>The traces of the delivery status notifications generated for this message, oldest first.</summary>
    public IReadOnlyList<string> Notifications => Volatile.Read(ref _notifications);

    public DeliveryStatus Delivery { get; } = new(firstHop.Recipients);

    /// <summary>Called by <see cref="TraceLog.Register"/> under its lock, the only writer.</summary>
    internal void AddNotification(string traceId) => Volatile.Write(ref _notifications, [.. _notifications, traceId]);
}

/// <summary>What a traced message is: mail someone sent, or a notice MailLab's bounce stage wrote about another message.</summary>
public enum TraceMessageKind
{
    Message,

    /// <summary>A delay notice (RFC 3464 Action: delayed): the message is still queued and will be retried.</summary>
    DelayNotification,

    /// <summary>A failure notice (RFC 3464 Action: failed), or its copy to the "Send copy of NDR to" address.</summary>
    NonDeliveryReport,
}
