namespace MailLab.Mail.Exchange;

/// <summary>
/// A mailbox Delete Mailbox disconnected from its user: it stays on its store, as ESM's Mailboxes node
/// shows it, until <see cref="PurgeAfter"/> (the store's "Keep deleted mailboxes for (days)" after
/// the deletion) or a Purge (docs/EXCHANGE-2003.md section 11). It keeps what the mailbox held then;
/// the messages themselves leave the host's mailbox at once (no client can reach them any more), so
/// MailLab keeps their count and size, not the messages (chosen: Exchange's Reconnect is not modelled).
/// </summary>
public sealed record DeletedMailbox(string Address, ExchangeStore Store, DateTimeOffset Deleted, int TotalItems, long SizeBytes)
{
    /// <summary>When the store purges it: the deletion plus the store's deleted mailbox retention now.</summary>
    public DateTimeOffset PurgeAfter => Deleted + TimeSpan.FromDays(Store.Limits.KeepDeletedMailboxesDays);
}
