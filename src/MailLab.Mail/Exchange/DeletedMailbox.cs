using MailLab.Mail.Stores;

namespace MailLab.Mail.Exchange;

/// <summary>
/// A mailbox Delete Mailbox disconnected from its user: it stays on its store, as ESM's Mailboxes node
/// shows it, with every folder and message it held (<see cref="Contents"/>, which no client can reach),
/// until <see cref="PurgeAfter"/> (the store's "Keep deleted mailboxes for (days)" after the deletion)
/// or a Purge, and Reconnect can give it to a user without a mailbox (docs/EXCHANGE-2003.md section 11).
/// </summary>
public sealed record DeletedMailbox(string Address, ExchangeStore Store, DateTimeOffset Deleted, Mailbox Contents)
{
    /// <summary>When the store purges it: the deletion plus the store's deleted mailbox retention now.</summary>
    public DateTimeOffset PurgeAfter => Deleted + TimeSpan.FromDays(Store.Limits.KeepDeletedMailboxesDays);

    /// <summary>Its items: every folder's messages.</summary>
    public int TotalItems => Contents.Folders.Sum(f => f.Count);

    /// <summary>The octets of its items.</summary>
    public long SizeBytes => Contents.TotalSize;

    /// <summary>With <c>--data-dir</c>, the folder its files are in (<see cref="IDisconnectedMailboxPersistence"/>); null in memory only.</summary>
    internal string? DiskKey { get; init; }
}
