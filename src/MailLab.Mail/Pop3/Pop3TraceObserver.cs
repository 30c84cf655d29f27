using MailLab.Mail.Tracing;
using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// Writes one POP3 session's lines into the trace (secrets arrive redacted), and records each
/// successful RETR as a stage event of the message's trace, so the trace shows its last hop.
/// </summary>
internal sealed class Pop3TraceObserver : IPop3SessionObserver
{
    private readonly TraceLog _log;
    private readonly string _host;
    private readonly string? _peer;
    private int _pendingRetrieval;

    public Pop3TraceObserver(TraceLog log, string host, long sessionId, string? peer)
    {
        _log = log;
        _host = host;
        _peer = peer;
        SessionId = sessionId;
    }

    // A retrieval's text names the account that logged on: the hop's reader (TraceHops).
    private const string RetrievedBy = "Retrieved by POP3 by ";

    public long SessionId { get; }

    /// <summary>The client's address, as the trace names it.</summary>
    public string? Peer => _peer;

    /// <summary>The account that retrieved the message, from a <see cref="TraceKind.RetrievedByPop3"/> event.</summary>
    public static string? ReaderOf(TraceEvent retrieved) =>
        retrieved.Kind == TraceKind.RetrievedByPop3 && retrieved.Text.StartsWith(RetrievedBy, StringComparison.Ordinal) ? retrieved.Text[RetrievedBy.Length..] : null;

    /// <summary>The maildrop locked by this session, once it logs on.</summary>
    public Pop3Maildrop? Maildrop { get; set; }

    public void OnClientLine(string line)
    {
        if (_log.RecordTranscripts)
        {
            _log.Append(_host, TraceKind.ClientLine, line, SessionId, peer: _peer);
        }

        _pendingRetrieval = 0;
        if (line.StartsWith("RETR ", StringComparison.OrdinalIgnoreCase) && int.TryParse(line.AsSpan(5).Trim(), out var number))
        {
            _pendingRetrieval = number;
        }
    }

    public void OnServerResponse(string line, long? multiLineOctets)
    {
        if (_log.RecordTranscripts)
        {
            var text = multiLineOctets is { } octets ? $"{line} ({octets} octets follow)" : line;
            _log.Append(_host, TraceKind.ServerReply, text, SessionId, peer: _peer);
        }

        if (_pendingRetrieval > 0 && multiLineOctets is not null && line.StartsWith("+OK", StringComparison.Ordinal)
            && Maildrop is { } maildrop && _pendingRetrieval <= maildrop.Count)
        {
            var message = maildrop.Message(_pendingRetrieval - 1);
            _log.Append(_host, TraceKind.RetrievedByPop3, $"{RetrievedBy}{maildrop.User}", SessionId, message.TraceId, message.Id, _peer);
        }

        _pendingRetrieval = 0;
    }
}
