namespace MailLab.Mail.Stores;

/// <summary>One account's mailbox: the messages delivered to it, in arrival order.</summary>
public sealed class Mailbox
{
    private readonly List<StoredMessage> _messages = [];

    public Mailbox(string address)
    {
        Address = address;
    }

    public string Address { get; }

    internal Persistence.IMailboxPersistence? Persistence { get; set; }

    public int Count
    {
        get
        {
            lock (_messages)
            {
                return _messages.Count;
            }
        }
    }

    public IReadOnlyList<StoredMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>A message here that the same previous hop relayed from the same queue entry (see <see cref="StoredMessage.PreviousHop"/>).</summary>
    public StoredMessage? FindRelayed(string previousHop)
    {
        lock (_messages)
        {
            return _messages.Find(m => m.PreviousHop == previousHop);
        }
    }

    public void Add(StoredMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    /// <summary>Removes a message; with a disk layer its file is deleted too (after, so a crash keeps it rather than losing it).</summary>
    public bool Remove(StoredMessage message)
    {
        lock (_messages)
        {
            if (!_messages.Remove(message))
            {
                return false;
            }
        }

        Persistence?.Removed(this, message);
        return true;
    }
}
