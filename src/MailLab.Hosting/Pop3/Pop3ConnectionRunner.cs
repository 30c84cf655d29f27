using System.Buffers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MailLab.Mail.Pop3;
using MailLab.Protocol.Pop3;

using MailLab.Hosting.Transports;

namespace MailLab.Hosting.Pop3;

/// <summary>
/// Runs one inbound POP3 connection over any stream (TCP or in-memory): reads, feeds the sans-I/O
/// session, writes its responses once the input at hand is consumed (RFC 2449 §6.6 PIPELINING),
/// upgrades to TLS on STLS (RFC 2595 §4) and enforces the autologout timer (RFC 1939 §3) on the
/// world's clock. However it ends, the connection is disposed, which frees the maildrop lock.
/// </summary>
public static class Pop3ConnectionRunner
{
    private const int ReadBufferSize = 4 * 1024;

    public static async Task RunAsync(InboundPop3Connection connection, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown)
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
                idle.Restart();
                await FlushAsync(session, stream, token).ConfigureAwait(false);
                if (session.IsClosed)
                {
                    break;
                }

                if (session.PendingAction == Pop3SessionAction.StartTls)
                {
                    stream = await UpgradeAsync(stream, certificate!, token).ConfigureAwait(false);
                    session.TlsEstablished();
                    continue;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferSize), token).ConfigureAwait(false);
                if (read == 0)
                {
                    // The client went away: no UPDATE, nothing deleted (RFC 1939 §6).
                    break;
                }

                session.Receive(buffer.AsSpan(0, read));
            }
        }
        catch (OperationCanceledException) when (idle.TimedOut || shutdown.IsCancellationRequested)
        {
            if (idle.TimedOut)
            {
                // RFC 1939 §3: the autologout timer closes without entering UPDATE.
                session.TimedOut();
            }
            else
            {
                session.Refuse(Pop3Responses.ServiceUnavailable);
            }

            await TryFlushAsync(session, stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or failed the TLS handshake; nothing is deleted without QUIT.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            connection.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
        }
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

    private static async ValueTask FlushAsync(Pop3ServerSession session, Stream stream, CancellationToken token)
    {
        if (session.Output.Length == 0)
        {
            return;
        }

        await stream.WriteAsync(session.Output, token).ConfigureAwait(false);
        await stream.FlushAsync(token).ConfigureAwait(false);
        session.ClearOutput();
    }

    private static async Task TryFlushAsync(Pop3ServerSession session, Stream stream)
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
