using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Idempotent acceptance on a middle hop, the relay's counterpart of <see cref="LocalDelivery"/>'s
/// check. With a data directory, a previous hop that stored our 250 but crashed before recording
/// it relays the same queue entry again after restarting (RFC 5321 §6.1 allows that duplicate).
/// A recipient that an entry from the same previous hop (<see cref="StoredMessage.PreviousHop"/>)
/// still has in our queue, or that such an entry already took on (the data directory's
/// relayed.log), is answered 250 all the same and not queued a second time; so is a local recipient
/// such an entry still holds, waiting for a dismounted store. In memory only
/// nothing survives a crash, so there is nothing to repeat and no check is made.
/// </summary>
internal static class RelayDeduplication
{
    /// <summary>The recipients to queue: <paramref name="recipients"/> less those already queued or relayed, each of which is traced.</summary>
    public static List<string> NotYetHandled(SmtpVirtualServer server, StoredMessage message, List<string> recipients)
    {
        if (server.HomeDirectory.Persistence is not { } persistence || message.PreviousHop is not { } hop)
        {
            return recipients;
        }

        var host = server.Host;
        var queued = server.Queue.Entries.Where(e => e.Message.PreviousHop == hop).ToArray();
        var fresh = new List<string>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (Array.Find(queued, e => e.Message.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)) is { } entry)
            {
                host.World.Trace.Append(host.Name, TraceKind.Queued, $"Already queued as {entry.Message.Id} for {recipient} (relayed again by {hop} after a restart): not queued twice", traceId: message.TraceId, messageId: message.Id, recipients: [recipient]);
            }
            else if (persistence.WasRelayed(hop, recipient))
            {
                host.World.Trace.Append(host.Name, TraceKind.Queued, $"Already relayed {hop} for {recipient} (relayed again by its sender after a restart): not queued twice", traceId: message.TraceId, messageId: message.Id);
            }
            else
            {
                fresh.Add(recipient);
            }
        }

        return fresh;
    }
}
