namespace MailLab.Protocol.Smtp.Client;

/// <summary>
/// Replies already read, by their exact bytes: a server says the same greeting, EHLO list, "250
/// 2.1.0 Sender OK" and "354" to every client, and a relay hop reads them for every message. A
/// reply is kept the second time its bytes are seen, so one-off replies (a queue id, a time) never
/// displace the common ones. Fixed size, lock-free; a collision simply replaces the older entry.
/// Replies are immutable, so one object can serve every reader.
/// </summary>
internal static class SmtpReplyCache
{
    private const int Slots = 256;
    private const int MaxOctets = 1024;

    private static readonly Entry?[] Entries = new Entry?[Slots];
    private static readonly int[] Seen = new int[Slots];

    public static SmtpReply? Find(ReadOnlySpan<byte> raw, out int hash)
    {
        hash = Hash(raw);
        var entry = Volatile.Read(ref Entries[hash & (Slots - 1)]);
        return entry is not null && entry.Hash == hash && raw.SequenceEqual(entry.Raw) ? entry.Reply : null;
    }

    /// <summary>Remembers <paramref name="reply"/> if these bytes were seen before (<paramref name="hash"/> from <see cref="Find"/>).</summary>
    public static void Offer(ReadOnlySpan<byte> raw, int hash, SmtpReply reply)
    {
        if (raw.Length > MaxOctets)
        {
            return;
        }

        var slot = hash & (Slots - 1);
        if (Interlocked.Exchange(ref Seen[slot], hash) == hash)
        {
            Volatile.Write(ref Entries[slot], new Entry(raw.ToArray(), hash, reply));
        }
    }

    private static int Hash(ReadOnlySpan<byte> raw)
    {
        var hash = default(HashCode);
        hash.AddBytes(raw);
        return hash.ToHashCode();
    }

    private sealed record Entry(byte[] Raw, int Hash, SmtpReply Reply);
}
