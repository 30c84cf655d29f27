using System.Text;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Protocol.Smtp;
using MimeKit.Utils;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Takes responsibility for a received message (RFC 5321 §6.1): adds the Received trace header
/// (§4.4) and stores it before the 250 reply goes out. Recipients with a mailbox get it in the
/// mailbox store, other local recipients in the Drop folder, and remote recipients in the Queue
/// folder, where the queue manager picks it up. One copy of the bytes serves them all.
/// </summary>
public static class MessageAcceptor
{
    public static SmtpReply Accept(SmtpVirtualServer server, SmtpSessionContext context, SmtpMessage message)
    {
        var world = server.Host.World;
        var now = world.Clock.GetUtcNow();
        var sequence = world.NextMessageSequence();
        var id = StoredMessage.FormatId(sequence);
        var data = WithReceivedHeader(server, context, message, id, now);
        var sender = message.Sender.Address;

        var mailboxes = new List<Mailbox>();
        var drop = new List<string>();
        var remote = new List<string>();
        foreach (var recipient in message.Recipients)
        {
            var address = recipient.Address.ToLowerInvariant();
            if (server.Domains.FindLocal(recipient.Domain!) is null)
            {
                remote.Add(address);
            }
            else if (server.Host.Mailboxes.Find(address) is { } mailbox)
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
            var stored = new StoredMessage(sequence, server.Host.Name, sender, mailboxes.ConvertAll(m => m.Address), data, now);
            foreach (var mailbox in mailboxes)
            {
                server.Host.Mailboxes.Deliver(mailbox, stored);
            }
        }

        if (drop.Count > 0)
        {
            server.HomeDirectory.Drop.Add(new MailFile($"{id}.eml", now, new StoredMessage(sequence, server.Host.Name, sender, drop, data, now)));
        }

        if (remote.Count > 0)
        {
            server.HomeDirectory.Queue.Add(new MailFile($"{id}.eml", now, new StoredMessage(sequence, server.Host.Name, sender, remote, data, now)));
        }

        return new SmtpReply(250, "2.6.0", $"<{id}@{server.Fqdn}> Queued mail for delivery");
    }

    private static byte[] WithReceivedHeader(SmtpVirtualServer server, SmtpSessionContext context, SmtpMessage message, string id, DateTimeOffset now)
    {
        // RFC 5321 §4.4: "from" the EHLO name and the client's address, "by" us, "with" the protocol (RFC 3848).
        var header = $"Received: from {context.ClientName} ([{context.RemoteAddress?.ToString() ?? "unknown"}]) by {server.Fqdn} with {message.Protocol} id {id};\r\n\t{DateUtils.FormatDate(now)}\r\n";
        var headerLength = Encoding.UTF8.GetByteCount(header);
        var data = new byte[headerLength + message.Content.Length];
        Encoding.UTF8.GetBytes(header, data);
        message.Content.Span.CopyTo(data.AsSpan(headerLength));
        return data;
    }
}
