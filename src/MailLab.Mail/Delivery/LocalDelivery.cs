using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The local delivery agent: a recipient with a mailbox gets the message in the store; a user of a
/// POP3 domain without a mailbox there gets the sender an NDR (5.1.1); any other recipient of a local
/// domain gets it in the Drop folder (IIS keeps no per-user mailboxes without a store). One copy of
/// the bytes serves every recipient. On an Exchange host the store decides first
/// (<see cref="ExchangeLocalDelivery"/>): a dismounted store hands the recipient back to wait in the
/// queue, a mailbox at its "Prohibit send and receive" limit bounces it.
/// <para>With a data directory, delivery is idempotent across a crash of the previous hop: if that
/// hop stored its 250 from us but crashed before recording it, it relays the same queue entry
/// again after restarting; a copy with the same <see cref="StoredMessage.PreviousHop"/> already in
/// the mailbox (or Drop, for the same recipient) is then not stored twice. In memory only nothing
/// survives a crash, so there is nothing to repeat and no check is made.</para>
/// </summary>
public static class LocalDelivery
{
    /// <summary>
    /// A recipient of a POP3 e-mail domain that has no mailbox there. IIS 6 SMTP does no recipient
    /// filtering: it answers RCPT with 250 for any user of a local domain, and the POP3 service's
    /// delivery then fails, so the sender gets a non-delivery report (J. Atwood, "Spam via SMTP
    /// Non-Delivery Reports", 2006, on the SMTP and POP3 services of Windows Server 2003:
    /// "RCPT TO:&lt;uucp@codinghorror.com&gt; 250 2.1.5 OK … 250 2.6.0 Queued mail for delivery", then an
    /// NDR; "How POP3 Service Works", technet cc737236: the SMTP delivery service for POP3 moves mail
    /// from the queue into the mailboxes). MailLab does the same, with RFC 3463's X.1.1 "bad
    /// destination mailbox address". A local domain that is not a POP3 domain keeps IIS's Drop folder.
    /// </summary>
    private static Protocol.Smtp.SmtpReply? NoSuchPop3Mailbox(World.MailHost host, string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || host.Pop3.FindDomain(address[(at + 1)..]) is not { } domain || host.Pop3.FindMailbox(address) is not null)
        {
            return null;
        }

        return new Protocol.Smtp.SmtpReply(550, "5.1.1", $"{address}: no such mailbox in the POP3 domain {domain.Name}");
    }

    /// <summary>
    /// Delivers, and returns the recipients whose Exchange mailbox is unavailable now (its store
    /// dismounted, <see cref="ExchangeLocalDelivery"/>) with the reason: the caller queues them, or
    /// keeps them in the queue entry it is retrying.
    /// </summary>
    public static IReadOnlyList<DeliveryFailure> Deliver(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<string> recipients)
    {
        (message, recipients) = DirectoryExpansion.Categorize(server, message, recipients);
        var host = server.Host;
        var waiting = new List<DeliveryFailure>();
        var trace = host.World.Trace;
        var mailboxes = new List<Mailbox>();
        var drop = new List<string>();
        var failed = new List<DeliveryFailure>();
        var hop = host.Mailboxes.Persistence is null && server.HomeDirectory.Persistence is null ? null : message.PreviousHop;
        foreach (var address in recipients)
        {
            // Catch-all mode: every recipient gets a mailbox, made on first delivery.
            if (server.Domains.CatchAll)
            {
                host.Mailboxes.Create(address);
            }

            if (!server.Domains.CatchAll && NoSuchPop3Mailbox(host, address) is { } unknown)
            {
                failed.Add(new DeliveryFailure(address, unknown));
            }
            else if (host.Mailboxes.Find(address) is { } mailbox)
            {
                if (hop is not null && mailbox.FindRelayed(hop) is { } already)
                {
                    trace.Append(host.Name, TraceKind.DeliveredToMailbox, $"Already in the mailbox {mailbox.Address} as {already.Id} (relayed again by {hop} after a restart): not stored twice", traceId: message.TraceId, messageId: message.Id, recipients: [mailbox.Address]);
                    continue;
                }

                if (ExchangeLocalDelivery.Check(host, mailbox) is { } exchange)
                {
                    (exchange.IsPermanentFailure ? failed : waiting).Add(new DeliveryFailure(address, exchange));
                    continue;
                }

                // SMTP refuses a full mailbox at RCPT; mail from Pickup or a DSN meets the quota here
                // (RFC 3463 §3.3 X.2.2 "mailbox full") and goes back to its sender.
                if (host.Pop3.IsOverQuota(address))
                {
                    failed.Add(new DeliveryFailure(address, new Protocol.Smtp.SmtpReply(552, "5.2.2", $"{address}: mailbox full")));
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
                // On an Exchange server the store is the journey's last hop, as Message Tracking Center shows "SMTP Store Driver: Message Delivered Locally to Store".
                var where = host.Exchange?.StoreOf(mailbox.Address) is { } store ? $" in the store {store.Name}" : string.Empty;
                trace.Append(host.Name, TraceKind.DeliveredToMailbox, $"Delivered to the mailbox {mailbox.Address}{where}", traceId: message.TraceId, messageId: message.Id, recipients: [mailbox.Address]);
                ExchangeLocalDelivery.Delivered(host, mailbox, stored);
            }
        }

        if (drop.Count > 0)
        {
            var file = new MailFile($"{message.Id}.eml", message.Received, message.WithRecipients(drop));
            server.HomeDirectory.Drop.Add(file);
            trace.Append(host.Name, TraceKind.DeliveredToDrop, $"Written to {server.HomeDirectory.Path}\\Drop\\{file.Name} for {string.Join(", ", drop)}", traceId: message.TraceId, messageId: message.Id, recipients: drop);
        }

        if (failed.Count > 0)
        {
            Bounce.Fail(server, message, failed);
        }

        return waiting;
    }
}
