using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Transports;
using MailLab.Mail.Pop3;
using MailLab.Protocol.Pop3;

namespace MailLab.Hosting.Pop3;

/// <summary>
/// Runs one inbound POP3 connection over any stream (TCP or in-memory) with the shared
/// <see cref="ConnectionRunner"/>: STLS (RFC 2595 §4), the autologout timer (RFC 1939 §3: the
/// connection closes without entering UPDATE, so nothing is deleted), and disposal, which frees
/// the maildrop lock however the session ends.
/// </summary>
public static class Pop3ConnectionRunner
{
    private const int ReadBufferSize = 4 * 1024;

    public static Task RunAsync(InboundPop3Connection connection, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown) =>
        ConnectionRunner.RunAsync(new Runnable(connection), stream, certificate, clock, shutdown, ReadBufferSize);

    private sealed class Runnable(InboundPop3Connection connection) : IRunnableConnection
    {
        private readonly Pop3ServerSession _session = connection.Session;

        public TimeSpan IdleTimeout => connection.IdleTimeout;

        public ReadOnlyMemory<byte> Output => _session.Output;

        public bool IsClosed => _session.IsClosed;

        public bool WantsTls => _session.PendingAction == Pop3SessionAction.StartTls;

        public void ClearOutput() => _session.ClearOutput();

        public bool Receive(ReadOnlySpan<byte> input)
        {
            _session.Receive(input);
            return true;
        }

        public void TlsEstablished() => _session.TlsEstablished();

        public void TimedOut() => _session.TimedOut();

        public void ShuttingDown() => _session.Refuse(Pop3Responses.ServiceUnavailable);

        public void Dispose() => connection.Dispose();
    }
}
