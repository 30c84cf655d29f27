using MailLab.Mail.Exchange;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;
using MimeKit;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Exchange's part of local delivery, for a recipient whose mailbox is on a store of the host's
/// Exchange server (docs/EXCHANGE-2003.md, sections 4 and 5):
/// <list type="bullet">
/// <item>The store dismounted or the Information Store stopped: the message neither fails nor
/// bounces; it waits in the virtual server's queue as the "&lt;domain&gt; (Local Delivery)" queue of
/// ESM's Queue Viewer ([57]; "Messages remain in the local delivery queue", KB 828938 [61]) with the
/// reason as its last error, and goes in once a store mounts (<see cref="Attach"/>) or at its next
/// retry. SMTP goes on accepting.</item>
/// <item>The mailbox at or over "Prohibit send and receive at": the sender gets an NDR, 5.2.2 (RFC
/// 3463 §3.3 "mailbox full"; Exchange 2003's own NDR sentence was not found, this one is Exchange
/// 2007's [54]: chosen).</item>
/// <item>After delivery the store's files grow, and a mailbox at or over "Issue warning at" gets the
/// storage warning from the System Attendant, at most once per warning interval of the virtual clock
/// (Exchange sends it on the store's schedule; checking at delivery is MailLab's: chosen). Its text
/// is the one users of Exchange 2003 received ([47][48]).</item>
/// </list>
/// "Prohibit send at" is not enforced here: Exchange applies it to MAPI clients only, not to POP3 or
/// IMAP4 users, who send over SMTP ([37]).
/// </summary>
internal static class ExchangeLocalDelivery
{
    /// <summary>The host takes the server: mailboxes becoming available retry what waits in its Local Delivery queues.</summary>
    public static void Attach(MailHost host, ExchangeServer server)
    {
        server.AttachTo(host);
        server.MailboxesAvailable += _ =>
        {
            foreach (var virtualServer in host.Smtp.VirtualServers)
            {
                virtualServer.Queue.RetryLocalDelivery();
            }
        };
    }

    /// <summary>Null to deliver into <paramref name="mailbox"/>; a transient reply to wait in the Local Delivery queue; a permanent one to bounce.</summary>
    public static SmtpReply? Check(MailHost host, Mailbox mailbox)
    {
        if (host.Exchange is not { } exchange || exchange.FindMailbox(mailbox.Address) is not { } held)
        {
            return null;
        }

        if (exchange.Unavailable(mailbox.Address) is { } reason)
        {
            // RFC 3463 §3.3 X.2.1 "mailbox disabled, not accepting messages", transient: the store comes back.
            return new SmtpReply(451, "4.2.1", $"{reason}: waiting in the Local Delivery queue");
        }

        if (ExchangeServer.EffectiveLimits(held).SendAndReceiveKb is { } kb && mailbox.TotalSize >= kb * 1024)
        {
            return new SmtpReply(552, "5.2.2", $"{mailbox.Address}: The recipient's mailbox is full and can't accept messages now (Prohibit send and receive at {kb} KB).");
        }

        return null;
    }

    /// <summary>The store's files grow by the message, and the owner is warned when the mailbox is over its warning limit.</summary>
    public static void Delivered(MailHost host, Mailbox mailbox, StoredMessage message)
    {
        if (host.Exchange is not { } exchange || exchange.FindMailbox(mailbox.Address) is not { } held)
        {
            return;
        }

        exchange.Store(held.Store, message.Data.Length);
        var limits = ExchangeServer.EffectiveLimits(held);
        var now = host.World.Clock.GetUtcNow();
        var interval = TimeSpan.FromHours(held.Store.Limits.WarningMessageIntervalHours);
        if (limits.WarningKb is not { } warning || mailbox.TotalSize < warning * 1024 || (held.LastWarning is { } last && now - last < interval))
        {
            return;
        }

        held.LastWarning = now;
        var world = host.World;
        var data = Warning(mailbox, limits, now);
        var notice = new StoredMessage(world.NextMessageSequence(), host.Name, string.Empty, [mailbox.Address], data, now);
        world.Trace.Register(new TraceSummary(notice));
        host.Mailboxes.Deliver(mailbox, notice);
        exchange.Store(held.Store, data.Length);
        world.Trace.Append(host.Name, TraceKind.DeliveredToMailbox, $"Storage warning from the System Attendant delivered to the mailbox {mailbox.Address} ({Kb(mailbox.TotalSize)} KB, warning at {warning} KB)", traceId: notice.TraceId, messageId: notice.Id, recipients: [mailbox.Address]);
    }

    private static long Kb(long bytes) => (bytes + 1023) / 1024;

    /// <summary>The store's warning (docs/EXCHANGE-2003.md [47][48]); the sender's address is chosen.</summary>
    private static byte[] Warning(Mailbox mailbox, (long? WarningKb, long? SendKb, long? SendAndReceiveKb) limits, DateTimeOffset now)
    {
        var domain = mailbox.Address[(mailbox.Address.LastIndexOf('@') + 1)..];
        var lines = new List<string>
        {
            "Your mailbox has exceeded one or more size limits set by your administrator.",
            "",
            $"Your mailbox size is {Kb(mailbox.TotalSize)} KB.",
            "",
            "Mailbox size limits:",
            "",
            $"You will receive a warning when your mailbox reaches {limits.WarningKb} KB.",
        };
        if (limits.SendKb is { } send)
        {
            lines.Add($"You cannot send mail when your mailbox reaches {send} KB.");
        }

        if (limits.SendAndReceiveKb is not null)
        {
            lines.Add("You may not be able to send or receive new mail until you reduce your mailbox size.");
        }

        lines.AddRange(
        [
            "",
            "To make more space available, delete any items that you are no longer using or move them to your personal folder file (.pst). "
                + "Items in all of your mailbox folders including the Deleted Items and Sent Items folders count against your size limit. "
                + "You must empty the Deleted Items folder after deleting items or the space will not be freed.",
            "",
            "See client Help for more information.",
        ]);
        var message = new MimeMessage
        {
            Subject = "Your mailbox is over its size limit",
            Date = now,
            Body = new TextPart("plain") { Text = string.Join("\r\n", lines) + "\r\n" },
        };
        message.From.Add(new MailboxAddress("System Attendant", $"MSExchangeSA@{domain}"));
        message.To.Add(MailboxAddress.Parse(mailbox.Address));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(domain);
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
