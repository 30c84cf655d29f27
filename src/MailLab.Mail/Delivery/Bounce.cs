using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The bounce stage: a failure notice (NDR) or delay notice goes back to the envelope sender, with
/// a copy of NDRs to the "Send copy of Non-Delivery Report to" address. Mail with a null
/// reverse-path (a bounce itself) cannot be returned: it goes to BadMail as .BAD + .BDR (IIS).
/// </summary>
public static class Bounce
{
    public static void Fail(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<DeliveryFailure> failures)
    {
        var world = server.Host.World;
        foreach (var failure in failures)
        {
            world.Trace.Append(server.Host.Name, TraceKind.Failed, $"<{failure.Recipient}>: {failure.Reply}", traceId: message.TraceId, messageId: message.Id, peer: failure.RemoteMta, recipients: [failure.Recipient]);
        }

        if (message.Sender.Length == 0)
        {
            ToBadMail(server, message, failures);
            return;
        }

        var now = world.Clock.GetUtcNow();
        var dsn = DsnBuilder.Build(server.Fqdn, message, failures, delay: false, now, retryUntil: null);
        Dispatcher.Submit(server, string.Empty, [message.Sender], dsn, message, TraceMessageKind.NonDeliveryReport, "Non-delivery report");
        if (!string.IsNullOrWhiteSpace(server.NdrCopyTo))
        {
            Dispatcher.Submit(server, string.Empty, [server.NdrCopyTo], dsn, message, TraceMessageKind.NonDeliveryReport, "Copy of the non-delivery report");
        }
    }

    public static void Delay(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<DeliveryFailure> pending, DateTimeOffset retryUntil)
    {
        var world = server.Host.World;
        var waiting = string.Join(", ", pending.Select(p => p.Recipient));
        if (message.Sender.Length == 0)
        {
            world.Trace.Append(server.Host.Name, TraceKind.DelayNotification, $"Delay notification for {waiting} not sent: the sender is <>", traceId: message.TraceId, messageId: message.Id);
            return;
        }

        var dsn = DsnBuilder.Build(server.Fqdn, message, pending, delay: true, world.Clock.GetUtcNow(), retryUntil);
        Dispatcher.Submit(server, string.Empty, [message.Sender], dsn, message, TraceMessageKind.DelayNotification, "Delay notification");
    }

    private static void ToBadMail(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<DeliveryFailure> failures)
    {
        var now = server.Host.World.Clock.GetUtcNow();
        var reason = string.Join("\r\n", failures.Select(f => $"Unable to deliver to <{f.Recipient}>: {f.Reply}")) + "\r\n";
        var badMail = server.HomeDirectory.BadMail;
        var name = message.Id;
        for (var n = 2; badMail.Find($"{name}.BAD") is not null; n++)
        {
            name = $"{message.Id}-{n}";
        }

        badMail.Add(new MailFile($"{name}.BAD", now, message));
        badMail.Add(new MailFile($"{name}.BDR", now, message, reason));
        server.Host.World.Trace.Append(server.Host.Name, TraceKind.MovedToBadMail, $"Moved to {server.HomeDirectory.Path}\\Badmail\\{name}.BAD (the sender is <>, so it cannot be returned)", traceId: message.TraceId, messageId: message.Id);
    }
}
