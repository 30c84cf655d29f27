using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The receive stage: takes responsibility for a message (RFC 5321 §6.1). Cleanup writes its stored
/// form before the 250 reply goes out, then the dispatcher hands it to local delivery or the queue.
/// A message that has passed more hops than the Delivery tab allows is accepted and returned with an
/// NDR (5.4.6), as IIS does.
/// </summary>
public static class MessageAcceptor
{
    // Ends the Received stage's text when the session had authenticated, as Postfix logs
    // sasl_username beside client= (the transcript shows AUTH with its secret redacted).
    private const string AuthenticatedAs = "; authenticated as ";

    /// <summary>The account a <see cref="TraceKind.Received"/> event's client had authenticated as (RFC 4954), or null.</summary>
    public static string? AuthenticatedAsOf(TraceEvent received)
    {
        if (received.Kind != TraceKind.Received)
        {
            return null;
        }

        var at = received.Text.LastIndexOf(AuthenticatedAs, StringComparison.Ordinal);
        return at < 0 ? null : received.Text[(at + AuthenticatedAs.Length)..];
    }

    /// <param name="traceId">The trace the message is now part of (its own id on its first hop).</param>
    /// <param name="lookups">What LDAP routing's lookups found at RCPT: stages of the message's trace after it is received.</param>
    public static SmtpReply Accept(SmtpVirtualServer server, SmtpSessionContext context, SmtpMessage message, out string traceId, long sessionId = 0, IReadOnlyList<string>? lookups = null)
    {
        var world = server.Host.World;
        var now = world.Clock.GetUtcNow();
        var sequence = world.NextMessageSequence();
        // The id string the message shares with its trace events (one copy while the message is recent, see StoredMessage.Id).
        var id = StoredMessage.IdOf(sequence);
        var headers = Cleanup.Read(message.Content);
        // A message a host of this world relayed continues its trace: told by what the wire shows
        // (the sender's Received line and the endpoint the connection came from).
        var continued = world.OutboundEndpoints.TraceOf(context.RemoteEndPoint, headers);
        var firstHop = continued == 0;
        var clean = Cleanup.Apply(message.Content, headers, Cleanup.WriteReceivedHeader(context, message.Protocol, server.Fqdn, id, now), server.Fqdn, id, now, readSubject: firstHop);
        var addresses = new string[message.Recipients.Count];
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i] = message.Recipients[i].Address;
        }

        var recipients = EnvelopeRecipients.Distinct(server, addresses);

        var stored = new StoredMessage(sequence, server.Host.Name, message.Sender.Address, recipients, clean.Data, now, continued);
        if (clean.Subject is { } subject)
        {
            stored.KnowHeaders(subject, clean.From ?? string.Empty);
        }

        var trace = world.Trace;
        traceId = stored.TraceId;
        if (stored.TraceSequence == stored.Sequence)
        {
            trace.Register(new TraceSummary(stored));
        }

        trace.Append(server.Host.Name, TraceKind.Received, $"Accepted {id} from <{stored.Sender}> for {(recipients.Length == 1 ? recipients[0] : string.Join(", ", recipients))} ({stored.Size} octets){(context.AuthenticatedUser is { } user ? AuthenticatedAs + user : string.Empty)}", sessionId == 0 ? null : sessionId, stored.TraceId, id, context.RemoteAddress is { } remote ? Stores.SharedText.Share(remote.ToString()) : null, stored.Recipients);
        foreach (var lookup in lookups ?? [])
        {
            trace.Append(server.Host.Name, TraceKind.DirectoryLookup, lookup, traceId: stored.TraceId, messageId: id);
        }

        trace.Append(server.Host.Name, TraceKind.Cleanup, clean.AddedHeaders.Count == 0
            ? "Added a Received header"
            : $"Added a Received header and the missing {string.Join(" and ", clean.AddedHeaders)}", traceId: stored.TraceId, messageId: id);

        // Maximum hop count (Delivery tab → Advanced): counted from Received headers, ours included.
        if (clean.ReceivedCount + 1 > server.Delivery.MaxHopCount)
        {
            var reply = new SmtpReply(554, "5.4.6", $"Routing loop detected: more than {server.Delivery.MaxHopCount} hops");
            Bounce.Fail(server, stored, recipients.Select(r => new DeliveryFailure(r, reply)).ToArray());
        }
        else
        {
            Dispatcher.Dispatch(server, stored);
        }

        return new SmtpReply(250, "2.6.0", $"<{id}@{server.Fqdn}> Queued mail for delivery");
    }
}
