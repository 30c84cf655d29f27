using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MimeKit;
using MimeKit.Utils;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The Pickup directory: a correctly formatted RFC 822 file placed there is sent. The envelope comes
/// from x-sender / x-receiver headers when present (as IIS writes them), otherwise from From and
/// To / Cc / Bcc; Bcc is removed before sending. A file that cannot be sent goes to BadMail. A
/// stopped virtual server leaves the files where they are until it starts.
/// </summary>
public static class PickupAgent
{
    /// <summary>Places a file in the Pickup folder; it is sent at once unless the virtual server is stopped.</summary>
    public static MailFile Drop(SmtpVirtualServer server, byte[] content, string? fileName = null)
    {
        var world = server.Host.World;
        var now = world.Clock.GetUtcNow();
        var name = fileName ?? $"{Guid.NewGuid():N}.eml";
        var file = new MailFile(name, now, new StoredMessage(world.NextMessageSequence(), server.Host.Name, string.Empty, [], content, now));
        server.HomeDirectory.Pickup.Add(file);
        if (server.State != VirtualServerState.Stopped)
        {
            world.Work.Run(() =>
            {
                Process(server, file);
                return Task.CompletedTask;
            });
        }

        return file;
    }

    /// <summary>Sends every file waiting in the Pickup folder (after the virtual server starts).</summary>
    public static void ProcessAll(SmtpVirtualServer server)
    {
        foreach (var file in server.HomeDirectory.Pickup.Files)
        {
            Process(server, file);
        }
    }

    /// <summary>
    /// Sends a file taken from the Pickup folder on disk (maillab up --data-dir) at once, without
    /// passing through the in-memory folder. Returns when the message is stored or queued (or in
    /// BadMail), so the caller may then delete the file.
    /// </summary>
    public static void Send(SmtpVirtualServer server, byte[] content, string fileName)
    {
        var world = server.Host.World;
        var now = world.Clock.GetUtcNow();
        Send(server, new MailFile(fileName, now, new StoredMessage(world.NextMessageSequence(), server.Host.Name, string.Empty, [], content, now)));
    }

    private static void Process(SmtpVirtualServer server, MailFile file)
    {
        if (server.HomeDirectory.Pickup.Remove(file.Name))
        {
            Send(server, file); // else already taken
        }
    }

    private static void Send(SmtpVirtualServer server, MailFile file)
    {
        var world = server.Host.World;
        var container = file.Message;
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(container.Data, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            Reject(server, file, $"Not an RFC 822 message: {e.Message}");
            return;
        }

        var sender = Envelope(message, "x-sender").FirstOrDefault()
            ?? message.Sender?.Address
            ?? message.From.Mailboxes.FirstOrDefault()?.Address;
        var recipients = Envelope(message, "x-receiver");
        if (recipients.Count == 0)
        {
            recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToList();
        }

        if (sender is null || recipients.Count == 0)
        {
            Reject(server, file, sender is null ? "No sender: the file has neither x-sender nor From." : "No recipients: the file has neither x-receiver nor To, Cc or Bcc.");
            return;
        }

        message.Headers.RemoveAll("x-sender");
        message.Headers.RemoveAll("x-receiver");
        message.Headers.RemoveAll(HeaderId.Bcc);
        var now = world.Clock.GetUtcNow();
        var id = StoredMessage.FormatId(container.Sequence);
        message.MessageId ??= $"{id}@{server.Fqdn}";
        if (!message.Headers.Contains(HeaderId.Date))
        {
            message.Date = now;
        }

        message.Headers.Insert(0, new Header("Received", $"by {server.Fqdn} (MailLab pickup) id {id}; {DateUtils.FormatDate(now)}"));
        var data = Serialize(message);
        var stored = new StoredMessage(container.Sequence, server.Host.Name, sender, EnvelopeRecipients.Distinct(server, recipients), data, now);
        world.Trace.Register(new TraceSummary(stored));
        world.Trace.Append(server.Host.Name, TraceKind.Received, $"Picked up {file.Name} from {server.HomeDirectory.Path}\\Pickup as {id}: from <{sender}> for {string.Join(", ", stored.Recipients)}", traceId: stored.TraceId, messageId: id, recipients: stored.Recipients);
        Dispatcher.Dispatch(server, stored);
    }

    private static List<string> Envelope(MimeMessage message, string header) =>
        message.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes.Select(m => m.Address) : [])
            .ToList();

    private static void Reject(SmtpVirtualServer server, MailFile file, string reason)
    {
        var now = server.Host.World.Clock.GetUtcNow();
        server.HomeDirectory.BadMail.Add(new MailFile($"{Path.GetFileNameWithoutExtension(file.Name)}.BAD", now, file.Message));
        server.HomeDirectory.BadMail.Add(new MailFile($"{Path.GetFileNameWithoutExtension(file.Name)}.BDR", now, file.Message, reason + "\r\n"));
        server.Host.World.Trace.Append(server.Host.Name, TraceKind.MovedToBadMail, $"Pickup\\{file.Name} moved to Badmail: {reason}", messageId: file.Message.Id);
    }

    private static byte[] Serialize(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(options, output);
        return output.ToArray();
    }

}
