namespace MailLab.Mail.Exchange;

/// <summary>
/// The disconnected mailboxes Delete Mailbox leaves on the stores ("Deleting a Mailbox", Exchange
/// Server 2003 Technical Reference, docs/EXCHANGE-2003.md [148]: the mailbox "remains in the store,
/// viewable using Exchange System Manager, for the length of time that is specified by the mailbox
/// store settings Keep deleted mailboxes for (days)… After this time has passed… the mailbox will be
/// purged automatically"; "right-click the mailbox, and then click Purge"), and Reconnect, which gives
/// one to a user who has no mailbox ("Recovering a Mailbox" [154], the WMI Reconnect method [155],
/// KB 813337 [156]). The purge is done when the list is read, against the virtual clock, so a lab sees
/// the mailbox go once the days have passed.
/// </summary>
public sealed partial class ExchangeServer
{
    private readonly List<DeletedMailbox> _deleted = [];

    /// <summary>With <c>--data-dir</c>, keeps the disconnected mailboxes' files (Persistence.DisconnectedMailboxFiles); null keeps them in memory only.</summary>
    internal IDisconnectedMailboxPersistence? DisconnectedPersistence { get; set; }

    /// <summary>The disconnected mailboxes on <paramref name="store"/> not purged yet, oldest first.</summary>
    public IReadOnlyList<DeletedMailbox> DeletedMailboxesOn(ExchangeStore store)
    {
        lock (_lock)
        {
            PurgeExpiredLocked();
            return _deleted.Where(d => d.Store == store).ToList();
        }
    }

    /// <summary>ESM's Purge on a disconnected mailbox of <paramref name="store"/>: it is gone for good.</summary>
    public void PurgeMailbox(ExchangeStore store, string address)
    {
        lock (_lock)
        {
            var gone = _deleted.Where(d => d.Store == store && d.Address.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList();
            if (gone.Count == 0)
            {
                throw new ExchangeAdminException($"There is no disconnected mailbox {address} on \"{store.Name}\".");
            }

            gone.ForEach(RemoveLocked);
        }
    }

    /// <summary>
    /// ESM's Reconnect on a disconnected mailbox of <paramref name="store"/>: <paramref name="user"/>, an
    /// account of the host without a mailbox, gets it on that store with every folder and message it held
    /// ("the selected user becomes the new owner of the mailbox" [154]; "The user must not already be
    /// mail-enabled" [155]). The store must be mounted and the Information Store running (the store is
    /// written); refused otherwise, or when the user has a mailbox or is not a user of the host, and nothing
    /// changes. The messages are in the user's mailbox (on disk with <c>--data-dir</c>) before the
    /// disconnected mailbox's files go, so a crash in between leaves it listed and a second Reconnect adds
    /// no copies (<see cref="Stores.Mailbox.TakeContentsOf"/>).
    /// </summary>
    public ExchangeMailbox ReconnectMailbox(ExchangeStore store, string address, string user)
    {
        DeletedMailbox deleted;
        ExchangeMailbox mailbox;
        lock (_lock)
        {
            RequireMailboxStore(store);
            PurgeExpiredLocked();
            deleted = _deleted.Find(d => d.Store == store && d.Address.Equals(address, StringComparison.OrdinalIgnoreCase))
                ?? throw new ExchangeAdminException($"There is no disconnected mailbox {address} on \"{store.Name}\".");
            if (Host is { } host)
            {
                user = host.Accounts.Find(user)?.Address ?? throw new ExchangeAdminException(NoUserToReconnect(user, host.Name));
            }

            if (_mailboxes.TryGetValue(user, out var existing))
            {
                // Chosen wording; ESM lists only users without a mailbox ("Recovering a Mailbox" [154]).
                throw new ExchangeAdminException($"{existing.Address} already has a mailbox on \"{existing.Store.Name}\": Reconnect needs a user without a mailbox.");
            }

            if (Unreachable(store) is { } why)
            {
                throw new ExchangeAdminException($"The mailbox cannot be reconnected: {why}.");
            }

            mailbox = new ExchangeMailbox(user.ToLowerInvariant(), store);
            Host?.Mailboxes.Create(mailbox.Address).TakeContentsOf(deleted.Contents);
            _mailboxes.Add(mailbox.Address, mailbox);
            RemoveLocked(deleted);
        }

        return mailbox;
    }

    /// <summary>Reconnect's refusal of a user the host does not have (the API answers it with 404).</summary>
    public static string NoUserToReconnect(string user, string host) =>
        $"There is no user {user} in the directory of {host}: Reconnect needs an existing user without a mailbox.";

    /// <summary>A disconnected mailbox the disk layer read back at start.</summary>
    internal void RestoreDeleted(DeletedMailbox deleted)
    {
        lock (_lock)
        {
            _deleted.Add(deleted);
            _deleted.Sort((a, b) => a.Deleted.CompareTo(b.Deleted));
        }
    }

    private void PurgeExpiredLocked()
    {
        var now = Clock.GetUtcNow();
        _deleted.Where(d => d.PurgeAfter <= now).ToList().ForEach(RemoveLocked);
    }

    private void RemoveLocked(DeletedMailbox deleted)
    {
        if (deleted.DiskKey is not null)
        {
            DisconnectedPersistence?.Removed(deleted);
        }

        _deleted.Remove(deleted);
    }

    /// <summary>Why the store cannot be written now (the texts of <see cref="Unavailable"/>); null when it can.</summary>
    private string? Unreachable(ExchangeStore store) =>
        !Services.IsRunning(ExchangeServiceNames.InformationStore) ? "The Microsoft Exchange Information Store service is not running"
        : store.Mounted ? null
        : $"The store \"{store.Name}\" is dismounted";
}
