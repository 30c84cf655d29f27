namespace MailLab.Mail.Stores;

/// <summary>
/// One accepted message: its RFC 5322 bytes (with our Received header) and its envelope. The same
/// instance is shared by every mailbox it was delivered to, so a message is stored once.
/// </summary>
public sealed partial class StoredMessage
{
    private HeaderSummary? _summary;
    private string? _id;
    private string? _traceId;

    public StoredMessage(long sequence, string hostName, string sender, IReadOnlyList<string> recipients, byte[] data, DateTimeOffset received, long traceSequence = 0)
    {
        Sequence = sequence;
        TraceSequence = traceSequence == 0 ? sequence : traceSequence;
        HostName = hostName;
        Sender = SharedText.Share(sender);
        Recipients = SharedText.Share(recipients);
        Data = data;
        Received = received;
    }

    /// <summary>World-wide sequence number; the id is derived from it.</summary>
    public long Sequence { get; }

    public string Id => _id ??= FormatId(Sequence);

    /// <summary>The sequence of the first server's copy: the same across every hop of one message.</summary>
    public long TraceSequence { get; }

    /// <summary>The id that follows the message across hops (the first server's id).</summary>
    public string TraceId => _traceId ??= TraceSequence == Sequence ? Id : FormatId(TraceSequence);

    /// <summary>The server that accepted it.</summary>
    public string HostName { get; }

    /// <summary>The envelope sender (MAIL FROM); empty for the null reverse-path.</summary>
    public string Sender { get; }

    /// <summary>The envelope recipients accepted for it on this server.</summary>
    public IReadOnlyList<string> Recipients { get; }

    public byte[] Data { get; }

    public long Size => Data.Length;

    public DateTimeOffset Received { get; }

    /// <summary>The Subject header, decoded by MimeKit (read at cleanup on the first hop, else parsed on first use).</summary>
    public string Subject => _headers?.Subject ?? Summary.Subject;

    /// <summary>The From header as written in the message.</summary>
    public string HeaderFrom => _headers?.From ?? Summary.From;

    // Subject and From as cleanup read them from the header block it parses anyway (first hop only).
    private (string Subject, string From)? _headers;

    /// <summary>Subject and From already read from this message's header block (by cleanup), so they need no second parse.</summary>
    internal void KnowHeaders(string subject, string from) => _headers = (SharedText.Share(subject), SharedText.Share(from));

    /// <summary>
    /// The previous MailLab hop as "server/id", read from the second Received header (ours is the
    /// first): the same for every copy that hop relays of one queue entry, so the last hop can tell
    /// a retry after the sender crashed from new mail. Null for mail submitted here.
    /// </summary>
    public string? PreviousHop => Summary.PreviousHop;

    /// <summary>The same message (same bytes, same ids) for a subset of its recipients.</summary>
    public StoredMessage WithRecipients(IReadOnlyList<string> recipients) =>
        new(Sequence, HostName, Sender, recipients, Data, Received, TraceSequence) { _summary = _summary, _headers = _headers, _id = _id, _traceId = _traceId };

    public static string FormatId(long sequence) => $"ML{sequence:X8}";

    public static bool TryParseId(string id, out long sequence)
    {
        sequence = 0;
        return id.Length > 2 && id.StartsWith("ML", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(id.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out sequence);
    }

    private HeaderSummary Summary => _summary ??= ReadSummary();

    private HeaderSummary ReadSummary()
    {
        using var stream = new MemoryStream(Data, writable: false);
        if (Delivery.HeaderFacts.Read(stream) is not { } headers)
        {
            return new HeaderSummary(string.Empty, string.Empty, null);
        }

        var previous = headers.SecondReceived?.Value is { } received && PreviousHopPattern().Match(received) is { Success: true } hop
            ? $"{hop.Groups[1].Value.ToLowerInvariant()}/{hop.Groups[2].Value.ToUpperInvariant()}"
            : null;
        if (previous is null && _headers is not null)
        {
            return NoPreviousHop; // Subject and From are known already: nothing of this message's own to keep
        }

        return new HeaderSummary(SharedText.Share(headers.Subject?.Value ?? string.Empty), SharedText.Share(headers.From?.Value ?? string.Empty), previous);
    }

    /// <summary>"… by mail.ru with ESMTP id ML00000004; …" as MailLab's cleanup writes it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bby\s+(\S+)\s.*?\bid\s+(ML[0-9A-Fa-f]{8})\b", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex PreviousHopPattern();

    private static readonly HeaderSummary NoPreviousHop = new(string.Empty, string.Empty, null);

    private sealed record HeaderSummary(string Subject, string From, string? PreviousHop);
}
