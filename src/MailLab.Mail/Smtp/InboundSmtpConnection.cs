using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Smtp;

/// <summary>
/// One inbound connection to a virtual server: its session, its idle time-out, and its place in
/// the connection count, given back on <see cref="Dispose"/>.
/// </summary>
public sealed class InboundSmtpConnection : IDisposable
{
    private int _disposed;

    internal InboundSmtpConnection(SmtpVirtualServer server, SmtpServerSession session, TimeSpan idleTimeout)
    {
        Server = server;
        Session = session;
        IdleTimeout = idleTimeout;
    }

    public SmtpVirtualServer Server { get; }

    public SmtpServerSession Session { get; }

    /// <summary>IIS "connection time-out": how long the client may stay silent.</summary>
    public TimeSpan IdleTimeout { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Server.Release();
            Session.Dispose();
        }
    }
}
