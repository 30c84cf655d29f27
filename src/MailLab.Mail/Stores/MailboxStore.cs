using System.Collections.Concurrent;

namespace MailLab.Mail.Stores;

/// <summary>
/// A host's per-account mailboxes (the store POP3 and IMAP read). Raises
/// <see cref="Delivered"/> after each delivery so tests wait on a signal instead of polling.
/// </summary>
public sealed class MailboxStore
{
    private readonly ConcurrentDictionary<string, Mailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private Persistence.IMailboxPersistence? _persistence;

    public event Action<Mailbox, StoredMessage>? Delivered;

    public IReadOnlyCollection<Mailbox> All => _mailboxes.Values.ToArray();

    /// <summary>The disk layer (maillab up --data-dir); null keeps the store in memory only.</summary>
    public Persistence.IMailboxPersistence? Persistence
    {
        get => _persistence;
        set
        {
            _persistence = value;
            foreach (var mailbox in _mailboxes.Values)
            {
                mailbox.Persistence = value;
            }
        }
    }

    /// <summary>The clock new folders take their UIDVALIDITY from (the world's clock, set by <see cref="World.MailHost"/>).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public Mailbox Create(string address) => _mailboxes.GetOrAdd(address, a => new Mailbox(a.ToLowerInvariant(), Clock) { Persistence = _persistence });

    public Mailbox? Find(string address) => _mailboxes.GetValueOrDefault(address);

    public bool Remove(string address)
    {
        if (!_mailboxes.TryRemove(address, out var mailbox))
        {
            return false;
        }

        _persistence?.MailboxDeleted(mailbox);
        return true;
    }

    /// <summary>
    /// Takes the mailbox out of the store with its folders and messages, its files left where they are
    /// and no longer written (Exchange's Delete Mailbox disconnects it: the caller keeps it); null when
    /// there is none.
    /// </summary>
    public Mailbox? Detach(string address)
    {
        if (!_mailboxes.TryRemove(address, out var mailbox))
        {
            return null;
        }

        lock (mailbox.Gate)
        {
            mailbox.Persistence = null;
        }

        return mailbox;
    }

    /// <summary>Stores the message in the mailbox's INBOX: on disk first when there is a disk layer, then in memory.</summary>
    public void Deliver(Mailbox mailbox, StoredMessage message)
    {
        mailbox.Add(message);
        Delivered?.Invoke(mailbox, message);
    }
}
