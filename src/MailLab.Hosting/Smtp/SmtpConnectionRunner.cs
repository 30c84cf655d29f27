using System.Buffers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MailLab.Mail.Smtp;
using MailLab.Protocol.Smtp;

using MailLab.Hosting.Transports;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// Runs one inbound SMTP connection over any stream (TCP or in-memory): reads, feeds the sans-I/O
/// session, writes its replies once the input at hand is consumed (which is what lets PIPELINING
/// batch replies, RFC 2920 §3.2), upgrades to TLS on STARTTLS, and enforces the idle time-out on
/// the world's clock.
/// </summary>
public static class SmtpConnectionRunner
{
    private const int ReadBufferSize = 16 * 1024;

    public static async Task RunAsync(InboundSmtpConnection connection, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown)
    {
        var session = connection.Session;
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        using var idle = new IdleTimeout(clock, connection.IdleTimeout);
        using var shutdownRegistration = shutdown.UnsafeRegister(static s => ((IdleTimeout)s!).CancelNow(), idle);
        var token = idle.Token;
        try
        {
            while (true)
            {
                // The idle clock starts before the reply goes out, so a client that has read the
                // reply always finds the time-out armed (deterministic on a fake clock).
                idle.Restart();
                await FlushAsync(session, stream, token).ConfigureAwait(false);
                if (session.IsClosed)
                {
                    break;
                }

                if (session.PendingAction == SmtpSessionAction.StartTls)
                {
                    stream = await UpgradeAsync(stream, certificate!, token).ConfigureAwait(false);
                    session.TlsEstablished();
                    continue;
                }

                // The timer stays armed while the input is processed: handling it takes far less than a time-out.
                var read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferSize), token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                // Fault injection: the connection dies while message content is on its way, with no reply.
                if (session.IsReceivingContent && DropInjected(connection))
                {
                    break;
                }

                // After STARTTLS or QUIT the session stops consuming; what is left is discarded (RFC 3207 §4.2).
                session.Receive(buffer.AsSpan(0, read));
                if (session.IsReceivingContent && DropInjected(connection))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (idle.TimedOut || shutdown.IsCancellationRequested)
        {
            if (idle.TimedOut)
            {
                session.TimedOut();
            }
            else
            {
                session.Refuse(SmtpReplies.ServiceUnavailable);
            }

            await TryFlushAsync(session, stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or failed the TLS handshake; nothing it sent after its last 250 was accepted.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            connection.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool DropInjected(InboundSmtpConnection connection)
    {
        var host = connection.Server.Host;
        return host.World.Faults.HasDrop(host.Name) && host.World.Faults.TakeDrop(host.Name);
    }

    private static async Task<Stream> UpgradeAsync(Stream stream, X509Certificate2 certificate, CancellationToken token)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ClientCertificateRequired = false,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
            token).ConfigureAwait(false);
        return tls;
    }

    private static async ValueTask FlushAsync(SmtpServerSession session, Stream stream, CancellationToken token)
    {
        if (session.Output.Length == 0)
        {
            return;
        }

        await stream.WriteAsync(session.Output, token).ConfigureAwait(false);
        await stream.FlushAsync(token).ConfigureAwait(false);
        session.ClearOutput();
    }

    private static async Task TryFlushAsync(SmtpServerSession session, Stream stream)
    {
        try
        {
            using var grace = new CancellationTokenSource();
            await FlushAsync(session, stream, grace.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The peer is already gone.
        }
    }
}
