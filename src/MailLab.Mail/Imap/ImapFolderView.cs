using MailLab.Mail.Stores;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Mail.Imap;

/// <summary>
/// A folder one session has selected (<see cref="IImapFolder"/>): the messages at open, then the
/// store's change feed (<see cref="MailboxFolder.ChangesSince"/>) from the session's last look,
/// split into added messages (UIDs the session has not seen), flag changes of messages it knows,
/// and expunges of messages it knows. <see cref="Changed"/> follows <see cref="Mailbox.Changed"/>
/// for this folder (deliveries, other sessions, POP3's UPDATE).
/// </summary>
internal sealed class ImapFolderView : IImapFolder
{
    private readonly ImapAccount _account;
    private readonly MailboxFolder _folder;
    private readonly HashSet<uint> _known;
    private ulong _seen;
    private int _disposed;

    public ImapFolderView(ImapAccount account, MailboxFolder folder, bool readOnly)
    {
        _account = account;
        _folder = folder;
        ReadOnly = readOnly;
        var now = folder.ChangesSince(ulong.MaxValue);
        _seen = now.HighestModSeq;
        Messages = now.Messages.Select(ImapFlags.Message).ToArray();
        var newest = now.Messages.Count > 0 ? now.Messages[^1].Uid : 0;
        FirstRecentUid = readOnly ? account.Mailbox.FirstUnclaimedRecent(folder) : account.Mailbox.ClaimRecentBelow(folder, newest + 1);
        _known = [.. now.Messages.Select(m => m.Uid)];
        account.Mailbox.Changed += OnMailboxChanged;
    }

    public string Name => _folder.Name;

    public uint UidValidity => _folder.UidValidity;

    public uint UidNext => _folder.UidNext;

    public ulong HighestModSeq => _folder.HighestModSeq;

    public bool ReadOnly { get; }

    public IReadOnlyList<ImapMessage> Messages { get; }

    public uint FirstRecentUid { get; }

    public bool ClaimRecent(uint uid)
    {
        var mailbox = _account.Mailbox;
        return ReadOnly ? uid >= mailbox.FirstUnclaimedRecent(_folder) : mailbox.ClaimRecent(_folder, uid);
    }

    public event EventHandler? Changed;

    public ImapFolderChanges ReadChanges()
    {
        var changes = _folder.ChangesSince(_seen, withMessages: false);
        _seen = changes.HighestModSeq;
        if (changes.Changed.Count == 0 && changes.Expunged.Count == 0)
        {
            return ImapFolderChanges.None;
        }

        var added = new List<ImapMessage>();
        var flagged = new List<ImapMessage>();
        foreach (var entry in changes.Changed)
        {
            if (_known.Add(entry.Uid))
            {
                added.Add(ImapFlags.Message(entry));
            }
            else
            {
                flagged.Add(ImapFlags.Message(entry));
            }
        }

        var expunged = changes.Expunged.Where(_known.Remove).Order().ToArray();
        return new ImapFolderChanges(added, expunged, flagged);
    }

    public ImapStoreResult StoreFlags(IReadOnlyList<uint> uids, ImapStoreMode mode, IReadOnlyList<string> flags, ulong? unchangedSince)
    {
        if (ReadOnly)
        {
            return new ImapStoreResult([], []);
        }

        var (system, keywords) = ImapFlags.Parse(flags);
        var operation = mode switch
        {
            ImapStoreMode.Add => FlagOperation.Add,
            ImapStoreMode.Remove => FlagOperation.Remove,
            _ => FlagOperation.Replace,
        };
        try
        {
            var result = _account.Mailbox.SetFlags(_folder, uids, operation, system, keywords, unchangedSince);
            return new ImapStoreResult(result.Changed.Select(ImapFlags.Message).ToArray(), result.Modified);
        }
        catch (MailboxFolderException)
        {
            return new ImapStoreResult([], []); // the folder was deleted under the session
        }
    }

    public ImapCopyResult Copy(IReadOnlyList<uint> uids, string targetFolder) => Transfer(uids, targetFolder, move: false);

    public ImapCopyResult Move(IReadOnlyList<uint> uids, string targetFolder) => Transfer(uids, targetFolder, move: true);

    public IReadOnlyList<uint> Expunge(IReadOnlyList<uint>? uids)
    {
        if (ReadOnly)
        {
            return [];
        }

        try
        {
            var removed = _account.Mailbox.Expunge(_folder, uids);
            _account.Removed(_folder, removed);
            return removed.Select(r => r.Uid).ToArray();
        }
        catch (MailboxFolderException)
        {
            return [];
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _account.Mailbox.Changed -= OnMailboxChanged;
        }
    }

    private ImapCopyResult Transfer(IReadOnlyList<uint> uids, string targetFolder, bool move)
    {
        var mailbox = _account.Mailbox;
        if (mailbox.FindFolder(targetFolder) is not { } target)
        {
            return ImapCopyResult.Fail(ImapResponseCode.TryCreate, $"{targetFolder} does not exist");
        }

        if (move && ReadOnly)
        {
            return ImapCopyResult.Fail(ImapResponseCode.Cannot, "The folder is read-only (EXAMINE)");
        }

        var size = uids.Sum(uid => _folder.Find(uid)?.Size ?? 0);
        if (!move && _account.IsOverQuotaWith(size))
        {
            return ImapCopyResult.Fail(ImapResponseCode.OverQuota, "The mailbox is over its quota");
        }

        try
        {
            var entries = move ? uids.Select(_folder.Find).OfType<FolderMessage>().ToArray() : [];
            var result = move ? mailbox.Move(_folder, uids, target) : mailbox.Copy(_folder, uids, target);
            if (move)
            {
                _account.Removed(_folder, entries);
            }

            return new ImapCopyResult(ImapResult.Ok, result.TargetUidValidity, result.Uids.Select(u => u.Source).ToArray(), result.Uids.Select(u => u.Target).ToArray());
        }
        catch (MailboxFolderException e)
        {
            return ImapCopyResult.Fail(ImapFlags.Code(e.Error), e.Message);
        }
    }

    private void OnMailboxChanged(Mailbox mailbox, MailboxFolder folder)
    {
        if (ReferenceEquals(folder, _folder))
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }
}
