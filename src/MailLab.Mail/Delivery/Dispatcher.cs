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
        // A copy a previous hop sends again after a restart is not a second one, whether its recipient is
        // still in our queue to relay or waiting there for a dismounted store (its Local Delivery queue).
        List<string>? local = null, remote = null;
        foreach (var recipient in RelayDeduplication.NotYetHandled(server, message, [.. message.Recipients]))
        {
            var at = recipient.LastIndexOf('@');
            var domain = at < 0 ? server.Domains.Default.Name : recipient[(at + 1)..];
            if (server.Domains.FindLocal(domain) is null && !DirectoryExpansion.IsRecipient(server, recipient))
            {
                (remote ??= []).Add(recipient);
            }
            else
            {
                (local ??= []).Add(recipient);
            }
        }

        // With LDAP routing to an LDAP server, local recipients wait in the queue to be categorized.
        if (local is not null && server.LdapRouting.CategorizesInQueue)
        {
            (remote ??= []).AddRange(local);
            local = null;
        }

        // Local recipients whose Exchange mailbox is unavailable wait in the queue (its Local Delivery queue).
        IReadOnlyList<DeliveryFailure> waiting = [];
        if (local is not null)
        {
            waiting = LocalDelivery.Deliver(server, local.Count == message.Recipients.Count ? message : message.WithRecipients(local), local);
        }

        if (waiting.Count > 0)
        {
            (remote ??= []).AddRange(waiting.Select(w => w.Recipient));
        }

        if (remote is not null)
        {
            server.Queue.Enqueue(remote.Count == message.Recipients.Count ? message : message.WithRecipients(remote), waiting);
        }
    }

    /// <summary>
    /// Injects a delivery status notification generated on this server about <paramref name="original"/>:
    /// stored, traced, dispatched. The notice is a message of its own, with a trace of its own (its
    /// own list entry, linked to the original's and back), so its delivery never reads as the
    /// original's. Both traces get a stage saying it was written.
    /// </summary>
    public static StoredMessage Submit(SmtpVirtualServer server, string sender, IReadOnlyList<string> recipients, byte[] data, StoredMessage original, TraceMessageKind kind, string what)
    {
        var world = server.Host.World;
        var sequence = world.NextMessageSequence();
        var message = new StoredMessage(sequence, server.Host.Name, sender, recipients, data, world.Clock.GetUtcNow());
        world.Trace.Register(new TraceSummary(message, kind, original.TraceId));
        var stage = kind == TraceMessageKind.DelayNotification ? TraceKind.DelayNotification : TraceKind.NdrGenerated;
        var to = string.Join(", ", recipients);
        world.Trace.Append(server.Host.Name, stage, $"{what} {message.Id} from <{sender}> to {to}", traceId: original.TraceId, messageId: original.Id);
        world.Trace.Append(server.Host.Name, stage, $"{what} {message.Id} about {original.Id} (trace {original.TraceId}) from <{sender}> to {to}", traceId: message.TraceId, messageId: message.Id);
        Dispatch(server, message);
        return message;
    }
}
