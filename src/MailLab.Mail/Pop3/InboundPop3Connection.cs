using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// One inbound POP3 connection: its session, its idle time-out, and its place in the connection
/// count. <see cref="Dispose"/> ends the session, which releases a maildrop still locked without UPDATE.
/// </summary>
public sealed class InboundPop3Connection : IDisposable
{
    private int _disposed;

    internal InboundPop3Connection(Pop3Service service, Pop3ServerSession session, TimeSpan idleTimeout, long sessionId)
    {
        Service = service;
        Session = session;
        IdleTimeout = idleTimeout;
        SessionId = sessionId;
    }

    public long SessionId { get; }

    public Pop3Service Service { get; }

    public Pop3ServerSession Session { get; }

    public TimeSpan IdleTimeout { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Service.Release();
            Session.Dispose();
            var trace = Service.Host.World.Trace;
            if (trace.RecordTranscripts)
            {
                trace.Append(Service.Host.Name, Tracing.TraceKind.ConnectionClosed, "Connection closed", SessionId);
            }
        }
    }
}
