using MailLab.Mail.Stores;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Mail.Imap;

/// <summary>A folder one session opened: its snapshot at the open, and the store's change feed from there.</summary>
internal sealed class ImapStoreFolder : IImapFolder
{
    private readonly Mailbox _mailbox;
    private readonly MailboxFolder _folder;
    private readonly HashSet<uint> _known;
    private readonly Lock _gate = new();
    private ulong _seen;

    public ImapStoreFolder(Mailbox mailbox, MailboxFolder folder, bool readOnly)
    {
        _mailbox = mailbox;
        _folder = folder;
        ReadOnly = readOnly;
        var snapshot = folder.ChangesSince(ulong.MaxValue);
        _seen = snapshot.HighestModSeq;
        Messages = snapshot.Messages.Select(ToImap).ToArray();
        _known = [.. snapshot.Messages.Select(m => m.Uid)];
        UidNext = snapshot.UidNext;
        mailbox.Changed += OnChanged;
    }

    public event EventHandler? Changed;

    public string Name => _folder.Name;

    public uint UidValidity => _folder.UidValidity;

    public uint UidNext { get; }

    public ulong HighestModSeq => Math.Max(1, _folder.HighestModSeq);

    public bool ReadOnly { get; }

    public IReadOnlyList<ImapMessage> Messages { get; }

    public ImapFolderChanges ReadChanges()
    {
        lock (_gate)
        {
            var changes = _folder.ChangesSince(_seen);
            _seen = changes.HighestModSeq;
            var added = new List<ImapMessage>();
            var flags = new List<ImapMessage>();
            foreach (var entry in changes.Changed)
            {
                if (_known.Add(entry.Uid))
                {
                    added.Add(ToImap(entry));
                }
                else
                {
                    flags.Add(ToImap(entry));
                }
            }

            var expunged = changes.Expunged.Where(_known.Remove).Order().ToArray();
            return added.Count == 0 && flags.Count == 0 && expunged.Length == 0 ? ImapFolderChanges.None : new ImapFolderChanges(added, expunged, flags);
        }
    }

    public ImapStoreResult StoreFlags(IReadOnlyList<uint> uids, ImapStoreMode mode, IReadOnlyList<string> flags, ulong? unchangedSince)
    {
        var (system, keywords) = Split(flags);
        var operation = mode switch
        {
            ImapStoreMode.Add => FlagOperation.Add,
            ImapStoreMode.Remove => FlagOperation.Remove,
            _ => FlagOperation.Replace,
        };
        var result = _mailbox.SetFlags(_folder, uids, operation, system, keywords, unchangedSince);
        return new ImapStoreResult(result.Changed.Select(ToImap).ToArray(), result.Modified);
    }

    public ImapCopyResult Copy(IReadOnlyList<uint> uids, string targetFolder) => CopyOrMove(uids, targetFolder, move: false);

    public ImapCopyResult Move(IReadOnlyList<uint> uids, string targetFolder) => CopyOrMove(uids, targetFolder, move: true);

    public IReadOnlyList<uint> Expunge(IReadOnlyList<uint>? uids) =>
        _mailbox.Expunge(_folder, uids).Select(m => m.Uid).Order().ToArray();

    public void Dispose() => _mailbox.Changed -= OnChanged;

    internal static (MessageFlags Flags, IReadOnlyList<string> Keywords) Split(IReadOnlyList<string> flags)
    {
        var system = MessageFlags.None;
        var keywords = new List<string>();
        foreach (var flag in flags)
        {
            switch (flag.ToLowerInvariant())
            {
                case "\\seen": system |= MessageFlags.Seen; break;
                case "\\answered": system |= MessageFlags.Answered; break;
                case "\\flagged": system |= MessageFlags.Flagged; break;
                case "\\deleted": system |= MessageFlags.Deleted; break;
                case "\\draft": system |= MessageFlags.Draft; break;
                case "\\recent": break;
                default: keywords.Add(flag); break;
            }
        }

        return (system, keywords);
    }

    private static ImapMessage ToImap(FolderMessage m)
    {
        var flags = new List<string>();
        if (m.IsSeen)
        {
            flags.Add("\\Seen");
        }

        if ((m.Flags & MessageFlags.Answered) != 0)
        {
            flags.Add("\\Answered");
        }

        if ((m.Flags & MessageFlags.Flagged) != 0)
        {
            flags.Add("\\Flagged");
        }

        if (m.IsDeleted)
        {
            flags.Add("\\Deleted");
        }

        if ((m.Flags & MessageFlags.Draft) != 0)
        {
            flags.Add("\\Draft");
        }

        flags.AddRange(m.Keywords);
        return new ImapMessage(m.Uid, flags, m.InternalDate, m.Size, Math.Max(1, m.ModSeq), m.Message.Data);
    }

    private ImapCopyResult CopyOrMove(IReadOnlyList<uint> uids, string targetFolder, bool move)
    {
        if (_mailbox.FindFolder(targetFolder) is not { } target)
        {
            return ImapCopyResult.Fail(ImapResponseCode.TryCreate, $"{targetFolder} does not exist");
        }

        try
        {
            var result = move ? _mailbox.Move(_folder, uids, target) : _mailbox.Copy(_folder, uids, target);
            return new ImapCopyResult(ImapResult.Ok, result.TargetUidValidity, result.Uids.Select(u => u.Source).ToArray(), result.Uids.Select(u => u.Target).ToArray());
        }
        catch (MailboxFolderException e)
        {
            return ImapCopyResult.Fail(ImapResponseCode.Cannot, e.Message);
        }
    }

    private void OnChanged(Mailbox mailbox, MailboxFolder folder)
    {
        if (ReferenceEquals(folder, _folder))
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }
}
