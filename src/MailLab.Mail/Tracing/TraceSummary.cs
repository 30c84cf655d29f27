using MailLab.Mail.Stores;

namespace MailLab.Mail.Tracing;

/// <summary>
/// A message as it first entered the world: one entry of <c>GET /api/traces</c>. It copies what the
/// list shows from the first server's stored copy rather than keeping that copy (with its bytes)
/// alive for as long as the list remembers the message.
/// </summary>
public sealed class TraceSummary(StoredMessage firstHop)
{
    public string TraceId { get; } = firstHop.TraceId;

    public string Host { get; } = firstHop.HostName;

    public string From { get; } = firstHop.Sender;

    public IReadOnlyList<string> Recipients { get; } = firstHop.Recipients;

    public string Subject { get; } = firstHop.Subject;

    public DateTimeOffset Received { get; } = firstHop.Received;
}
