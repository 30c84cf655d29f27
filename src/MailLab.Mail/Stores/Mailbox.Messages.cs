namespace MailLab.Mail.Stores;

/// <summary>
/// Message changes in folders: append, flags (with RFC 7162 UNCHANGEDSINCE), copy and move with UID
/// maps (RFC 4315, RFC 6851), expunge. Each takes the next modification sequence of its folder;
/// each is handed to the disk layer inside the lock, before it becomes visible.
/// </summary>
public sealed partial class Mailbox
{
    /// <summary>APPEND (RFC 9051 §6.3.12): the message gets the folder's next UID. Returns the new entry.</summary>
    public FolderMessage Append(MailboxFolder folder, StoredMessage message, MessageFlags flags, IEnumerable<string> keywords, DateTimeOffset internalDate)
    {
        FolderMessage entry;
        lock (Gate)
        {
            RequireLive(folder);
            entry = AppendLocked(folder, message, flags, Keywords(keywords), internalDate);
        }

        OnChanged(folder);
        return entry;
    }

    /// <summary>
    /// STORE (RFC 9051 §6.4.6) on the messages with these UIDs (absent ones are skipped). With
    /// <paramref name="unchangedSince"/>, a message whose modseq is above it is left alone and
    /// reported in <see cref="FlagChangeResult.Modified"/> (RFC 7162 §3.1.3). A message whose flags
    /// do not change keeps its modseq. All changed entries share one new modseq.
    /// </summary>
    public FlagChangeResult SetFlags(MailboxFolder folder, IEnumerable<uint> uids, FlagOperation operation, MessageFlags flags, IEnumerable<string> keywords, ulong? unchangedSince = null)
    {
        var words = Keywords(keywords);
        var changed = new List<FolderMessage>();
        var modified = new List<uint>();
        lock (Gate)
        {
            RequireLive(folder);
            var modSeq = folder.HighestModSeqLocked + 1;
            var indexes = new List<(int Index, FolderMessage Entry)>();
            foreach (var uid in uids.Distinct().Order())
            {
                var at = folder.IndexOfLocked(uid);
                if (at < 0)
                {
                    continue;
                }

                var entry = folder.EntriesLocked[at];
                if (unchangedSince is { } since && entry.ModSeq > since)
                {
                    modified.Add(uid);
                    continue;
                }

                var (newFlags, newWords) = operation switch
                {
                    FlagOperation.Add => (entry.Flags | flags, entry.Keywords.Concat(words).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()),
                    FlagOperation.Remove => (entry.Flags & ~flags, entry.Keywords.Where(k => !words.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray()),
                    _ => (flags, words),
                };
                if (newFlags == entry.Flags && newWords.Length == entry.Keywords.Count && newWords.All(entry.HasKeyword))
                {
                    continue;
                }

                indexes.Add((at, entry with { Flags = newFlags, Keywords = newWords, ModSeq = modSeq }));
            }

            if (indexes.Count > 0)
            {
                var entries = indexes.ConvertAll(i => i.Entry);
                Persistence?.FlagsChanged(this, folder, entries);
                foreach (var (index, entry) in indexes)
                {
                    folder.ReplaceLocked(index, entry);
                }

                changed.AddRange(entries);
            }
        }

        if (changed.Count > 0)
        {
            OnChanged(folder);
        }

        return new FlagChangeResult(changed, modified);
    }

    /// <summary>COPY (RFC 9051 §6.4.7): the same stored messages get new UIDs in the target, with their flags and internal dates.</summary>
    public FolderCopyResult Copy(MailboxFolder source, IEnumerable<uint> uids, MailboxFolder target)
    {
        FolderCopyResult result;
        lock (Gate)
        {
            RequireLive(source);
            RequireLive(target);
            result = CopyLocked(source, Present(source, uids), target);
        }

        OnChanged(target);
        return result;
    }

    /// <summary>MOVE (RFC 6851): a copy, then the source messages are expunged (the copies are durable first, so a crash can leave a copy, never a loss).</summary>
    public FolderCopyResult Move(MailboxFolder source, IEnumerable<uint> uids, MailboxFolder target)
    {
        FolderCopyResult result;
        lock (Gate)
        {
            RequireLive(source);
            RequireLive(target);
            var entries = Present(source, uids);
            result = CopyLocked(source, entries, target);
            if (!ReferenceEquals(source, target))
            {
                RemoveLocked(source, entries);
            }
        }

        OnChanged(target);
        OnChanged(source);
        return result;
    }

    /// <summary>EXPUNGE (RFC 9051 §6.4.3), or UID EXPUNGE (RFC 4315) with <paramref name="uids"/>: removes the messages flagged \Deleted. Returns the entries removed.</summary>
    public IReadOnlyList<FolderMessage> Expunge(MailboxFolder folder, IEnumerable<uint>? uids = null)
    {
        IReadOnlyList<FolderMessage> removed;
        lock (Gate)
        {
            RequireLive(folder);
            var entries = uids is null ? Deleted(folder.EntriesLocked) : Present(folder, uids).Where(e => e.IsDeleted).ToArray();
            removed = RemoveLocked(folder, entries);
        }

        if (removed.Count > 0)
        {
            OnChanged(folder);
        }

        return removed;
    }

    /// <summary>Removes these messages whatever their flags (POP3 DELE at QUIT): an expunge IMAP sessions see. Returns the entries removed.</summary>
    public IReadOnlyList<FolderMessage> Remove(MailboxFolder folder, IEnumerable<uint> uids)
    {
        IReadOnlyList<FolderMessage> removed;
        lock (Gate)
        {
            RequireLive(folder);
            removed = RemoveLocked(folder, Present(folder, uids));
        }

        if (removed.Count > 0)
        {
            OnChanged(folder);
        }

        return removed;
    }

    /// <summary>Adds an entry the disk layer read back (UIDs in ascending order).</summary>
    internal void RestoreLocked(MailboxFolder folder, FolderMessage entry) => folder.AddLocked(entry);

    private FolderMessage AppendLocked(MailboxFolder folder, StoredMessage message, MessageFlags flags, string[] keywords, DateTimeOffset internalDate)
    {
        var uid = folder.UidNextLocked;
        folder.UidNextLocked = uid + 1; // taken even if the disk write fails: a UID is never handed out twice
        var entry = new FolderMessage(uid, message, flags, keywords, internalDate, folder.HighestModSeqLocked + 1);
        Persistence?.Appended(this, folder, entry);
        folder.AddLocked(entry);
        return entry;
    }

    private FolderCopyResult CopyLocked(MailboxFolder source, IReadOnlyList<FolderMessage> entries, MailboxFolder target)
    {
        var map = new List<(uint, uint)>(entries.Count);
        foreach (var entry in entries)
        {
            var copy = AppendLocked(target, entry.Message, entry.Flags, [.. entry.Keywords], entry.InternalDate);
            map.Add((entry.Uid, copy.Uid));
        }

        return new FolderCopyResult(target.UidValidity, map);
    }

    private IReadOnlyList<FolderMessage> RemoveLocked(MailboxFolder folder, IReadOnlyList<FolderMessage> entries)
    {
        if (entries.Count == 0)
        {
            return entries;
        }

        var modSeq = folder.HighestModSeqLocked + 1;
        Persistence?.Expunged(this, folder, entries, modSeq);
        folder.RemoveLocked(entries, modSeq);
        return entries;
    }

    private static FolderMessage[] Present(MailboxFolder folder, IEnumerable<uint> uids)
    {
        var entries = new List<FolderMessage>();
        foreach (var uid in uids.Distinct().Order())
        {
            var at = folder.IndexOfLocked(uid);
            if (at >= 0)
            {
                entries.Add(folder.EntriesLocked[at]);
            }
        }

        return [.. entries];
    }

    private static FolderMessage[] Deleted(FolderEntries entries)
    {
        var deleted = new List<FolderMessage>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries.At(i).IsDeleted)
            {
                deleted.Add(entries[i]);
            }
        }

        return [.. deleted];
    }

    private void RequireLive(MailboxFolder folder)
    {
        if (folder.IsDeleted || !ReferenceEquals(folder.Owner, this))
        {
            throw new MailboxFolderException(FolderError.NonExistent, $"{folder.Name} does not exist");
        }
    }

    /// <summary>Keywords are IMAP atoms (RFC 9051 §2.3.2): empty ones, and ones with spaces, controls or a backslash, are dropped.</summary>
    private static string[] Keywords(IEnumerable<string> keywords) =>
        keywords.Where(k => k.Length > 0 && !k.Any(c => c <= ' ' || c is '\\' or '(' or ')' or '{' or '"' or '%' or '*' or ']' || char.IsControl(c)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
