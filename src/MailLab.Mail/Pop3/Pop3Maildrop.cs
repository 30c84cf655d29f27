using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// A mailbox as one POP3 session sees it: INBOX's messages present at logon (RFC 1939 §5: numbers
/// do not change during a session; mail arriving meanwhile waits for the next session). UIDL is the
/// stored message's id, the same in every session.
/// <para>
/// The RFC 1939 §4 maildrop lock and IMAP: the lock is exclusive between POP3 sessions only. IMAP
/// sessions of the same mailbox run beside a POP3 session, as in Dovecot: the lock cannot stop them
/// without breaking IMAP's own concurrency (RFC 9051 §5.2 lets several sessions share a mailbox).
/// What each sees: DELE marks apply at QUIT as one expunge of INBOX, which IMAP sessions receive as
/// EXPUNGE (or VANISHED) responses; a message an IMAP session expunges while a POP3 session holds
/// the maildrop keeps its number here, but RETR and TOP of it answer -ERR (the message is gone), and
/// a DELE of it is harmless at QUIT. Flags set over IMAP do not affect POP3.
/// </para>
/// </summary>
public sealed class Pop3Maildrop : IPop3Maildrop
{
    private readonly Pop3Service _service;
    private readonly Mailbox _mailbox;
    private readonly long _sessionId;
    private readonly IReadOnlyList<FolderMessage> _messages;
    private int _released;

    internal Pop3Maildrop(Pop3Service service, Mailbox mailbox, string user, long sessionId)
    {
        _service = service;
        _mailbox = mailbox;
        _sessionId = sessionId;
        User = user;
        _messages = mailbox.Inbox.Messages;
    }

    /// <summary>The account that logged on.</summary>
    public string User { get; }

    public int Count => _messages.Count;

    public StoredMessage Message(int index) => _messages[index].Message;

    public long SizeOf(int index) => _messages[index].Message.Data.Length;

    public string UniqueId(int index) => _messages[index].Message.Id;

    public ReadOnlyMemory<byte> Content(int index) => _messages[index].Message.Data;

    public bool IsExpunged(int index) => _mailbox.Inbox.Find(_messages[index].Uid) is null;

    public void Commit(IReadOnlyCollection<int> deleted)
    {
        var host = _service.Host;
        var removed = _mailbox.Remove(_mailbox.Inbox, deleted.Select(index => _messages[index].Uid));
        foreach (var entry in removed)
        {
            var message = entry.Message;
            host.World.Trace.Append(host.Name, TraceKind.DeletedByPop3, $"Deleted from the mailbox {_mailbox.Address} by POP3", _sessionId, message.TraceId, message.Id);
        }
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            // The logon ends with the maildrop (QUIT or the connection's end): Exchange's Logons node drops it first.
            Exchange.ExchangeLogons.LoggedOff(_service.Host, _sessionId);
            _service.MaildropLocks.Release(_mailbox.Address, _sessionId);
        }
    }
}
