using System.Text;
using MailLab.Protocol.Imap.Parsing;
using MimeKit;

namespace MailLab.Protocol.Imap;

/// <summary>
/// Decides whether a message matches a search key (RFC 9051 §6.4.4). Header, body and text
/// matching use MimeKit's parse (decoded header values, decoded text parts); strings match as
/// case-insensitive substrings. Dates compare by day, disregarding time and zone.
/// </summary>
internal sealed class SearchEvaluator(IReadOnlyList<SessionMessage> messages, IReadOnlyCollection<uint> saved)
{
    private readonly uint _largestUid = messages.Count == 0 ? 0 : messages[^1].Uid;
    private readonly HashSet<uint> _saved = [.. saved];

    public bool Matches(SearchKey key, SessionMessage message, int sequence) => key.Kind switch
    {
        SearchKeyKind.All => true,
        SearchKeyKind.And => key.Children.All(c => Matches(c, message, sequence)),
        SearchKeyKind.Or => key.Children.Any(c => Matches(c, message, sequence)),
        SearchKeyKind.Not => !Matches(key.Children[0], message, sequence),
        SearchKeyKind.SequenceSet => key.Set!.IsSaved ? _saved.Contains(message.Uid) : key.Set.Contains((uint)sequence, (uint)messages.Count),
        SearchKeyKind.Uid => key.Set!.IsSaved ? _saved.Contains(message.Uid) : key.Set.Contains(message.Uid, _largestUid),
        SearchKeyKind.Flag => message.HasFlag(key.Text!),
        SearchKeyKind.NoFlag => !message.HasFlag(key.Text!),
        SearchKeyKind.New => message.Recent && !message.HasFlag(@"\Seen"),
        SearchKeyKind.Old => !message.Recent,
        SearchKeyKind.Recent => message.Recent,
        SearchKeyKind.Unrecent => !message.Recent,
        SearchKeyKind.Larger => (ulong)message.Size > key.Number,
        SearchKeyKind.Smaller => (ulong)message.Size < key.Number,
        SearchKeyKind.ModSeq => message.ModSeq >= key.Number,
        SearchKeyKind.Before => Day(message.InternalDate) < key.Date,
        SearchKeyKind.On => Day(message.InternalDate) == key.Date,
        SearchKeyKind.Since => Day(message.InternalDate) >= key.Date,
        SearchKeyKind.SentBefore => SentDay(message) < key.Date,
        SearchKeyKind.SentOn => SentDay(message) == key.Date,
        SearchKeyKind.SentSince => SentDay(message) >= key.Date,
        SearchKeyKind.Header => Header(message.Parsed.Message, key.Text!, key.Value!),
        SearchKeyKind.Body => Contains(BodyText(message.Parsed.Message), key.Value!),
        SearchKeyKind.Text => Contains(HeaderText(message.Parsed.Message), key.Value!) || Contains(BodyText(message.Parsed.Message), key.Value!),
        _ => false,
    };

    private static DateOnly Day(DateTimeOffset value) => DateOnly.FromDateTime(value.DateTime);

    /// <summary>The Date header's day; a message without one (or with one that does not parse) uses its internal date.</summary>
    private static DateOnly SentDay(SessionMessage message) => Day(message.SentDate);

    /// <summary>HEADER field string: an empty string matches any message with the field (RFC 9051 §6.4.4).</summary>
    private static bool Header(MimeMessage message, string field, string value)
    {
        foreach (var header in message.Headers)
        {
            if (header.Field.Equals(field, StringComparison.OrdinalIgnoreCase) && (value.Length == 0 || Contains(header.Value, value) || AddressContains(header, value)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> AddressFields = new(["From", "Sender", "Reply-To", "To", "Cc", "Bcc"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// FROM, TO, CC, BCC and HEADER of an address field also match the addresses as MimeKit parses
    /// them, so that comments and folding inside an address (RFC 5322 §3.4,
    /// <c>&lt;user (c)@ (c) domain.org&gt;</c>) do not hide it (imaptest search-addresses).
    /// </summary>
    private static bool AddressContains(Header header, string value) =>
        AddressFields.Contains(header.Field)
        && InternetAddressList.TryParse(header.Value, out var list)
        && list.Mailboxes.Any(m => Contains(m.Address, value) || Contains(m.Name, value));

    private static string HeaderText(MimeMessage message)
    {
        var sb = new StringBuilder();
        foreach (var header in message.Headers)
        {
            sb.Append(header.Field).Append(": ").Append(header.Value).Append('\n');
        }

        return sb.ToString();
    }

    private static string BodyText(MimeMessage message)
    {
        var sb = new StringBuilder();
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            sb.Append(part.Text).Append('\n');
        }

        return sb.ToString();
    }

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}
