using System.Buffers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MailLab.Hosting.Transports;

/// <summary>
/// Runs one inbound connection of any protocol over any stream (TCP or in-memory): reads, feeds the
/// sans-I/O session, writes its output once the input at hand is consumed (which is what lets
/// pipelined commands get batched replies, RFC 2920 §3.2 / RFC 2449 §6.6), upgrades to TLS when the
/// session asks, and enforces the idle time-out on the world's clock. A session that can speak
/// without input (<see cref="IRunnableConnection.Wakeup"/>: IMAP IDLE) is woken while the read is
/// pending and its output written at once; that output does not restart the idle time-out, which
/// measures the client's silence (RFC 9051 §5.4). However it ends, the connection is disposed.
/// </summary>
internal static class ConnectionRunner
{
    public static async Task RunAsync(IRunnableConnection connection, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown, int bufferSize)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        using var idle = new IdleTimeout(clock, connection.IdleTimeout);
        using var shutdownRegistration = shutdown.UnsafeRegister(static s => ((IdleTimeout)s!).CancelNow(), idle);
        var token = idle.Token;
        Task<int>? pendingRead = null;
        var clientSpoke = true;
        try
        {
            while (true)
            {
                // The idle clock starts before the reply goes out, so a client that has read the
                // reply always finds the time-out armed (deterministic on a fake clock).
                if (clientSpoke)
                {
                    idle.Restart();
                }

                clientSpoke = true;
                await FlushAsync(connection, stream, token).ConfigureAwait(false);
                if (connection.IsClosed)
                {
                    break;
                }

                if (connection.WantsTls)
                {
                    stream = await UpgradeAsync(stream, certificate!, token).ConfigureAwait(false);
                    connection.TlsEstablished();
                    continue;
                }

                // The timer stays armed while the input is processed: handling it takes far less than a time-out.
                int read;
                if (connection.Wakeup is { } wakeup)
                {
                    // The read stays pending across wake-ups: no input is lost or read twice.
                    pendingRead ??= stream.ReadAsync(buffer.AsMemory(0, bufferSize), token).AsTask();
                    if (await Task.WhenAny(pendingRead, wakeup.WaitAsync()).ConfigureAwait(false) != pendingRead)
                    {
                        wakeup.Reset();
                        connection.Wake();
                        clientSpoke = false;
                        continue;
                    }

                    read = await pendingRead.ConfigureAwait(false);
                    pendingRead = null;
                }
                else
                {
                    read = await stream.ReadAsync(buffer.AsMemory(0, bufferSize), token).ConfigureAwait(false);
                }

                if (read == 0)
                {
                    break;
                }

                // After a TLS request or a quit the session stops consuming; what is left is discarded.
                if (!connection.Receive(buffer.AsSpan(0, read)) || !await WaitAsync(connection, stream, token).ConfigureAwait(false))
                {
                    await FlushAsync(connection, stream, token).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (idle.TimedOut || shutdown.IsCancellationRequested)
        {
            if (idle.TimedOut)
            {
                connection.TimedOut();
            }
            else
            {
                connection.ShuttingDown();
            }

            await TryFlushAsync(connection, stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or failed the TLS handshake: nothing after its last positive
            // reply was accepted (SMTP), nothing is deleted without QUIT (POP3, RFC 1939 §6).
        }
        finally
        {
            // A read still pending (the session closed after a wake-up) is cancelled and awaited
            // before its buffer goes back to the pool.
            if (pendingRead is not null)
            {
                idle.CancelNow();
                await ObserveAsync(pendingRead).ConfigureAwait(false);
            }

            ArrayPool<byte>.Shared.Return(buffer);
            connection.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// While the session waits for I/O of its own (an LDAP lookup), the replies so far go out and the
    /// runner awaits it, then lets the session read on; false: cut the connection.
    /// </summary>
    private static async Task<bool> WaitAsync(IRunnableConnection connection, Stream stream, CancellationToken token)
    {
        while (connection.Waiting is { } waiting)
        {
            await FlushAsync(connection, stream, token).ConfigureAwait(false);
            await waiting.WaitAsync(token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            token.ThrowIfCancellationRequested();
            if (!connection.Resume())
            {
                return false;
            }
        }

        return true;
    }

    private static async Task ObserveAsync(Task<int> read)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException or AuthenticationException)
        {
            // Cancelled, or the peer went away: nothing more is read.
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

    private static async ValueTask FlushAsync(IRunnableConnection connection, Stream stream, CancellationToken token)
    {
        if (connection.Output.Length == 0)
        {
            return;
        }

        await stream.WriteAsync(connection.Output, token).ConfigureAwait(false);
        await stream.FlushAsync(token).ConfigureAwait(false);
        connection.ClearOutput();
    }

    private static async Task TryFlushAsync(IRunnableConnection connection, Stream stream)
    {
        try
        {
            using var grace = new CancellationTokenSource();
            await FlushAsync(connection, stream, grace.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The peer is already gone.
        }
    }
}
