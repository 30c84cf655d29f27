using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Sends an accepted message on its way: recipients in a local domain go to the local delivery
/// agent, the others to the virtual server's queue. Also the way generated mail (DSNs) enters.
/// </summary>
public static class Dispatcher
{
    public static void Dispatch(SmtpVirtualServer server, StoredMessage message)
    {
        var local = new List<string>();
        var remote = new List<string>();
        foreach (var recipient in message.Recipients)
        {
            var at = recipient.LastIndexOf('@');
            var domain = at < 0 ? server.Domains.Default.Name : recipient[(at + 1)..];
            (server.Domains.FindLocal(domain) is null ? remote : local).Add(recipient);
        }

        if (local.Count > 0)
        {
            LocalDelivery.Deliver(server, local.Count == message.Recipients.Count ? message : message.WithRecipients(local), local);
        }

        if (remote.Count > 0)
        {
            remote = RelayDeduplication.NotYetHandled(server, message, remote);
        }

        if (remote.Count > 0)
        {
            server.Queue.Enqueue(remote.Count == message.Recipients.Count ? message : message.WithRecipients(remote));
        }
    }

    /// <summary>Injects a message generated on this server (a DSN): stored, traced, dispatched.</summary>
    public static StoredMessage Submit(SmtpVirtualServer server, string sender, IReadOnlyList<string> recipients, byte[] data, long traceSequence, string what)
    {
        var world = server.Host.World;
        var sequence = world.NextMessageSequence();
        var message = new StoredMessage(sequence, server.Host.Name, sender, recipients, data, world.Clock.GetUtcNow(), traceSequence);
        world.Trace.Append(server.Host.Name, TraceKind.NdrGenerated, $"{what} {message.Id} from <{sender}> to {string.Join(", ", recipients)}", traceId: message.TraceId, messageId: message.Id);
        Dispatch(server, message);
        return message;
    }
}
