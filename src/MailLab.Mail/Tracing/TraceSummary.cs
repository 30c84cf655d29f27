using MailLab.Mail.Stores;

namespace MailLab.Mail.Tracing;

/// <summary>
/// A message as it first entered the world: one entry of <c>GET /api/traces</c>. It reads the first
/// server's stored copy, so the subject is parsed only when someone asks for it.
/// </summary>
public sealed class TraceSummary(StoredMessage firstHop)
{
    public string TraceId => firstHop.TraceId;

    public string Host => firstHop.HostName;

    public string From => firstHop.Sender;

    public IReadOnlyList<string> Recipients => firstHop.Recipients;

    public string Subject => firstHop.Subject;

    public DateTimeOffset Received => firstHop.Received;
}
