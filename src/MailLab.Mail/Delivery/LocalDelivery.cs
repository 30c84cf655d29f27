using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The local delivery agent: a recipient with a mailbox gets the message in the store; any other
/// recipient of a local domain gets it in the Drop folder (IIS keeps no per-user mailboxes without
/// a store). One copy of the bytes serves every recipient.
/// </summary>
public static class LocalDelivery
{
    public static void Deliver(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<string> recipients)
    {
        var host = server.Host;
        var trace = host.World.Trace;
        var mailboxes = new List<Mailbox>();
        var drop = new List<string>();
        foreach (var address in recipients)
        {
            if (host.Mailboxes.Find(address) is { } mailbox)
            {
                mailboxes.Add(mailbox);
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
                trace.Append(host.Name, TraceKind.DeliveredToMailbox, $"Delivered to the mailbox {mailbox.Address}", traceId: message.TraceId, messageId: message.Id);
            }
        }

        if (drop.Count > 0)
        {
            var file = new MailFile($"{message.Id}.eml", message.Received, message.WithRecipients(drop));
            server.HomeDirectory.Drop.Add(file);
            trace.Append(host.Name, TraceKind.DeliveredToDrop, $"Written to {server.HomeDirectory.Path}\\Drop\\{file.Name} for {string.Join(", ", drop)}", traceId: message.TraceId, messageId: message.Id);
        }
    }
}
