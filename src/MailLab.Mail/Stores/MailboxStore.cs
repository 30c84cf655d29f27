using System.Collections.Concurrent;

namespace MailLab.Mail.Stores;

/// <summary>
/// A host's per-account mailboxes (the store POP3 and IMAP read). Raises
/// <see cref="Delivered"/> after each delivery so tests wait on a signal instead of polling.
/// </summary>
public sealed class MailboxStore
{
    private readonly ConcurrentDictionary<string, Mailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public event Action<Mailbox, StoredMessage>? Delivered;

    public IReadOnlyCollection<Mailbox> All => _mailboxes.Values.ToArray();

    public Mailbox Create(string address) => _mailboxes.GetOrAdd(address, a => new Mailbox(a.ToLowerInvariant()));

    public Mailbox? Find(string address) => _mailboxes.GetValueOrDefault(address);

    public bool Remove(string address) => _mailboxes.TryRemove(address, out _);

    public void Deliver(Mailbox mailbox, StoredMessage message)
    {
        mailbox.Add(message);
        Delivered?.Invoke(mailbox, message);
    }
}
