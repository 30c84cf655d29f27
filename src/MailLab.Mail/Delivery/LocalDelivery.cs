using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The local delivery agent: a recipient with a mailbox gets the message in the store; any other
/// recipient of a local domain gets it in the Drop folder (IIS keeps no per-user mailboxes without
/// a store). One copy of the bytes serves every recipient.
/// <para>With a data directory, delivery is idempotent across a crash of the previous hop: if that
/// hop stored its 250 from us but crashed before recording it, it relays the same queue entry
/// again after restarting; a copy with the same <see cref="StoredMessage.PreviousHop"/> already in
/// the mailbox (or Drop, for the same recipient) is then not stored twice. In memory only nothing
/// survives a crash, so there is nothing to repeat and no check is made.</para>
/// </summary>
public static class LocalDelivery
{
    public static void Deliver(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<string> recipients)
    {
        var host = server.Host;
        var trace = host.World.Trace;
        var mailboxes = new List<Mailbox>();
        var drop = new List<string>();
        var full = new List<DeliveryFailure>();
        var hop = host.Mailboxes.Persistence is null && server.HomeDirectory.Persistence is null ? null : message.PreviousHop;
        foreach (var address in recipients)
        {
            if (host.Mailboxes.Find(address) is { } mailbox)
            {
                if (hop is not null && mailbox.FindRelayed(hop) is { } already)
                {
                    trace.Append(host.Name, TraceKind.DeliveredToMailbox, $"Already in the mailbox {mailbox.Address} as {already.Id} (relayed again by {hop} after a restart): not stored twice", traceId: message.TraceId, messageId: message.Id, recipients: [mailbox.Address]);
                    continue;
                }

                // SMTP refuses a full mailbox at RCPT; mail from Pickup or a DSN meets the quota here
                // (RFC 3463 §3.3 X.2.2 "mailbox full") and goes back to its sender.
                if (host.Pop3.IsOverQuota(address))
                {
                    full.Add(new DeliveryFailure(address, new Protocol.Smtp.SmtpReply(552, "5.2.2", $"{address}: mailbox full")));
                    continue;
                }

                mailboxes.Add(mailbox);
            }
            else if (hop is not null && server.HomeDirectory.Drop.Files.FirstOrDefault(f => f.Message.PreviousHop == hop && f.Message.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)) is { } dropped)
            {
                trace.Append(host.Name, TraceKind.DeliveredToDrop, $"Already in Drop\\{dropped.Name} for {address} (relayed again by {hop} after a restart): not written twice", traceId: message.TraceId, messageId: message.Id, recipients: [address]);
            }
            else
            {
                drop.Add(address);
            }
        }

        if (mailboxes.Count > 0)
        {
            var stored = mailboxes.Count == message.Recipients.Count ? message : message.WithRecipients(mailboxes.ConvertAll(m => m.Address));
            foreach (var mailbox in mailboxes)
            {
                host.Mailboxes.Deliver(mailbox, stored);
                trace.Append(host.Name, TraceKind.DeliveredToMailbox, $"Delivered to the mailbox {mailbox.Address}", traceId: message.TraceId, messageId: message.Id, recipients: [mailbox.Address]);
            }
        }

        if (drop.Count > 0)
        {
            var file = new MailFile($"{message.Id}.eml", message.Received, message.WithRecipients(drop));
            server.HomeDirectory.Drop.Add(file);
            trace.Append(host.Name, TraceKind.DeliveredToDrop, $"Written to {server.HomeDirectory.Path}\\Drop\\{file.Name} for {string.Join(", ", drop)}", traceId: message.TraceId, messageId: message.Id, recipients: drop);
        }

        if (full.Count > 0)
        {
            Bounce.Fail(server, message, full);
        }
    }
}
