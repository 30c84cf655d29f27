namespace MailLab.Mail.Stores;

/// <summary>
/// One folder of a <see cref="Mailbox"/> (an IMAP mailbox, RFC 9051 §2.3; <see cref="MailFolder"/> is
/// the IIS home directory's): its messages in UID order, UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ
/// (RFC 7162 §3.1), whether it is subscribed, and its RFC 6154 special use. Every read and change
/// goes through the owning mailbox's lock; changes are made by <see cref="Mailbox"/>'s methods.
/// A folder object stays the same across a rename; after its deletion <see cref="IsDeleted"/> is true.
/// </summary>
public sealed class MailboxFolder
{
    /// <summary>The hierarchy delimiter of folder names (RFC 9051 §5.1.1).</summary>
    public const char Delimiter = '/';

    public const string InboxName = "INBOX";

    // Guarded by Owner.Gate. Entries are sorted by UID (appends always take the next UID).
    private readonly FolderEntries _entries = new();
    private readonly List<(ulong ModSeq, uint Uid)> _expunged = [];
    // The sequences of the entries' stored messages, ascending (a message copied in twice is in it
    // twice): delivery asks whether a message is here already. Appends come nearly in sequence
    // order, so an insertion moves only the few that concurrent deliveries put ahead of it.
    private readonly List<long> _sequences = [];
    private long _size;

    internal MailboxFolder(Mailbox owner, string name, uint uidValidity, SpecialUse specialUse)
    {
        Owner = owner;
        Name = name;
        UidValidity = uidValidity;
        SpecialUse = specialUse;
    }

    public Mailbox Owner { get; }

    /// <summary>The full name with "/" between levels; INBOX is always "INBOX".</summary>
    public string Name { get; internal set; }

    public bool IsInbox => ReferenceEquals(this, Owner.Inbox);

    public SpecialUse SpecialUse { get; internal set; }

    public bool Subscribed { get; internal set; }

    public bool IsDeleted { get; internal set; }

    /// <summary>The lowest UID no IMAP session has claimed as \Recent (see <see cref="Mailbox.ClaimRecentBelow"/>); guarded by the owner's lock.</summary>
    internal uint FirstUnclaimedRecentLocked { get; set; }

    public uint UidValidity { get; internal set; }

    public uint UidNext
    {
        get
        {
            lock (Owner.Gate)
            {
                return UidNextLocked;
            }
        }
    }

    public ulong HighestModSeq
    {
        get
        {
            lock (Owner.Gate)
            {
                return HighestModSeqLocked;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (Owner.Gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The sum of the messages' sizes (RFC 8438 STATUS SIZE; quotas count every folder).</summary>
    public long Size
    {
        get
        {
            lock (Owner.Gate)
            {
                return _size;
            }
        }
    }

    /// <summary>A snapshot of the messages, in UID order.</summary>
    public IReadOnlyList<FolderMessage> Messages
    {
        get
        {
            lock (Owner.Gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public FolderMessage? Find(uint uid)
    {
        lock (Owner.Gate)
        {
            var at = IndexOfLocked(uid);
            return at < 0 ? null : _entries[at];
        }
    }

    /// <summary>
    /// The change feed: entries appended or changed after <paramref name="sinceModSeq"/> and the UIDs
    /// expunged after it, read in one consistent snapshot together with the whole message list (left
    /// empty when <paramref name="withMessages"/> is false, for a reader that only follows changes).
    /// </summary>
    public FolderChanges ChangesSince(ulong sinceModSeq, bool withMessages = true)
    {
        lock (Owner.Gate)
        {
            var messages = withMessages ? _entries.ToArray() : [];
            if (sinceModSeq >= HighestModSeqLocked)
            {
                return new FolderChanges(HighestModSeqLocked, UidNextLocked, [], [], messages);
            }

            var changed = new List<FolderMessage>();
            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries.At(i).ModSeq > sinceModSeq)
                {
                    changed.Add(_entries[i]);
                }
            }

            var expunged = _expunged.Where(x => x.ModSeq > sinceModSeq).Select(x => x.Uid).ToArray();
            return new FolderChanges(HighestModSeqLocked, UidNextLocked, changed.ToArray(), expunged, messages);
        }
    }

    public override string ToString() => Name;

    internal uint UidNextLocked { get; set; } = 1;

    internal ulong HighestModSeqLocked { get; set; } = 1;

    internal FolderEntries EntriesLocked => _entries;

    internal IReadOnlyList<(ulong ModSeq, uint Uid)> ExpungedLocked => _expunged;

    internal bool ContainsLocked(StoredMessage message) => _sequences.BinarySearch(message.Sequence) >= 0;

    internal int IndexOfLocked(uint uid)
    {
        int low = 0, high = _entries.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var at = _entries.At(mid).Uid;
            if (at == uid)
            {
                return mid;
            }

            if (at < uid)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Adds an entry whose UID is above every present one (appends, and the loader in UID order).</summary>
    internal void AddLocked(FolderMessage entry)
    {
        _entries.Add(entry);
        _size += entry.Size;
        var sequence = entry.Message.Sequence;
        if (_sequences.Count == _sequences.Capacity)
        {
            // A quarter more room at a time, not twice as much: the spare capacity of a large
            // folder's list is what it holds beyond its messages.
            _sequences.Capacity = _sequences.Count + (_sequences.Count / 4) + 16;
        }

        if (_sequences.Count == 0 || _sequences[^1] <= sequence)
        {
            _sequences.Add(sequence);
        }
        else
        {
            var at = _sequences.BinarySearch(sequence);
            _sequences.Insert(at < 0 ? ~at : at, sequence);
        }

        UidNextLocked = Math.Max(UidNextLocked, entry.Uid + 1);
        HighestModSeqLocked = Math.Max(HighestModSeqLocked, entry.ModSeq);
    }

    internal void ReplaceLocked(int index, FolderMessage entry)
    {
        _entries.Set(index, entry);
        HighestModSeqLocked = Math.Max(HighestModSeqLocked, entry.ModSeq);
    }

    /// <summary>Removes the entries at these indexes (ascending) and records their UIDs as expunged at <paramref name="modSeq"/>.</summary>
    internal void RemoveLocked(IReadOnlyList<FolderMessage> removed, ulong modSeq)
    {
        _entries.RemoveUids(new HashSet<uint>(removed.Select(r => r.Uid)));
        var gone = new long[removed.Count];
        for (var i = 0; i < gone.Length; i++)
        {
            var entry = removed[i];
            _size -= entry.Size;
            gone[i] = entry.Message.Sequence;
            _expunged.Add((modSeq, entry.Uid));
        }

        RemoveSequences(gone);
        HighestModSeqLocked = Math.Max(HighestModSeqLocked, modSeq);
    }

    /// <summary>Takes these sequences (one occurrence each) out of the sorted list, in one pass.</summary>
    private void RemoveSequences(long[] gone)
    {
        Array.Sort(gone);
        int kept = 0, next = 0;
        for (var i = 0; i < _sequences.Count; i++)
        {
            var sequence = _sequences[i];
            while (next < gone.Length && gone[next] < sequence)
            {
                next++; // not here (cannot happen while the list follows the entries)
            }

            if (next < gone.Length && gone[next] == sequence)
            {
                next++;
                continue;
            }

            _sequences[kept++] = sequence;
        }

        _sequences.RemoveRange(kept, _sequences.Count - kept);
    }

    /// <summary>An expunge the loader read back (for QRESYNC's VANISHED and the change feed after a restart).</summary>
    internal void RestoreExpungedLocked(ulong modSeq, uint uid)
    {
        _expunged.Add((modSeq, uid));
        HighestModSeqLocked = Math.Max(HighestModSeqLocked, modSeq);
        UidNextLocked = Math.Max(UidNextLocked, uid + 1);
    }

    /// <summary>Empties the folder without recording expunges (INBOX after a rename moved everything away keeps its UIDs going).</summary>
    internal void ClearLocked()
    {
        _entries.Clear();
        _sequences.Clear();
        _size = 0;
    }
}
