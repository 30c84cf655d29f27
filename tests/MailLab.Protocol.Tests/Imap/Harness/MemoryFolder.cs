using MailLab.Protocol.Imap.Backend;

namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>One session's open folder: a cursor into the folder's change log.</summary>
internal sealed class MemoryFolder : IImapFolder
{
    private readonly MemoryAccountData _account;
    private readonly MemoryFolderData _data;
    private long _cursor;

    public MemoryFolder(MemoryAccountData account, MemoryFolderData data, bool readOnly)
    {
        _account = account;
        _data = data;
        ReadOnly = readOnly;
        Messages = [.. data.Messages];
        _cursor = data.LastChange;
        data.Changed += Forward;
    }

    public event EventHandler? Changed;

    public string Name => _data.Name;

    public uint UidValidity => _data.UidValidity;

    public uint UidNext => _data.UidNext;

    public ulong HighestModSeq => _data.HighestModSeq;

    public bool ReadOnly { get; }

    public IReadOnlyList<ImapMessage> Messages { get; }

    /// <summary>The harness's \Recent: nothing at open, and a read-write session claims every arrival (one session per folder at a time).</summary>
    public bool ClaimRecent(uint uid) => !ReadOnly;

    public bool Disposed { get; private set; }

    private object Gate => _account.Store.Gate;

    public ImapFolderChanges ReadChanges()
    {
        lock (Gate)
        {
            var entries = _data.Log.Where(c => c.Sequence > _cursor).ToList();
            _cursor = _data.LastChange;
            if (entries.Count == 0)
            {
                return ImapFolderChanges.None;
            }

            var current = _data.Messages.ToDictionary(m => m.Uid);
            var added = entries.Where(e => e.Kind == 'A' && current.ContainsKey(e.Uid)).Select(e => current[e.Uid]).ToList();
            var expunged = entries.Where(e => e.Kind == 'X').Select(e => e.Uid).Distinct().ToList();
            var flags = entries.Where(e => e.Kind == 'F' && current.ContainsKey(e.Uid)).Select(e => e.Uid).Distinct().Select(u => current[u]).ToList();
            return new ImapFolderChanges(added, expunged, flags);
        }
    }

    public ImapStoreResult StoreFlags(IReadOnlyList<uint> uids, ImapStoreMode mode, IReadOnlyList<string> flags, ulong? unchangedSince)
    {
        var updated = new List<uint>();
        var modified = new List<uint>();
        lock (Gate)
        {
            foreach (var uid in uids)
            {
                var message = _data.Messages.FirstOrDefault(m => m.Uid == uid);
                if (message is null)
                {
                    continue;
                }

                if (unchangedSince is { } since && message.ModSeq > since)
                {
                    modified.Add(uid);
                    continue;
                }

                var next = mode switch
                {
                    ImapStoreMode.Add => message.Flags.Union(flags, StringComparer.OrdinalIgnoreCase).ToList(),
                    ImapStoreMode.Remove => message.Flags.Except(flags, StringComparer.OrdinalIgnoreCase).ToList(),
                    _ => flags.ToList(),
                };
                if (next.Count != message.Flags.Count || next.Except(message.Flags).Any() || unchangedSince is not null)
                {
                    updated.Add(uid);
                    _data.SetFlags(uid, next);
                }
            }

            var now = _data.Messages.ToDictionary(m => m.Uid);
            return new ImapStoreResult(updated.Select(u => now[u]).ToList(), modified);
        }
    }

    public ImapCopyResult Copy(IReadOnlyList<uint> uids, string targetFolder) => CopyOrMove(uids, targetFolder, move: false);

    public ImapCopyResult Move(IReadOnlyList<uint> uids, string targetFolder) => CopyOrMove(uids, targetFolder, move: true);

    public IReadOnlyList<uint> Expunge(IReadOnlyList<uint>? uids)
    {
        var set = uids?.ToHashSet();
        return _data.Remove(m => m.Flags.Contains(@"\Deleted") && (set is null || set.Contains(m.Uid)));
    }

    public void Dispose()
    {
        Disposed = true;
        _data.Changed -= Forward;
    }

    private void Forward(object? sender, EventArgs e) => Changed?.Invoke(this, EventArgs.Empty);

    private ImapCopyResult CopyOrMove(IReadOnlyList<uint> uids, string targetFolder, bool move)
    {
        MemoryFolderData? target;
        List<ImapMessage> sources;
        lock (Gate)
        {
            if (!_account.Folders.TryGetValue(targetFolder, out target))
            {
                return ImapCopyResult.Fail(ImapResponseCode.TryCreate, "no such mailbox");
            }

            var set = uids.ToHashSet();
            sources = _data.Messages.Where(m => set.Contains(m.Uid)).ToList();
        }

        var destination = new List<uint>();
        foreach (var source in sources)
        {
            destination.Add(target.Add(source.Content.ToArray(), source.Flags, source.InternalDate).Uid);
        }

        if (move)
        {
            var moved = sources.Select(s => s.Uid).ToHashSet();
            _data.Remove(m => moved.Contains(m.Uid));
        }

        return new ImapCopyResult(ImapResult.Ok, target.UidValidity, sources.Select(s => s.Uid).ToList(), destination);
    }
}
