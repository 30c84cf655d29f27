namespace MailLab.Mail.Exchange;

/// <summary>
/// The disconnected mailboxes Delete Mailbox leaves on the stores ("Deleting a Mailbox", Exchange
/// Server 2003 Technical Reference, docs/EXCHANGE-2003.md [148]: the mailbox "remains in the store,
/// viewable using Exchange System Manager, for the length of time that is specified by the mailbox
/// store settings Keep deleted mailboxes for (days)… After this time has passed… the mailbox will be
/// purged automatically"; "right-click the mailbox, and then click Purge"). The purge is done when the
/// list is read, against the virtual clock, so a lab sees the mailbox go once the days have passed.
/// </summary>
public sealed partial class ExchangeServer
{
    private readonly List<DeletedMailbox> _deleted = [];

    /// <summary>The disconnected mailboxes on <paramref name="store"/> not purged yet, oldest first.</summary>
    public IReadOnlyList<DeletedMailbox> DeletedMailboxesOn(ExchangeStore store)
    {
        var now = Clock.GetUtcNow();
        lock (_lock)
        {
            _deleted.RemoveAll(d => d.PurgeAfter <= now);
            return _deleted.Where(d => d.Store == store).ToList();
        }
    }

    /// <summary>ESM's Purge on a disconnected mailbox of <paramref name="store"/>: it is gone for good.</summary>
    public void PurgeMailbox(ExchangeStore store, string address)
    {
        lock (_lock)
        {
            if (_deleted.RemoveAll(d => d.Store == store && d.Address.Equals(address, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                throw new ExchangeAdminException($"There is no disconnected mailbox {address} on \"{store.Name}\".");
            }
        }
    }
}
