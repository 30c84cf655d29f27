using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Transports;
using MailLab.Mail.Smtp;
using MailLab.Protocol.Smtp;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// Runs one inbound SMTP connection over any stream (TCP or in-memory) with the shared
/// <see cref="ConnectionRunner"/>: STARTTLS, the idle time-out (421 4.4.2), 421 4.3.2 when the
/// virtual server stops, and the "drop during DATA" fault (<see cref="InboundSmtpConnection.Receive"/>).
/// </summary>
public static class SmtpConnectionRunner
{
    private const int ReadBufferSize = 16 * 1024;

    public static Task RunAsync(InboundSmtpConnection connection, Stream stream, X509Certificate2? certificate, TimeProvider clock, CancellationToken shutdown) =>
        ConnectionRunner.RunAsync(new Runnable(connection), stream, certificate, clock, shutdown, ReadBufferSize);

    private sealed class Runnable(InboundSmtpConnection connection) : IRunnableConnection
    {
        private readonly SmtpServerSession _session = connection.Session;

        public TimeSpan IdleTimeout => connection.IdleTimeout;

        public ReadOnlyMemory<byte> Output => _session.Output;

        public bool IsClosed => _session.IsClosed;

        public bool WantsTls => _session.PendingAction == SmtpSessionAction.StartTls;

        public void ClearOutput() => _session.ClearOutput();

        public bool Receive(ReadOnlySpan<byte> input) => connection.Receive(input);

        public Task? Waiting => connection.PendingLookup;

        public bool Resume() => connection.ResumeAfterLookup();

        public void TlsEstablished() => _session.TlsEstablished();

        public void TimedOut() => _session.TimedOut();

        public void ShuttingDown() => _session.Refuse(SmtpReplies.ServiceUnavailable);

        public void Dispose() => connection.Dispose();
    }
}
