using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tracing;

/// <summary>
/// Writes one SMTP session's lines into the trace, tagged with its session id, and for an outgoing
/// hop with the id of the message it carries.
/// </summary>
public sealed class SessionTraceObserver : ISmtpSessionObserver
{
    private readonly TraceLog _log;
    private readonly string _host;
    private readonly string? _peer;
    private readonly string? _traceId;
    private SessionTranscript? _transcript;

    public SessionTraceObserver(TraceLog log, string host, long sessionId, string? peer, string? traceId = null)
    {
        _log = log;
        _host = host;
        _peer = peer;
        _traceId = traceId;
        SessionId = sessionId;
    }

    public long SessionId { get; }

    public void OnClientLine(string line)
    {
        if (_log.RecordTranscripts)
        {
            _log.AppendLine(ref _transcript, _host, TraceKind.ClientLine, line, 0, SessionId, _traceId, null, _peer);
        }
    }

    public void OnServerReply(SmtpReply reply)
    {
        if (_log.RecordTranscripts)
        {
            _log.AppendLine(ref _transcript, _host, TraceKind.ServerReply, reply, 0, SessionId, _traceId, null, _peer);
        }
    }

    public void OnClientData(long octets)
    {
        if (_log.RecordTranscripts)
        {
            _log.AppendLine(ref _transcript, _host, TraceKind.ClientData, null, octets, SessionId, _traceId, null, _peer);
        }
    }
}
