using System.Collections;

namespace MailLab.Mail.Stores;

/// <summary>
/// A folder's messages in UID order, kept as plain values (<see cref="Entry"/>, 40 octets) in
/// chunks of a fixed size rather than as one <see cref="FolderMessage"/> object each behind a
/// list that doubles: a folder of a hundred thousand messages holds no object per message beside
/// the stored message itself, and no more than one chunk of spare room. A <see cref="FolderMessage"/>
/// is made when an entry is read: a value equal to every other read of the same entry. Guarded by
/// the owning mailbox's lock, as the folder is.
/// </summary>
internal sealed class FolderEntries : IReadOnlyList<FolderMessage>
{
    // 1,024 entries of 40 octets: a chunk stays under the large object heap's 85,000 octets.
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;

    private Entry[][] _chunks = [];
    private int _count;

    public int Count => _count;

    public FolderMessage this[int index] => At(index).ToMessage();

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
        _chunks[chunk][_count & (ChunkSize - 1)] = new Entry(message);
        _count++;
    }

    public void Set(int index, FolderMessage message)
    {
        _ = At(index);
        _chunks[index >> ChunkShift][index & (ChunkSize - 1)] = new Entry(message);
    }

    /// <summary>Takes out the entries with these UIDs, keeping the others in order.</summary>
    public void RemoveUids(IReadOnlySet<uint> uids)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var entry = ref At(i);
            if (!uids.Contains(entry.Uid))
            {
                _chunks[kept >> ChunkShift][kept & (ChunkSize - 1)] = entry;
                kept++;
            }
        }

        Truncate(kept);
    }

    public void Clear() => Truncate(0);

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

    /// <summary>A <see cref="FolderMessage"/>'s fields, as narrow as it keeps them.</summary>
    internal readonly struct Entry(FolderMessage message)
    {
        public readonly StoredMessage Message = message.Message;
        public readonly IReadOnlyList<string> Keywords = message.Keywords;
        public readonly long InternalUtcTicks = message.InternalUtcTicks;
        public readonly ulong ModSeq = message.ModSeq;
        public readonly uint Uid = message.Uid;
        public readonly short OffsetMinutes = message.OffsetMinutes;
        private readonly byte _flags = (byte)message.Flags;

        public MessageFlags Flags => (MessageFlags)_flags;

        public bool IsDeleted => (Flags & MessageFlags.Deleted) != 0;

        public FolderMessage ToMessage() =>
            new(Uid, Message, Flags, Keywords, new DateTimeOffset(InternalUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(OffsetMinutes)), ModSeq);
    }
}
