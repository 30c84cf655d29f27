using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Transports;
using MailLab.Mail.Imap;
using MailLab.Protocol.Imap;

namespace MailLab.Hosting.Imap;

/// <summary>
/// Runs one inbound IMAP connection over any stream (TCP or in-memory) with the shared
/// <see cref="ConnectionRunner"/>: STARTTLS (RFC 9051 §6.2.1), implicit TLS on the IMAPS port
/// (RFC 8314 §3.2: the handshake comes first, the greeting after it), the autologout timer on the
/// world's clock (RFC 9051 §5.4), unsolicited updates while the client is in IDLE (RFC 2177: the
/// session's <see cref="ImapServerSession.UpdatesAvailable"/> wakes the runner, which writes them at
/// once), and <c>* BYE</c> when the server stops. However it ends, <paramref name="owner"/> is disposed.
/// </summary>
public static class ImapConnectionRunner
{
    private const int ReadBufferSize = 8 * 1024;

    /// <summary>Runs a connection the host's IMAP service accepted (its session started, its greeting written).</summary>
    public static Task RunAsync(InboundImapConnection connection, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown, bool implicitTls = false) =>
        RunAsync(connection.Session, stream, certificate, clock, shutdown, implicitTls, connection);

    /// <param name="session">A started session (its greeting is in its output).</param>
    /// <param name="implicitTls">The connection came to the IMAPS port: TLS is negotiated before the greeting is written.</param>
    /// <param name="owner">What ends with the connection (the host's inbound connection, which disposes the session); null: the session itself.</param>
    public static Task RunAsync(ImapServerSession session, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown, bool implicitTls = false, IDisposable? owner = null)
    {
        if (implicitTls && certificate is null)
        {
            throw new ArgumentException("Implicit TLS needs a certificate.", nameof(certificate));
        }

        return ConnectionRunner.RunAsync(new Runnable(session, owner ?? session, implicitTls), stream, certificate, clock, shutdown, ReadBufferSize);
    }

    private sealed class Runnable : IRunnableConnection
    {
        private readonly ImapServerSession _session;
        private readonly IDisposable _owner;
        private readonly WakeSignal _wakeup = new();
        private bool _handshakePending;

        public Runnable(ImapServerSession session, IDisposable owner, bool implicitTls)
        {
            _session = session;
            _owner = owner;
            _handshakePending = implicitTls;
            _session.UpdatesAvailable += OnUpdatesAvailable;
        }

        public TimeSpan IdleTimeout => _session.IdleTimeout;

        // On the IMAPS port nothing is written in clear: the greeting waits for the handshake.
        public ReadOnlyMemory<byte> Output => _handshakePending ? ReadOnlyMemory<byte>.Empty : _session.Output;

        public bool IsClosed => !_handshakePending && _session.IsClosed;

        public bool WantsTls => _handshakePending || _session.PendingAction == ImapSessionAction.StartTls;

        public WakeSignal Wakeup => _wakeup;

        public void ClearOutput() => _session.ClearOutput();

        public bool Receive(ReadOnlySpan<byte> input)
        {
            // What the session leaves unconsumed after STARTTLS or LOGOUT is discarded (RFC 9051 §6.2.1).
            _session.Receive(input);
            return true;
        }

        public void TlsEstablished()
        {
            if (_handshakePending)
            {
                _handshakePending = false;
                return;
            }

            _session.TlsEstablished();
        }

        public void Wake() => _session.Wake();

        public void TimedOut() => _session.TimedOut();

        public void ShuttingDown() => _session.ShuttingDown();

        public void Dispose()
        {
            _session.UpdatesAvailable -= OnUpdatesAvailable;
            _owner.Dispose();
        }

        private void OnUpdatesAvailable(object? sender, EventArgs e) => _wakeup.Set();
    }
}
