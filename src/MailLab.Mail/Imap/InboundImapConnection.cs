using MailLab.Protocol.Imap;

namespace MailLab.Mail.Imap;

/// <summary>
/// One inbound IMAP connection: its session and its place in the connection count. The transport
/// feeds bytes to <see cref="Session"/>, writes its output, listens to
/// <see cref="ImapServerSession.UpdatesAvailable"/> (then calls <see cref="ImapServerSession.Wake"/>
/// on its own thread) and disposes the connection when it closes, which closes the selected folder.
/// </summary>
public sealed class InboundImapConnection : IDisposable
{
    private int _disposed;

    internal InboundImapConnection(ImapService service, ImapServerSession session, long sessionId)
    {
        Service = service;
        Session = session;
        SessionId = sessionId;
    }

    public long SessionId { get; }

    public ImapService Service { get; }

    public ImapServerSession Session { get; }

    public TimeSpan IdleTimeout => Session.IdleTimeout;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Service.Release();
            Session.Dispose();
            Exchange.ExchangeLogons.LoggedOff(Service.Host, SessionId);
            var trace = Service.Host.World.Trace;
            if (trace.RecordTranscripts)
            {
                trace.Append(Service.Host.Name, Tracing.TraceKind.ConnectionClosed, "Connection closed", SessionId);
            }
        }
    }
}
