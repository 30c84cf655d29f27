using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// A mailbox as one POP3 session sees it: the messages present at logon (RFC 1939 §5: numbers do
/// not change during a session; mail arriving meanwhile waits for the next session). UIDL is the
/// stored message's id, the same in every session.
/// </summary>
public sealed class Pop3Maildrop : IPop3Maildrop
{
    private readonly Pop3Service _service;
    private readonly Mailbox _mailbox;
    private readonly long _sessionId;
    private readonly IReadOnlyList<StoredMessage> _messages;
    private int _released;

    internal Pop3Maildrop(Pop3Service service, Mailbox mailbox, string user, long sessionId)
    {
        _service = service;
        _mailbox = mailbox;
        _sessionId = sessionId;
        User = user;
        _messages = mailbox.Messages;
    }

    /// <summary>The account that logged on.</summary>
    public string User { get; }

    public int Count => _messages.Count;

    public StoredMessage Message(int index) => _messages[index];

    public long SizeOf(int index) => _messages[index].Data.Length;

    public string UniqueId(int index) => _messages[index].Id;

    public ReadOnlyMemory<byte> Content(int index) => _messages[index].Data;

    public void Commit(IReadOnlyCollection<int> deleted)
    {
        var host = _service.Host;
        foreach (var index in deleted)
        {
            var message = _messages[index];
            if (_mailbox.Remove(message))
            {
                host.World.Trace.Append(host.Name, TraceKind.DeletedByPop3, $"Deleted from the mailbox {_mailbox.Address} by POP3", _sessionId, message.TraceId, message.Id);
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _service.MaildropLocks.Release(_mailbox.Address, _sessionId);
        }
    }
}
