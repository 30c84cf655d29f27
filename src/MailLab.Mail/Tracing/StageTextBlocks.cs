namespace MailLab.Mail.Tracing;

/// <summary>
/// The stage ring's texts as UTF-8, each taking only the octets it needs: writers take room in
/// turn from the current block (one atomic add) and a full block is replaced by a new one, so room
/// is never handed out twice and a text, written once before its event is stamped, never changes
/// under a reader. A block is kept as long as an event still in the ring refers to it; a long text
/// gets an array of its own.
/// </summary>
internal sealed class StageTextBlocks
{
    // Under the large object heap's 85,000 octets, so a block is an ordinary gen0 allocation.
    private const int BlockOctets = 16 * 1024;

    // A text longer than this gets an array of its own, so a full block wastes at most this much.
    public const int OwnArrayOctets = 1024;

    private Block? _current;

    /// <summary>
    /// Room for a text of <paramref name="length"/> octets that no other text gets: a span of
    /// <paramref name="bytes"/> from <paramref name="offset"/> (null and 0 for an empty text).
    /// </summary>
    public Span<byte> Reserve(int length, out byte[]? bytes, out ushort offset)
    {
        offset = 0;
        if (length == 0)
        {
            bytes = null;
            return default;
        }

        if (length > OwnArrayOctets)
        {
            bytes = new byte[length];
            return bytes;
        }

        while (true)
        {
            var block = Volatile.Read(ref _current);
            if (block is not null)
            {
                var end = Interlocked.Add(ref block.Used, length);
                if (end <= BlockOctets)
                {
                    bytes = block.Bytes;
                    offset = (ushort)(end - length);
                    return bytes.AsSpan(offset, length);
                }
            }

            // Full (or none yet): one writer's new block replaces it; the others take room in that one.
            if (ReferenceEquals(Volatile.Read(ref _current), block))
            {
                Interlocked.CompareExchange(ref _current, new Block(), block);
            }
        }
    }

    private sealed class Block
    {
        public readonly byte[] Bytes = new byte[BlockOctets];

        // Octets handed out; past BlockOctets once writers found the block full (at most one text each).
        public int Used;
    }
}
