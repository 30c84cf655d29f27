namespace MailLab.Mail.Stores;

/// <summary>
/// One account's mailbox: a set of folders (<see cref="MailboxFolder"/>), INBOX first. The members
/// <see cref="Messages"/>, <see cref="Add"/>, <see cref="Remove"/>, <see cref="Count"/> and
/// <see cref="FindRelayed"/> are the INBOX view that delivery, POP3 and the API use. One lock
/// (<see cref="Gate"/>) guards every folder of the mailbox; a disk layer is called inside it, so a
/// change is durable before it becomes visible and before the call returns. <see cref="Changed"/>
/// is raised after each change, outside the lock (IMAP IDLE and POP3 learn of changes from it).
/// </summary>
public sealed partial class Mailbox
{
    private readonly List<MailboxFolder> _folders = [];
    private uint _lastUidValidity;

    public Mailbox(string address)
        : this(address, TimeProvider.System)
    {
    }

    public Mailbox(string address, TimeProvider clock)
    {
        Address = address;
        Clock = clock;
        Inbox = new MailboxFolder(this, MailboxFolder.InboxName, NextUidValidityLocked(), SpecialUse.None) { Subscribed = true };
        _folders.Add(Inbox);
    }

    public string Address { get; }

    /// <summary>The clock UIDVALIDITY values come from (seconds, as Dovecot and Cyrus take them, kept strictly ascending).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The folder POP3 reads and delivery writes (RFC 9051 §5.1: the name is case-insensitive).</summary>
    public MailboxFolder Inbox { get; }

    /// <summary>Raised after a folder changed (append, flags, expunge, create, rename, delete).</summary>
    public event Action<Mailbox, MailboxFolder>? Changed;

    internal object Gate { get; } = new();

    internal Persistence.IMailboxPersistence? Persistence { get; set; }

    /// <summary>INBOX's message count.</summary>
    public int Count => Inbox.Count;

    /// <summary>INBOX's messages in arrival (UID) order.</summary>
    public IReadOnlyList<StoredMessage> Messages
    {
        get
        {
            lock (Gate)
            {
                var entries = Inbox.EntriesLocked;
                var messages = new StoredMessage[entries.Count];
                for (var i = 0; i < messages.Length; i++)
                {
                    messages[i] = entries.At(i).Message;
                }

                return messages;
            }
        }
    }

    /// <summary>The size of every folder's messages together: what quotas count (each folder's copy is a file of its own).</summary>
    public long TotalSize
    {
        get
        {
            lock (Gate)
            {
                return _folders.Sum(f => f.Size);
            }
        }
    }

    /// <summary>A message here that the same previous hop relayed from the same queue entry (see <see cref="StoredMessage.PreviousHop"/>).</summary>
    public StoredMessage? FindRelayed(string previousHop)
    {
        lock (Gate)
        {
            var entries = Inbox.EntriesLocked;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries.At(i).Message.PreviousHop == previousHop)
                {
                    return entries.At(i).Message;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Delivers into INBOX (no flags, the internal date is when it was received). A message already
    /// in INBOX (the same accepted message delivered again) is not added twice.
    /// </summary>
    public void Add(StoredMessage message)
    {
        lock (Gate)
        {
            if (Inbox.ContainsLocked(message))
            {
                return;
            }

            AppendLocked(Inbox, message, MessageFlags.None, [], message.Received);
        }

        Changed?.Invoke(this, Inbox);
    }

    /// <summary>
    /// Removes a message from INBOX (POP3 DELE applied at QUIT): an expunge that IMAP sessions see.
    /// With a disk layer its file is deleted after the expunge is recorded, so a crash keeps neither
    /// a half-deleted message nor one that comes back.
    /// </summary>
    public bool Remove(StoredMessage message)
    {
        uint[] uids;
        lock (Gate)
        {
            var entries = Inbox.EntriesLocked;
            var found = new List<uint>();
            for (var i = 0; i < entries.Count; i++)
            {
                ref readonly var entry = ref entries.At(i);
                if (ReferenceEquals(entry.Message, message) || entry.Message.Sequence == message.Sequence)
                {
                    found.Add(entry.Uid);
                }
            }

            uids = [.. found];
        }

        return uids.Length > 0 && Remove(Inbox, uids).Count > 0;
    }

    private void OnChanged(MailboxFolder folder) => Changed?.Invoke(this, folder);

    private uint NextUidValidityLocked()
    {
        var seconds = (uint)Math.Clamp(Clock.GetUtcNow().ToUnixTimeSeconds(), 1, uint.MaxValue);
        _lastUidValidity = Math.Max(seconds, _lastUidValidity + 1);
        return _lastUidValidity;
    }
}
