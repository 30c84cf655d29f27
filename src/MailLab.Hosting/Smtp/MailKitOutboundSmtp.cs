using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;
using MailLab.Protocol.Smtp;
using MimeKit;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// The delivery agent's SMTP client: MailKit, over the in-memory network to another host of the
/// world (arriving from the sending host's simulated address) or over TCP to a real server on
/// loopback. Recipients are refused one by one without aborting the others; the messages a pooled
/// connection takes share one MailKit connection.
/// </summary>
public sealed partial class MailKitOutboundSmtp : IOutboundSmtp
{
    private static readonly FormatOptions WireFormat = CreateWireFormat();
    private readonly MailLabServer _runtime;

    public MailKitOutboundSmtp(MailLabServer runtime)
    {
        _runtime = runtime;
    }

    /// <summary>
    /// Carries the connection's messages over ONE MailKit connection: connect and EHLO once, then
    /// <c>SendAsync</c> per message as the connection takes them, QUIT after the last. A refused
    /// recipient, sender or message does not end the connection (MailKit sends RSET and carries on).
    /// The outbound time-out runs per message on the world's clock (a simulation can let it pass):
    /// the first message's covers connecting too, and QUIT gets the last one's.
    /// A connection that cannot go on (refused, dropped, timed out) fails the message in flight with
    /// 451 4.x.x and takes no more: the others were never taken (one is taken only after the
    /// previous one's answer), so they wait in the pool and a new connection carries them.
    /// </summary>
    public async Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
    {
        if (!connection.TryTakeNext(out var request))
        {
            return;
        }

        // The client below owns the logger: SmtpClient.Dispose disposes its protocol logger, and a
        // second Dispose here wrote "Connection closed" twice. A connection that never opened logs nothing.
        var logger = new TraceProtocolLogger(_runtime.World.Trace, request.From.Name, request.Target.Name) { TraceId = request.TraceId };
        RecordingSmtpClient? client = null;
        try
        {
            var first = request;
            var result = await WithinTimeoutAsync(first, cancellationToken, async token =>
            {
                (client, var refused) = await ConnectAsync(first, logger, token).ConfigureAwait(false);
                return refused ?? await SendOneAsync(client!, first, logger.SessionId, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            while (true)
            {
                connection.Complete(request, result);
                if (client is null || result.ConnectionError is not null || !client.IsConnected)
                {
                    return;
                }

                if (!connection.TryTakeNext(out var next))
                {
                    await QuitAsync(client, request, cancellationToken).ConfigureAwait(false);
                    return;
                }

                request = next;
                logger.TraceId = next.TraceId;
                result = await WithinTimeoutAsync(next, cancellationToken, token => SendOneAsync(client, next, logger.SessionId, token)).ConfigureAwait(false);
            }
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>Runs one message's part of the connection within its outbound time-out; past it, 451 4.4.2.</summary>
    private async Task<OutboundResult> WithinTimeoutAsync(OutboundRequest request, CancellationToken cancellationToken, Func<CancellationToken, Task<OutboundResult>> step)
    {
        using var timeout = new CancellationTokenSource(request.Timeout, _runtime.World.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await step(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return OutboundResult.Failed(new SmtpReply(451, "4.4.2", $"Connection to {request.Target.Name} timed out"));
        }
    }

    /// <summary>Opens the stream and runs greeting, EHLO and STARTTLS when required; a refusal is the message's connection error.</summary>
    private async Task<(RecordingSmtpClient? Client, OutboundResult? Refused)> ConnectAsync(OutboundRequest request, TraceProtocolLogger logger, CancellationToken cancellationToken)
    {
        Stream stream;
        string hostName;
        int port;
        InboundSmtpConnection? peer;
        try
        {
            (stream, hostName, port, peer) = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return (null, new OutboundResult(new SmtpReply(451, "4.4.1", $"Connection to {request.Target.Name} refused ({e.SocketErrorCode})"), new Dictionary<string, SmtpReply>(), logger.SessionId));
        }

        var client = new RecordingSmtpClient(logger, peer)
        {
            LocalDomain = request.HeloName,
            ServerCertificateValidationCallback = (_, _, _, _) => true,
        };
        try
        {
            // IIS's outbound security is Anonymous without TLS by default (Delivery tab → Outbound
            // Security); TLS is used when the virtual server or the remote domain asks for it.
            var security = request.RequireTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            await client.ConnectAsync(stream, hostName, port, security, cancellationToken).ConfigureAwait(false);
            return (client, null);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SslHandshakeException or NotSupportedException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return (client, new OutboundResult(ToReply(e, request.Target.Name), new Dictionary<string, SmtpReply>(), logger.SessionId));
        }
    }

    /// <summary>One message on the open connection: a reply per recipient, or a connection error when the connection broke.</summary>
    private static async Task<OutboundResult> SendOneAsync(RecordingSmtpClient client, OutboundRequest request, long sessionId, CancellationToken cancellationToken)
    {
        client.Refused.Clear();
        if (client.Peer is { } peer)
        {
            // A host of this world: what it records for this message belongs to this message's trace.
            peer.OriginTraceSequence = request.OriginTraceSequence;
        }

        var replies = new Dictionary<string, SmtpReply>(StringComparer.OrdinalIgnoreCase);
        try
        {
            MimeMessage message;
            using (var data = new MemoryStream(request.Data, writable: false))
            {
                message = await MimeMessage.LoadAsync(data, cancellationToken).ConfigureAwait(false);
            }

            var sender = request.Sender.Length == 0 ? new MailboxAddress(string.Empty, string.Empty) : MailboxAddress.Parse(request.Sender);
            var recipients = request.Recipients.Select(r => MailboxAddress.Parse(r)).ToArray();
            var response = await client.SendAsync(WireFormat, message, sender, recipients, cancellationToken).ConfigureAwait(false);
            var accepted = ParseReply(250, response);
            foreach (var recipient in request.Recipients)
            {
                replies[recipient] = client.Refused.TryGetValue(recipient, out var refused) ? refused : accepted;
            }
        }
        catch (SmtpCommandException e) when (client.IsConnected && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // Every recipient refused, or the sender or the content refused: that reply is each
            // one's answer. MailKit has sent RSET, and the connection goes on.
            var reply = ToReply(e, request.Target.Name);
            foreach (var recipient in request.Recipients)
            {
                replies[recipient] = client.Refused.TryGetValue(recipient, out var refused) ? refused : reply;
            }
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException)
        {
            return new OutboundResult(ToReply(e, request.Target.Name), new Dictionary<string, SmtpReply>(), sessionId);
        }

        return new OutboundResult(null, replies, sessionId);
    }

    /// <summary>QUIT after the last message, within its time-out; every message is answered by now, so a failure here changes nothing.</summary>
    private async Task QuitAsync(RecordingSmtpClient client, OutboundRequest last, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(last.Timeout, _runtime.World.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.DisconnectAsync(quit: true, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SmtpCommandException or SmtpProtocolException or IOException)
        {
            // The server closed or stalled before answering QUIT: nothing is lost.
        }
    }

    /// <summary>The stream to the next hop; for a host of this world, also its side of the connection.</summary>
    private async Task<(Stream Stream, string Host, int Port, InboundSmtpConnection? Peer)> OpenAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        switch (request.Target)
        {
            case WorldHostTarget world:
            {
                var server = InProcessSmtpWire.PickVirtualServer(world, request.Recipients)
                    ?? throw new SocketException((int)SocketError.ConnectionRefused);
                var stream = _runtime.InMemory.Connect(server, request.From.Address, request.OriginTraceSequence, out var peer);
                return (stream, world.Host.Name, server.BoundPort ?? server.Port, peer);
            }

            case TcpTarget tcp:
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(tcp.Host, tcp.Port, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                return (new NetworkStream(socket, ownsSocket: true), tcp.Host, tcp.Port, null);
            }

            default:
                throw new NotSupportedException($"Unknown target {request.Target}.");
        }
    }

    private static SmtpReply ToReply(Exception e, string target) => e switch
    {
        SmtpCommandException command => ParseReply((int)command.StatusCode, command.Message),
        SslHandshakeException => new SmtpReply(454, "4.7.5", $"TLS negotiation with {target} failed"),
        // A route that requires TLS to a server without STARTTLS is a transient failure: IIS/Exchange
        // 2003 leave the queue "in a retry state" with "The remote SMTP service does not support TLS"
        // (KB 329061), so the message is retried on the schedule and bounced only at expiration, as
        // Postfix defers with 4.7.4 "TLS is required, but was not offered by host" (smtp_proto.c).
        NotSupportedException => new SmtpReply(454, "4.7.4", $"The remote SMTP service does not support TLS: {target} did not offer STARTTLS, which this route requires"),
        _ => new SmtpReply(451, "4.4.2", $"Connection to {target} dropped: {e.Message}"),
    };

    private static SmtpReply ParseReply(int code, string text)
    {
        var match = EnhancedCode().Match(text);
        return match.Success
            ? new SmtpReply(code, match.Groups[1].Value, text[match.Length..])
            : new SmtpReply(code, null, text);
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    [GeneratedRegex(@"^([245]\.\d{1,3}\.\d{1,3}) ")]
    private static partial Regex EnhancedCode();

    /// <summary>MailKit's client, told not to abort when one recipient is refused.</summary>
    /// <param name="peer">The receiving side, when it is a host of this world (over the in-memory network).</param>
    private sealed class RecordingSmtpClient(IProtocolLogger logger, InboundSmtpConnection? peer) : SmtpClient(logger)
    {
        public InboundSmtpConnection? Peer { get; } = peer;

        public Dictionary<string, SmtpReply> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            Refused[mailbox.Address] = ParseReply((int)response.StatusCode, response.Response);
        }
    }
}
