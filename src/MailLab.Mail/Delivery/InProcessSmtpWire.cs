using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Smtp.Client;

namespace MailLab.Mail.Delivery;

/// <summary>
/// An SMTP hop between two hosts of the world with no transport in between: the sending host's
/// sans-I/O <see cref="SmtpClientSession"/> and the receiving virtual server's
/// <see cref="SmtpServerSession"/> hand each other their bytes directly, in one call. Everything
/// on the wire is the same as over the in-memory network (greeting, EHLO, pipelined MAIL and RCPT,
/// DATA and dot-stuffed content, QUIT), both sides are traced as usual, and the receiving side applies its
/// state, limits, access rules and injected faults, but there are no pipes, tasks or buffers to pay
/// for. Hops that need TLS go over a stream instead (see the hosting layer's outbound client).
/// A receiving session that waits for a directory lookup (LDAP routing, <see cref="SmtpSessionAction.Wait"/>)
/// is awaited, not blocked on: the hop returns an unfinished task and its thread goes back to the
/// pool until the lookup is in. Without such a wait everything completes in the one call.
/// </summary>
public static class InProcessSmtpWire
{
    /// <summary>
    /// Carries <paramref name="connection"/>'s messages on one connection: the first, then each one it
    /// takes after the previous one's final reply (see <see cref="IOutboundSmtp.SendAsync"/>).
    /// </summary>
    /// <param name="clientPort">The simulated client's source port.</param>
    /// <param name="tlsAvailable">Whether the receiving side offers STARTTLS (it is not used on this wire).</param>
    public static async Task SendAsync(OutboundConnection connection, WorldHostTarget target, int clientPort, bool tlsAvailable)
    {
        if (!connection.TryTakeNext(out var first))
        {
            return;
        }

        var trace = first.From.World.Trace;
        var sessionId = trace.NewSessionId();
        var server = PickVirtualServer(target, first.Recipients);
        if (server is null || server.State == VirtualServerState.Stopped)
        {
            // A stopped virtual server's port is closed: the connection is refused (no session, no trace).
            var refused = new SmtpReply(451, "4.4.1", $"Connection to {target.Name} refused (ConnectionRefused)");
            connection.Complete(first, new OutboundResult(refused, new Dictionary<string, SmtpReply>(), sessionId));
            return;
        }

        // Each transaction's lines carry its message's trace; the connection's own lines are shared.
        var carried = new OutboundSessionFeed(connection, first, sessionId);
        var observer = trace.RecordTranscripts ? new SessionTraceObserver(trace, first.From.Name, sessionId, target.Name, outbound: true, () => carried.CurrentTraceId) : null;
        var remote = new IPEndPoint(first.From.Address ?? IPAddress.Loopback, clientPort);
        observer?.OnConnectionOpened($"Connection to {target.Name}", remote);
        using (var client = new SmtpClientSession(first.HeloName, OutboundSessionFeed.Transaction(first), carried.Next, first.SendHelo, observer))
        using (first.From.World.OutboundEndpoints.Open(remote, carried))
        {
            carried.Client = client;
            await RunAsync(server, remote, tlsAvailable, client).ConfigureAwait(false);
            observer?.OnConnectionClosed();
            carried.AnswerTheRest();
        }
    }

    /// <summary>The virtual server that serves the recipients' domain, else the host's first.</summary>
    public static SmtpVirtualServer? PickVirtualServer(WorldHostTarget target, IReadOnlyList<string> recipients)
    {
        var domain = recipients.Count > 0 ? recipients[0][(recipients[0].LastIndexOf('@') + 1)..] : string.Empty;
        return target.Host.Smtp.FindServing(domain) ?? target.Host.Smtp.VirtualServers.FirstOrDefault();
    }

    /// <summary>
    /// Connects <paramref name="client"/> to <paramref name="server"/> from <paramref name="remote"/> and
    /// runs the session to its end (the client's results tell how it went). The caller checks the
    /// server is not stopped (a closed port).
    /// </summary>
    public static async Task RunAsync(SmtpVirtualServer server, IPEndPoint remote, bool tlsAvailable, SmtpClientSession client)
    {
        var local = new IPEndPoint(Listening.LoopbackOnly(server.Address), server.BoundPort ?? server.Port);
        using var connection = server.Accept(remote, local, tlsAvailable);
        await ExchangeAsync(connection, client).ConfigureAwait(false);
    }

    /// <summary>Passes bytes both ways until one side is done or the server closes.</summary>
    private static async Task ExchangeAsync(InboundSmtpConnection connection, SmtpClientSession client)
    {
        var session = connection.Session;
        while (true)
        {
            if (session.Output.Length > 0)
            {
                client.Receive(session.Output.Span);
                session.ClearOutput();
            }

            if (client.IsDone)
            {
                return;
            }

            if (connection.PendingLookup is { } lookup)
            {
                // The session reads nothing until its RCPT is decided; a failed lookup is the session's 451 4.4.3.
                await lookup.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!connection.ResumeAfterLookup())
                {
                    client.ConnectionLost();
                    return;
                }

                continue;
            }

            if (session.Output.Length > 0)
            {
                continue;
            }

            if (session.IsClosed || session.PendingAction != SmtpSessionAction.None)
            {
                // Closed after its last reply, or an action this wire cannot take (it never asks for TLS).
                client.ConnectionLost();
                return;
            }

            if (client.Output.Length == 0)
            {
                // Neither side has anything to say: the server waits for a client that has nothing to send.
                client.ConnectionLost();
                return;
            }

            if (!connection.Receive(client.Output.Span))
            {
                // Fault injection: the connection dies in the middle of the message content, with no reply.
                client.ConnectionLost();
                return;
            }

            client.ClearOutput();
        }
    }
}
