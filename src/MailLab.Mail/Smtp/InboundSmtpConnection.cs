using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Smtp;

/// <summary>
/// One inbound connection to a virtual server: its session, its idle time-out, and its place in
/// the connection count, given back on <see cref="Dispose"/>.
/// </summary>
public sealed class InboundSmtpConnection : IDisposable
{
    private int _disposed;

    private readonly VirtualServerSessionHandler _handler;

    internal InboundSmtpConnection(SmtpVirtualServer server, SmtpServerSession session, VirtualServerSessionHandler handler, TimeSpan idleTimeout, long sessionId)
    {
        _handler = handler;
        Server = server;
        Session = session;
        IdleTimeout = idleTimeout;
        SessionId = sessionId;
    }

    /// <summary>The id that ties this connection's lines together in the trace.</summary>
    public long SessionId { get; }

    public SmtpVirtualServer Server { get; }

    public SmtpServerSession Session { get; }

    /// <summary>The trace of the message now on its way from another host of the world (0: a new trace).</summary>
    public long OriginTraceSequence
    {
        get => _handler.OriginTraceSequence;
        set => _handler.OriginTraceSequence = value;
    }

    /// <summary>IIS "connection time-out": how long the client may stay silent.</summary>
    public TimeSpan IdleTimeout { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Server.Release();
            Session.Dispose();
            var trace = Server.Host.World.Trace;
            if (trace.RecordTranscripts)
            {
                trace.Append(Server.Host.Name, Tracing.TraceKind.ConnectionClosed, "Connection closed", SessionId);
            }
        }
    }
}
