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

    public void Add(StoredMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    public bool Remove(StoredMessage message)
    {
        lock (_messages)
        {
            return _messages.Remove(message);
        }
    }
}
