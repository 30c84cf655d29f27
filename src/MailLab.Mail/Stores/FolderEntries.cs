using System.Collections;

namespace MailLab.Mail.Stores;

/// <summary>
/// A folder's messages in UID order, kept as plain values (<see cref="Entry"/>, 24 octets) in
/// chunks of a fixed size rather than as one <see cref="FolderMessage"/> object each behind a
/// list that doubles: a folder of a hundred thousand messages holds no object per message beside
/// the stored message itself, and no more than one chunk of spare room. Keywords and an internal
/// date other than the time the message was received (IMAP APPEND's, RFC 9051 §6.3.12) are kept
/// aside, for the entries that have them. A <see cref="FolderMessage"/> is made when an entry is
/// read: a value equal to every other read of the same entry. Guarded by the owning mailbox's
/// lock, as the folder is.
/// </summary>
internal sealed class FolderEntries : IReadOnlyList<FolderMessage>
{
    // 1,024 entries of 24 octets: a chunk stays under the large object heap's 85,000 octets.
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;

    private Entry[][] _chunks = [];
    private int _count;

    // By UID: the keywords and internal dates of the entries that have them (Entry.HasExtras).
    private readonly Dictionary<uint, Extras> _extras = [];

    public int Count => _count;

    public FolderMessage this[int index]
    {
        get
        {
            ref readonly var entry = ref At(index);
            var (keywords, date) = entry.HasExtras ? _extras[entry.Uid] : new Extras([], entry.Message.Received);
            return new FolderMessage(entry.Uid, entry.Message, entry.Flags, keywords, date, entry.ModSeq);
        }
    }

    /// <summary>The entry at <paramref name="index"/> as stored (no object made).</summary>
    public ref readonly Entry At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return ref _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
    }

    public void Add(FolderMessage message)
    {
        var chunk = _count >> ChunkShift;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length + 1);
        }

        _chunks[chunk] ??= new Entry[ChunkSize];
        _chunks[chunk][_count & (ChunkSize - 1)] = Keep(message);
        _count++;
    }

    public void Set(int index, FolderMessage message)
    {
        _extras.Remove(At(index).Uid);
        _chunks[index >> ChunkShift][index & (ChunkSize - 1)] = Keep(message);
    }

    /// <summary>Takes out the entries with these UIDs, keeping the others in order.</summary>
    public void RemoveUids(IReadOnlySet<uint> uids)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var entry = ref At(i);
            if (uids.Contains(entry.Uid))
            {
                _extras.Remove(entry.Uid);
            }
            else
            {
                _chunks[kept >> ChunkShift][kept & (ChunkSize - 1)] = entry;
                kept++;
            }
        }

        Truncate(kept);
    }

    public void Clear()
    {
        _extras.Clear();
        Truncate(0);
    }

    public FolderMessage[] ToArray()
    {
        var messages = new FolderMessage[_count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = this[i];
        }

        return messages;
    }

    public IEnumerator<FolderMessage> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The entry for <paramref name="message"/>, its keywords and date kept aside if it has any but the received time.</summary>
    private Entry Keep(FolderMessage message)
    {
        // EqualsExact: the same instant with another offset is another internal date (its offset is shown).
        var extras = message.Keywords.Count > 0 || !message.InternalDate.EqualsExact(message.Message.Received);
        if (extras)
        {
            _extras[message.Uid] = new Extras(message.Keywords, message.InternalDate);
        }

        return new Entry(message, extras);
    }

    /// <summary>Keeps the first <paramref name="count"/> entries; chunks no longer used are let go, the rest of the last one cleared (so it holds no stored message alive).</summary>
    private void Truncate(int count)
    {
        var chunks = (count + ChunkSize - 1) >> ChunkShift;
        if (chunks > 0 && (count & (ChunkSize - 1)) != 0)
        {
            Array.Clear(_chunks[chunks - 1], count & (ChunkSize - 1), ChunkSize - (count & (ChunkSize - 1)));
        }

        Array.Resize(ref _chunks, chunks);
        _count = count;
    }

    private sealed record Extras(IReadOnlyList<string> Keywords, DateTimeOffset InternalDate);

    /// <summary>A <see cref="FolderMessage"/>'s stored message, UID, flags and modseq; whether its keywords and date are kept aside.</summary>
    internal readonly struct Entry(FolderMessage message, bool hasExtras)
    {
        // The flags' five bits (MessageFlags), and above them whether the entry has extras.
        private const byte ExtrasBit = 0x80;

        public readonly StoredMessage Message = message.Message;
        public readonly ulong ModSeq = message.ModSeq;
        public readonly uint Uid = message.Uid;
        private readonly byte _flags = (byte)((byte)message.Flags | (hasExtras ? ExtrasBit : 0));

        public MessageFlags Flags => (MessageFlags)(_flags & ~ExtrasBit);

        public bool HasExtras => (_flags & ExtrasBit) != 0;

        public bool IsDeleted => (Flags & MessageFlags.Deleted) != 0;
    }
}
