using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Mail.Exchange;

/// <summary>
/// The server's mailboxes in its mailbox stores: Create Mailbox, Delete Mailbox, Move Mailbox (the
/// Exchange Tasks of ADUC, docs/EXCHANGE-2003.md section 6), which store holds an address, and whether
/// a mailbox is available: its store mounted and the Information Store running (a dismounted store:
/// "no users can access it", [62]). Messages live in the host's mailbox of the same address, so a move
/// changes the store and leaves the messages the same objects.
/// </summary>
public sealed partial class ExchangeServer
{
    private readonly Dictionary<string, ExchangeMailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, ExchangeLogon> _logons = [];

    /// <summary>Raised, outside the server's lock, when a store mounts (Mount Store, or the Information Store starting): mail waiting in the Local Delivery queue can go in.</summary>
    public event Action<ExchangeServer>? MailboxesAvailable;

    /// <summary>The host the server runs on (set when the host takes it, <see cref="MailHost.Exchange"/>).</summary>
    public MailHost? Host { get; private set; }

    /// <summary>Every mailbox, in the order created.</summary>
    public IReadOnlyList<ExchangeMailbox> Mailboxes
    {
        get
        {
            lock (_lock)
            {
                return _mailboxes.Values.ToList();
            }
        }
    }

    /// <summary>The sessions logged on now (ESM's Logons node), oldest first.</summary>
    public IReadOnlyList<ExchangeLogon> Logons
    {
        get
        {
            lock (_lock)
            {
                return _logons.Values.OrderBy(l => l.Since).ThenBy(l => l.SessionId).ToList();
            }
        }
    }

    private TimeProvider Clock => Host?.World.Clock ?? TimeProvider.System;

    internal void AttachTo(MailHost host) => Host = host;

    /// <summary>The mailbox of <paramref name="address"/>; null when it is on none of this server's stores.</summary>
    public ExchangeMailbox? FindMailbox(string address)
    {
        lock (_lock)
        {
            return _mailboxes.GetValueOrDefault(address);
        }
    }

    /// <summary>The store that holds <paramref name="address"/>'s mailbox; null when it is on none.</summary>
    public ExchangeStore? StoreOf(string address) => FindMailbox(address)?.Store;

    /// <summary>The mailboxes on <paramref name="store"/>, in the order created.</summary>
    public IReadOnlyList<ExchangeMailbox> MailboxesOn(ExchangeStore store)
    {
        lock (_lock)
        {
            return _mailboxes.Values.Where(m => m.Store == store).ToList();
        }
    }

    /// <summary>
    /// What the store's mailboxes hold now: how many mailboxes, their items (every folder's messages)
    /// and the octets of those items. The store's files (<see cref="ExchangeStore.SizeBytes"/>) are at
    /// least this large: they grew with every message and do not shrink when one is deleted.
    /// </summary>
    public (int Mailboxes, int Items, long Bytes) Totals(ExchangeStore store)
    {
        var held = MailboxesOn(store).Select(m => Host?.Mailboxes.Find(m.Address)).ToList();
        return (held.Count, held.Sum(m => m?.Folders.Sum(f => f.Count) ?? 0), held.Sum(m => m?.TotalSize ?? 0));
    }

    /// <summary>Exchange Tasks, Create Mailbox: a mailbox for <paramref name="address"/> on a mailbox store of this server (and the host's mailbox for its messages).</summary>
    public ExchangeMailbox CreateMailbox(string address, ExchangeStore store)
    {
        ExchangeMailbox mailbox;
        lock (_lock)
        {
            RequireMailboxStore(store);
            if (_mailboxes.TryGetValue(address, out var existing))
            {
                // Chosen wording: Exchange 2003 keeps one mailbox per user (docs/EXCHANGE-2003.md [66]).
                throw new ExchangeAdminException($"{address} already has a mailbox on \"{existing.Store.Name}\".");
            }

            mailbox = new ExchangeMailbox(address.ToLowerInvariant(), store);
            _mailboxes.Add(mailbox.Address, mailbox);
        }

        Host?.Mailboxes.Create(mailbox.Address);
        return mailbox;
    }

    /// <summary>
    /// Exchange Tasks, Create Mailbox for a user of the directory: the alias (when given) is set on
    /// the user first, refused when another recipient has it; nothing changes when the user already
    /// has a mailbox. A dismounted store is accepted: Exchange sets the user's directory attributes at
    /// once and makes the mailbox in the store at the first logon or the first message ("Creating a
    /// Mailbox", docs/EXCHANGE-2003.md [149]); mail to it waits in the Local Delivery queue until the
    /// store mounts.
    /// </summary>
    public ExchangeMailbox CreateMailbox(string address, ExchangeStore store, string? alias)
    {
        if (FindMailbox(address) is { } existing)
        {
            throw new ExchangeAdminException($"{existing.Address} already has a mailbox on \"{existing.Store.Name}\".");
        }

        if (!string.IsNullOrWhiteSpace(alias) && Host is { } host)
        {
            Recipients.HostDirectory.Of(host).AddUser(address, alias.Trim());
        }

        return CreateMailbox(address, store);
    }

    /// <summary>
    /// Exchange Tasks, Delete Mailbox: the user keeps its account but has no mailbox any more, so mail
    /// to it is returned with a 5.1.1 NDR (<see cref="Delivery.DirectoryExpansion"/>), and it cannot log
    /// on over POP3 or IMAP4. The mailbox is not purged at once: it stays on its store, disconnected,
    /// with its folders and messages (taken out of the host's store, so no client reaches them), for the
    /// store's "Keep deleted mailboxes for (days)" (30 by default) and is purged after that, or by Purge,
    /// unless Reconnect gives it to a user first (docs/EXCHANGE-2003.md section 11, "Deleting a Mailbox" [148]).
    /// With <c>--data-dir</c> its files move to the disconnected ones before this returns.
    /// </summary>
    public DeletedMailbox DeleteMailbox(string address)
    {
        lock (_lock)
        {
            if (!_mailboxes.Remove(address, out var mailbox))
            {
                throw new ExchangeAdminException($"{address} has no mailbox on {Name}.");
            }

            var contents = Host?.Mailboxes.Detach(address) ?? new Stores.Mailbox(mailbox.Address, Clock);
            var deleted = new DeletedMailbox(mailbox.Address, mailbox.Store, Clock.GetUtcNow(), contents);
            if (DisconnectedPersistence is { } disk)
            {
                deleted = deleted with { DiskKey = disk.Disconnected(deleted) };
            }

            _deleted.Add(deleted);
            return deleted;
        }
    }

    /// <summary>
    /// Exchange Tasks, Move Mailbox, to another mailbox store of this server. Both stores must be
    /// mounted (the move reads one database and writes the other); the target's files grow by what
    /// the mailbox holds and the source's do not shrink (ESE frees the pages for reuse, the file keeps
    /// its size until an offline defragmentation). The trace gets a stage on the host for each
    /// message, so its journey shows the move.
    /// </summary>
    public void MoveMailbox(string address, ExchangeStore target)
    {
        ExchangeStore source;
        lock (_lock)
        {
            RequireMailboxStore(target);
            if (!_mailboxes.TryGetValue(address, out var mailbox))
            {
                throw new ExchangeAdminException($"{address} has no mailbox on {Name}.");
            }

            source = mailbox.Store;
            if (source == target)
            {
                throw new ExchangeAdminException($"The mailbox {mailbox.Address} is already on \"{target.Name}\".");
            }

            if (!source.Mounted || !target.Mounted)
            {
                // Chosen wording.
                throw new ExchangeAdminException($"The mailbox cannot be moved: \"{(source.Mounted ? target : source).Name}\" is not mounted.");
            }

            mailbox.Store = target;
        }

        var messages = Host?.Mailboxes.Find(address) is { } held ? held.Folders.SelectMany(f => f.Messages).Select(m => m.Message).ToList() : [];
        foreach (var message in messages)
        {
            Store(target, message.Data.Length);
        }

        if (Host is not { } host)
        {
            return;
        }

        var text = $"Moved the mailbox {address} from \"{source.Name}\" to \"{target.Name}\"";
        if (messages.Count == 0)
        {
            host.World.Trace.Append(host.Name, TraceKind.MailboxMoved, text, recipients: [address]);
        }

        foreach (var message in messages)
        {
            host.World.Trace.Append(host.Name, TraceKind.MailboxMoved, text, traceId: message.TraceId, messageId: message.Id, recipients: [address]);
        }
    }

    /// <summary>
    /// Why <paramref name="address"/>'s mailbox cannot be reached now: the Information Store is
    /// stopped or its store is dismounted (the texts are MailLab's: chosen); null when it is available
    /// or is on none of this server's stores.
    /// </summary>
    public string? Unavailable(string address)
    {
        return StoreOf(address) is { } store ? Unreachable(store) : null;
    }

    /// <summary>The Limits tab of <paramref name="store"/> changed as <paramref name="change"/> says; a value out of range is refused and nothing changes.</summary>
    public StoreLimits ConfigureLimits(ExchangeStore store, Func<StoreLimits, StoreLimits> change)
    {
        lock (_lock)
        {
            RequireMailboxStore(store);
            var next = change(store.Limits);
            if (StoreLimitSettings.Validate(next) is { } problem)
            {
                throw new ExchangeAdminException(problem);
            }

            store.Limits = next;
            return next;
        }
    }

    /// <summary>The user's Storage Limits dialog changed as <paramref name="change"/> says.</summary>
    public MailboxLimits ConfigureMailboxLimits(string address, Func<MailboxLimits, MailboxLimits> change)
    {
        lock (_lock)
        {
            if (!_mailboxes.TryGetValue(address, out var mailbox))
            {
                throw new ExchangeAdminException($"{address} has no mailbox on {Name}.");
            }

            mailbox.Limits = change(mailbox.Limits);
            return mailbox.Limits;
        }
    }

    /// <summary>The limits that apply to the mailbox: its store's, or its own when "Use mailbox store defaults" is cleared.</summary>
    public static (long? WarningKb, long? SendKb, long? SendAndReceiveKb) EffectiveLimits(ExchangeMailbox mailbox) =>
        mailbox.Limits.UseStoreDefaults
            ? (mailbox.Store.Limits.IssueWarningKb, mailbox.Store.Limits.ProhibitSendKb, mailbox.Store.Limits.ProhibitSendAndReceiveKb)
            : (mailbox.Limits.IssueWarningKb, mailbox.Limits.ProhibitSendKb, mailbox.Limits.ProhibitSendAndReceiveKb);

    /// <summary>
    /// With <c>--data-dir</c>, records a last logon (false) or logoff (true) time on disk before the
    /// mailbox shows it (Persistence.LogonTimesFile); null keeps them in memory only.
    /// </summary>
    internal Action<string, bool, DateTimeOffset>? LogonTimeRecorded { get; set; }

    /// <summary>A POP3 or IMAP4 session logged on to the mailbox: ESM's Logons node lists it and the mailbox's last logon time is now.</summary>
    public void LoggedOn(long sessionId, string address, string protocol, string? clientAddress)
    {
        var now = Clock.GetUtcNow();
        lock (_lock)
        {
            if (_mailboxes.TryGetValue(address, out var mailbox))
            {
                LogonTimeRecorded?.Invoke(mailbox.Address, false, now);
                mailbox.LastLogonTime = now;
                _logons[sessionId] = new ExchangeLogon(sessionId, mailbox.Address, protocol, clientAddress, now);
            }
        }
    }

    /// <summary>The session ended: it leaves the Logons node and the mailbox's last logoff time is now.</summary>
    public void LoggedOff(long sessionId)
    {
        var now = Clock.GetUtcNow();
        lock (_lock)
        {
            if (_logons.Remove(sessionId, out var logon) && _mailboxes.TryGetValue(logon.Address, out var mailbox))
            {
                LogonTimeRecorded?.Invoke(mailbox.Address, true, now);
                mailbox.LastLogoffTime = now;
            }
        }
    }

    private void RequireMailboxStore(ExchangeStore store)
    {
        if (store.Group.Server != this || store.Kind != ExchangeStoreKind.Mailbox)
        {
            throw new ExchangeAdminException($"\"{store.Name}\" is not a mailbox store of {Name}.");
        }
    }
}
