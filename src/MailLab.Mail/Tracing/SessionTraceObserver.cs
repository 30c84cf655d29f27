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
            _log.Append(_host, TraceKind.ClientLine, line, SessionId, _traceId, peer: _peer);
        }
    }

    public void OnServerReply(SmtpReply reply)
    {
        if (_log.RecordTranscripts)
        {
            _log.AppendReply(_host, reply, SessionId, _traceId, _peer);
        }
    }

    public void OnClientData(long octets)
    {
        if (_log.RecordTranscripts)
        {
            _log.AppendContent(_host, octets, SessionId, _traceId, _peer);
        }
    }
}
