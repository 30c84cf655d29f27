using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using MailLab.Mail.Delivery;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Smtp.Client;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// Runs the delivery agent's <see cref="SmtpClientSession"/> over a stream: TCP to a real server, or
/// the in-memory network to another host of the world (arriving from the sending host's simulated
/// address) when the hop needs TLS. It writes what the session says, reads replies into it, and
/// upgrades the stream with <see cref="SslStream"/> when the session asks (STARTTLS, RFC 3207).
/// The outbound time-out runs per message on the world's clock (a simulation can let it pass): the
/// first message's covers connecting too, and QUIT gets the last one's. A connection that cannot go
/// on (refused, dropped, timed out) fails the message in flight with 4xx and takes no more: the
/// others were never taken, so they wait in the pool and a new connection carries them.
/// </summary>
public sealed class StreamSmtpWire(MailLabServer runtime)
{
    private const int ReadBufferSize = 16 * 1024;

    public async Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
    {
        if (!connection.TryTakeNext(out var first))
        {
            return;
        }

        var world = runtime.World;
        var target = first.Target;
        var sessionId = world.Trace.NewSessionId();
        var feed = new OutboundSessionFeed(connection, first, sessionId);
        using var deadline = new CancellationTokenSource(first.Timeout, world.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;

        Stream stream;
        IPEndPoint localEndPoint;
        string hostName;
        try
        {
            (stream, hostName, localEndPoint) = await OpenAsync(first, token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            connection.Complete(first, new OutboundResult(new SmtpReply(451, "4.4.1", $"Connection to {target.Name} refused ({e.SocketErrorCode})"), new Dictionary<string, SmtpReply>(), sessionId));
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            connection.Complete(first, new OutboundResult(TimedOut(target), new Dictionary<string, SmtpReply>(), sessionId));
            return;
        }

        var observer = world.Trace.RecordTranscripts ? new SessionTraceObserver(world.Trace, first.From.Name, sessionId, target.Name, outbound: true, () => feed.CurrentTraceId) : null;
        observer?.OnConnectionOpened($"Connection to {target.Name}", localEndPoint);
        var client = new SmtpClientSession(first.HeloName, OutboundSessionFeed.Transaction(first), feed.Next, first.SendHelo, observer)
        {
            // IIS's outbound security is Anonymous without TLS by default (Delivery tab → Outbound
            // Security); TLS is used when the virtual server or the remote domain asks for it.
            Tls = first.RequireTls ? SmtpClientTls.Required : SmtpClientTls.None,
            ServerName = target.Name,
        };
        feed.Client = client;
        using var sending = world.OutboundEndpoints.Open(localEndPoint, feed);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            if (!await RunAsync(client, feed, hostName, stream, deadline, buffer, token, s => stream = s).ConfigureAwait(false))
            {
                client.TransportFailed(new SmtpReply(451, "4.4.2", $"Connection to {target.Name} dropped by the server"));
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            client.TransportFailed(TimedOut(target));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            client.TransportFailed(new SmtpReply(451, "4.4.2", $"Connection to {target.Name} dropped: {e.Message}"));
        }
        finally
        {
            if (!client.IsDone)
            {
                client.ConnectionLost();
            }

            observer?.OnConnectionClosed();
            feed.AnswerTheRest();
            client.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs the session to its end; false when the server closed the stream first.</summary>
    private static async Task<bool> RunAsync(SmtpClientSession client, OutboundSessionFeed feed, string hostName, Stream stream,
        CancellationTokenSource deadline, byte[] buffer, CancellationToken token, Action<Stream> upgraded)
    {
        var transaction = 0;
        while (true)
        {
            if (client.CurrentTransaction != transaction)
            {
                // The next message on this connection: its own time-out from now.
                transaction = client.CurrentTransaction;
                deadline.CancelAfter(feed.Current.Timeout);
            }

            if (client.Output.Length > 0)
            {
                await stream.WriteAsync(client.Output, token).ConfigureAwait(false);
                await stream.FlushAsync(token).ConfigureAwait(false);
                client.ClearOutput();
            }

            if (client.IsDone)
            {
                return true;
            }

            if (client.PendingAction == SmtpSessionAction.StartTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                upgraded(tls);
                stream = tls;
                try
                {
                    await tls.AuthenticateAsClientAsync(
                        new SslClientAuthenticationOptions
                        {
                            TargetHost = hostName,
                            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                            // Like IIS's outbound TLS: the hop is encrypted, the peer's certificate is not checked.
                            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
                        },
                        token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AuthenticationException or IOException)
                {
                    client.TlsFailed();
                    return true;
                }

                client.TlsEstablished();
                continue;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferSize), token).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            client.Receive(buffer.AsSpan(0, read));
        }
    }

    private static SmtpReply TimedOut(OutboundTarget target) => new(451, "4.4.2", $"Connection to {target.Name} timed out");

    /// <summary>The stream to the next hop, the name TLS expects of it, and the local endpoint the connection leaves from.</summary>
    private async Task<(Stream Stream, string Host, IPEndPoint Local)> OpenAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        switch (request.Target)
        {
            case WorldHostTarget world:
            {
                var server = InProcessSmtpWire.PickVirtualServer(world, request.Recipients)
                    ?? throw new SocketException((int)SocketError.ConnectionRefused);
                var stream = runtime.InMemory.Connect(server, request.From.Address, out var local);
                return (stream, world.Host.Name, local);
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

                return (new NetworkStream(socket, ownsSocket: true), tcp.Host, (IPEndPoint)socket.LocalEndPoint!);
            }

            default:
                throw new NotSupportedException($"Unknown target {request.Target}.");
        }
    }
}
