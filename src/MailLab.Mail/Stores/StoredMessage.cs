namespace MailLab.Mail.Stores;

/// <summary>
/// One accepted message: its RFC 5322 bytes (with our Received header) and its envelope. The same
/// instance is shared by every mailbox it was delivered to, so a message is stored once.
/// </summary>
public sealed partial class StoredMessage
{
    // Subject and From, and the previous hop once it was read: the only facts of the bytes kept
    // beside them. Shared by messages whose facts are equal (see HeaderSummary.Shared), so a store
    // of messages with one subject from one sender keeps one summary.
    private HeaderSummary? _summary;

    // The server, the envelope, the offset of the time received and its UTC ticks but the low 32
    // bits, shared by the messages that have them alike (see Envelope.Shared); the low bits (about
    // seven minutes of ticks) are the message's own. The first copy's sequence is kept as how far
    // before this one's it is, or in the envelope when that does not fit in 32 bits.
    private readonly Envelope _envelope;
    private readonly uint _receivedLowTicks;
    private readonly int _traceBehind;

    public StoredMessage(long sequence, string hostName, string sender, IReadOnlyList<string> recipients, byte[] data, DateTimeOffset received, long traceSequence = 0)
        : this(sequence, hostName, SharedText.Share(sender), SharedText.Share(recipients), received.Offset, data, received.UtcTicks, traceSequence == 0 ? sequence : traceSequence)
    {
    }

    private StoredMessage(long sequence, string hostName, string sender, IReadOnlyList<string> recipients, TimeSpan offset, byte[] data, long receivedUtcTicks, long traceSequence)
    {
        var behind = sequence - traceSequence;
        var fits = behind is >= 0 and <= int.MaxValue;
        Sequence = sequence;
        _traceBehind = fits ? (int)behind : 0;
        _envelope = Envelope.Shared(hostName, sender, recipients, offset, receivedUtcTicks & HighTicks, fits ? null : traceSequence);
        Data = data;
        _receivedLowTicks = (uint)receivedUtcTicks;
    }

    private const long HighTicks = ~(long)uint.MaxValue;

    /// <summary>World-wide sequence number; the id is derived from it.</summary>
    public long Sequence { get; }

    /// <summary>"ML" and the sequence in hex: not kept per message, a recent message's id string is shared (see <see cref="SharedId"/>).</summary>
    public string Id => SharedId(Sequence);

    /// <summary>The sequence of the first server's copy: the same across every hop of one message.</summary>
    public long TraceSequence => _envelope.TraceSequence ?? Sequence - _traceBehind;

    /// <summary>The id that follows the message across hops (the first server's id).</summary>
    public string TraceId => SharedId(TraceSequence);

    /// <summary>The server that accepted it.</summary>
    public string HostName => _envelope.HostName;

    /// <summary>The envelope sender (MAIL FROM); empty for the null reverse-path.</summary>
    public string Sender => _envelope.Sender;

    /// <summary>The envelope recipients accepted for it on this server.</summary>
    public IReadOnlyList<string> Recipients => _envelope.Recipients;

    public byte[] Data { get; }

    /// <summary>The server, envelope and offset of the time received, as many messages share them (see <see cref="Envelope"/>).</summary>
    internal Envelope Facts => _envelope;

    /// <summary>When it was received, in UTC ticks (the offset is the envelope's).</summary>
    internal long ReceivedUtcTicks => _envelope.ReceivedHighTicks | _receivedLowTicks;

    public long Size => Data.Length;

    public DateTimeOffset Received => new DateTimeOffset(ReceivedUtcTicks, TimeSpan.Zero).ToOffset(_envelope.ReceivedOffset);

    /// <summary>The Subject header, decoded by MimeKit (read at cleanup on the first hop, else parsed on first use).</summary>
    public string Subject => (_summary ?? Summary).Subject;

    /// <summary>The From header as written in the message.</summary>
    public string HeaderFrom => (_summary ?? Summary).From;

    /// <summary>Subject and From already read from this message's header block (by cleanup), so they need no second parse.</summary>
    internal void KnowHeaders(string subject, string from) =>
        _summary = HeaderSummary.Shared(new HeaderSummary(SharedText.Share(subject), SharedText.Share(from), null, HopRead: false));

    /// <summary>
    /// The previous MailLab hop as "server/id", read from the second Received header (ours is the
    /// first): the same for every copy that hop relays of one queue entry, so the last hop can tell
    /// a retry after the sender crashed from new mail. Null for mail submitted here.
    /// </summary>
    public string? PreviousHop => Summary.PreviousHop;

    /// <summary>The same message (same bytes, same ids) for a subset of its recipients.</summary>
    public StoredMessage WithRecipients(IReadOnlyList<string> recipients) =>
        new(Sequence, HostName, Sender, SharedText.Share(recipients), _envelope.ReceivedOffset, Data, ReceivedUtcTicks, TraceSequence) { _summary = _summary };

    public static string FormatId(long sequence) => $"ML{sequence:X8}";

    /// <summary>The id of the message with this sequence, the string its <see cref="Id"/> will return while it is recent.</summary>
    internal static string IdOf(long sequence) => SharedId(sequence);

    /// <summary>
    /// Whether <paramref name="id"/> is exactly what <see cref="FormatId"/> writes for a sequence of 0
    /// or more (upper-case hex, at least 8 digits, no extra leading zero), and which: then the
    /// sequence alone gives the id back, so the trace can keep the number instead of the text.
    /// With <paramref name="ignoreCase"/>: whether it is that id in any case (as an ordinal
    /// comparison ignoring case would find it equal).
    /// </summary>
    internal static bool TryParseFormattedId(string id, out long sequence, bool ignoreCase = false)
    {
        sequence = 0;
        var fold = ignoreCase ? 0x20 : 0; // ASCII letters differ in case by this bit only
        if (id.Length is < 10 or > 18 || (id[0] | fold) != ('M' | fold) || (id[1] | fold) != ('L' | fold) || (id.Length > 10 && id[2] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in id.AsSpan(2))
        {
            var letter = ignoreCase && c is >= 'a' and <= 'f' ? (char)(c - 0x20) : c;
            var digit = c is >= '0' and <= '9' ? c - '0' : letter is >= 'A' and <= 'F' ? letter - 'A' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)digit;
        }

        if (value > long.MaxValue)
        {
            return false;
        }

        sequence = (long)value;
        return true;
    }

    public static bool TryParseId(string id, out long sequence)
    {
        sequence = 0;
        return id.Length > 2 && id.StartsWith("ML", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(id.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out sequence);
    }

    // The ids of the most recent messages, a slot per sequence modulo the table's size: the trace
    // events of one message (received, cleanup, queued, delivered) name it by one string, and a
    // message that has left the trace keeps no id string of its own.
    private const int IdSlots = 4096;
    private static readonly IdText?[] Ids = new IdText?[IdSlots];

    private static string SharedId(long sequence)
    {
        ref var slot = ref Ids[sequence & (IdSlots - 1)];
        if (Volatile.Read(ref slot) is { } known && known.Sequence == sequence)
        {
            return known.Text;
        }

        var text = FormatId(sequence);
        Volatile.Write(ref slot, new IdText(sequence, text));
        return text;
    }

    private sealed record IdText(long Sequence, string Text);

    /// <summary>The facts with the previous hop read (parsed from the bytes on first use).</summary>
    private HeaderSummary Summary
    {
        get
        {
            var summary = _summary;
            if (summary is { HopRead: true })
            {
                return summary;
            }

            return _summary = ReadSummary(summary);
        }
    }

    private HeaderSummary ReadSummary(HeaderSummary? known)
    {
        using var stream = new MemoryStream(Data, writable: false);
        if (Delivery.HeaderFacts.Read(stream) is not { } headers)
        {
            return HeaderSummary.Shared(new HeaderSummary(known?.Subject ?? string.Empty, known?.From ?? string.Empty, null, HopRead: true));
        }

        var previous = headers.SecondReceived?.Value is { } received && PreviousHopPattern().Match(received) is { Success: true } hop
            ? $"{hop.Groups[1].Value.ToLowerInvariant()}/{hop.Groups[2].Value.ToUpperInvariant()}"
            : null;
        var subject = known?.Subject ?? SharedText.Share(headers.Subject?.Value ?? string.Empty);
        var from = known?.From ?? SharedText.Share(headers.From?.Value ?? string.Empty);
        var read = new HeaderSummary(subject, from, previous, HopRead: true);
        return previous is null ? HeaderSummary.Shared(read) : read;
    }

    /// <summary>"… by mail.ru with ESMTP id ML00000004; …" as MailLab's cleanup writes it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bby\s+(\S+)\s.*?\bid\s+(ML[0-9A-Fa-f]{8})\b", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex PreviousHopPattern();

    /// <param name="HopRead">Whether <paramref name="PreviousHop"/> was read from the bytes (cleanup knows Subject and From only).</param>
    private sealed record HeaderSummary(string Subject, string From, string? PreviousHop, bool HopRead)
    {
        // The last summary shared, per kind (known at cleanup, or read with no previous hop): a
        // run of messages with one subject from one sender shares one object.
        private static readonly HeaderSummary?[] Last = new HeaderSummary?[2];

        /// <summary>The summary kept for an equal one without a previous hop, or <paramref name="summary"/>, now kept.</summary>
        public static HeaderSummary Shared(HeaderSummary summary)
        {
            ref var slot = ref Last[summary.HopRead ? 1 : 0];
            if (Volatile.Read(ref slot) is { } known && known.Equals(summary))
            {
                return known;
            }

            Volatile.Write(ref slot, summary);
            return summary;
        }
    }

    /// <summary>
    /// What many messages have alike: the server that accepted them, their envelope, the offset of
    /// their time received and its ticks above the low 32 bits; the first copy's sequence of a
    /// message whose own is more than 32 bits past it (null for the others).
    /// </summary>
    internal sealed record Envelope(string HostName, string Sender, IReadOnlyList<string> Recipients, TimeSpan ReceivedOffset, long ReceivedHighTicks, long? TraceSequence)
    {
        // A fixed table like SharedText's: a different envelope with the same slot takes it over.
        private const int Slots = 1024;
        private static readonly Envelope?[] Known = new Envelope?[Slots];

        /// <summary>
        /// The envelope kept for these values, or a new one, now kept. Texts and recipient lists
        /// compare by reference: they come from <see cref="SharedText"/>, so equal ones are mostly
        /// the same object, and a miss only costs an envelope of the message's own.
        /// </summary>
        public static Envelope Shared(string hostName, string sender, IReadOnlyList<string> recipients, TimeSpan offset, long highTicks, long? traceSequence)
        {
            ref var slot = ref Known[HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(hostName), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(sender), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(recipients), offset, highTicks, traceSequence) & (Slots - 1)];
            if (Volatile.Read(ref slot) is { } known && ReferenceEquals(known.HostName, hostName) && ReferenceEquals(known.Sender, sender) && ReferenceEquals(known.Recipients, recipients)
                && known.ReceivedOffset == offset && known.ReceivedHighTicks == highTicks && known.TraceSequence == traceSequence)
            {
                return known;
            }

            var created = new Envelope(hostName, sender, recipients, offset, highTicks, traceSequence);
            Volatile.Write(ref slot, created);
            return created;
        }
    }
}
