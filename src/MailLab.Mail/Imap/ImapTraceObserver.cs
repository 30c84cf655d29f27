using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Imap;

namespace MailLab.Mail.Imap;

/// <summary>
/// Writes one IMAP session's lines into the trace (the session redacts secrets and shows literals
/// by size), and its mail events as stage events of the messages' traces: logon, SELECT, a body
/// fetched ("retrieved by IMAP", the last hop as RETR is for POP3), APPEND, MOVE ("moved to Trash")
/// and EXPUNGE.
/// </summary>
internal sealed class ImapTraceObserver : IImapSessionObserver
{
    private readonly TraceLog _log;
    private readonly string _host;
    private readonly string? _peer;

    // One "retrieved" event per message and session, however many sections the client fetches.
    private readonly HashSet<long> _retrieved = [];

    public ImapTraceObserver(TraceLog log, string host, long sessionId, string? peer)
    {
        _log = log;
        _host = host;
        _peer = peer;
        SessionId = sessionId;
    }

    // A retrieval's text names the account that logged on: the hop's reader.
    private const string RetrievedBy = "Retrieved by IMAP by ";

    public long SessionId { get; }

    /// <summary>The client's address, as the trace names it.</summary>
    public string? Peer => _peer;

    /// <summary>The account of the session, once it logs on.</summary>
    public ImapAccount? Account { get; set; }

    /// <summary>The account that retrieved the message, from a <see cref="TraceKind.RetrievedByImap"/> event.</summary>
    public static string? ReaderOf(TraceEvent retrieved) =>
        retrieved.Kind == TraceKind.RetrievedByImap && retrieved.Text.StartsWith(RetrievedBy, StringComparison.Ordinal) ? retrieved.Text[RetrievedBy.Length..] : null;

    public void OnClientLine(string line)
    {
        if (_log.RecordTranscripts)
        {
            _log.Append(_host, TraceKind.ClientLine, line, SessionId, peer: _peer);
        }
    }

    public void OnServerLine(string line)
    {
        if (_log.RecordTranscripts)
        {
            _log.Append(_host, TraceKind.ServerReply, line, SessionId, peer: _peer);
        }
    }

    public void OnLogon(string user, string mechanism) =>
        _log.Append(_host, TraceKind.ImapLogon, $"{Account?.User ?? user} logged on to IMAP ({mechanism})", SessionId, peer: _peer);

    public void OnSelect(string folder, bool readOnly, int messages) =>
        _log.Append(_host, TraceKind.ImapSelect, $"{(readOnly ? "Examined" : "Selected")} {folder} of {Account?.User} ({messages} messages)", SessionId, peer: _peer);

    public void OnFetchBody(string folder, uint uid, string section, long octets)
    {
        if (Account?.Resolve(folder, uid) is { } message && _retrieved.Add(message.Sequence))
        {
            _log.Append(_host, TraceKind.RetrievedByImap, $"{RetrievedBy}{Account.User}", SessionId, message.TraceId, message.Id, _peer);
        }
    }

    /// <summary>Called by the account after APPEND stored the message (the session's own event carries no message id).</summary>
    internal void Appended(MailboxFolder folder, FolderMessage entry) =>
        _log.Append(_host, TraceKind.AppendedByImap, $"Appended to {folder.Name} of {folder.Owner.Address} by IMAP (UID {entry.Uid})", SessionId, entry.Message.TraceId, entry.Message.Id, _peer);

    public void OnMove(string fromFolder, string toFolder, IReadOnlyList<uint> uids)
    {
        foreach (var uid in uids)
        {
            if (Account?.Resolve(fromFolder, uid, removed: true) is { } message)
            {
                _log.Append(_host, TraceKind.MovedByImap, $"Moved from {fromFolder} to {toFolder} of {Account.User} by IMAP", SessionId, message.TraceId, message.Id, _peer);
            }
        }
    }

    public void OnExpunge(string folder, IReadOnlyList<uint> uids)
    {
        foreach (var uid in uids)
        {
            if (Account?.Resolve(folder, uid, removed: true) is { } message)
            {
                _log.Append(_host, TraceKind.ExpungedByImap, $"Expunged from {folder} of {Account.User} by IMAP", SessionId, message.TraceId, message.Id, _peer);
            }
        }
    }
}
