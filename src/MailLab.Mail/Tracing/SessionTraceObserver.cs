using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tracing;

/// <summary>Writes one SMTP session's lines into the trace, tagged with its session id.</summary>
public sealed class SessionTraceObserver : ISmtpSessionObserver
{
    private readonly TraceLog _log;
    private readonly string _host;
    private readonly string? _peer;

    public SessionTraceObserver(TraceLog log, string host, long sessionId, string? peer)
    {
        _log = log;
        _host = host;
        _peer = peer;
        SessionId = sessionId;
    }

    public long SessionId { get; }

    public void OnClientLine(string line)
    {
        if (_log.RecordTranscripts)
        {
            _log.Append(_host, TraceKind.ClientLine, line, SessionId, peer: _peer);
        }
    }

    public void OnServerReply(SmtpReply reply)
    {
        if (_log.RecordTranscripts)
        {
            _log.Append(_host, TraceKind.ServerReply, reply.DisplayText, SessionId, peer: _peer);
        }
    }

    public void OnClientData(long octets)
    {
        if (_log.RecordTranscripts)
        {
            _log.Append(_host, TraceKind.ClientData, $"({octets} octets of message content)", SessionId, peer: _peer);
        }
    }
}
