using MailLab.Protocol.Imap.Parsing;
using MimeKit;

namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// Orders messages by SORT criteria (RFC 5256 §3, RFC 5957 §3), from MimeKit's parse of the
/// stored bytes (decoded subject and addresses). Each criterion compares its own key, REVERSE
/// turning that comparison round; messages equal on every criterion keep sequence order, which
/// REVERSE does not touch ("ties are broken by sequence number", §3).
/// </summary>
internal static class MessageSorter
{
    /// <summary>The messages (in sequence order) sorted by <paramref name="criteria"/>.</summary>
    public static List<SessionMessage> Sort(IReadOnlyList<SessionMessage> messages, IReadOnlyList<SortCriterion> criteria)
    {
        var keys = new IComparable[messages.Count][];
        for (var i = 0; i < messages.Count; i++)
        {
            keys[i] = [.. criteria.Select(c => KeyOf(messages[i], c.Key))];
        }

        var order = Enumerable.Range(0, messages.Count).ToArray();
        Array.Sort(order, (x, y) =>
        {
            for (var c = 0; c < criteria.Count; c++)
            {
                var diff = keys[x][c] is string a && keys[y][c] is string b ? UnicodeCasemap.CompareFolded(a, b) : keys[x][c].CompareTo(keys[y][c]);
                if (diff != 0)
                {
                    return criteria[c].Reverse ? -diff : diff;
                }
            }

            return x.CompareTo(y);
        });
        return [.. order.Select(i => messages[i])];
    }

    /// <summary>The key of one criterion: a number, or a string case-folded (<see cref="UnicodeCasemap"/>).</summary>
    private static IComparable KeyOf(SessionMessage message, SortKeyKind key) => key switch
    {
        SortKeyKind.Arrival => message.InternalDate.UtcTicks,
        SortKeyKind.Date => message.SentDate.UtcTicks,
        SortKeyKind.Size => message.Size,
        SortKeyKind.Subject => UnicodeCasemap.Fold(BaseSubject.Of(message.Parsed.Message.Subject)),
        SortKeyKind.From => UnicodeCasemap.Fold(AddrMailbox(message.Parsed.Message.From)),
        SortKeyKind.To => UnicodeCasemap.Fold(AddrMailbox(message.Parsed.Message.To)),
        SortKeyKind.Cc => UnicodeCasemap.Fold(AddrMailbox(message.Parsed.Message.Cc)),
        SortKeyKind.DisplayFrom => UnicodeCasemap.Fold(Display(message.Parsed.Message.From)),
        SortKeyKind.DisplayTo => UnicodeCasemap.Fold(Display(message.Parsed.Message.To)),
        _ => string.Empty,
    };

    /// <summary>
    /// The addr-mailbox of the first address (RFC 5256 §3, from the ENVELOPE's address list): a
    /// mailbox's local part; a group's start has its name there (RFC 9051 §7.5.2); none is "".
    /// </summary>
    private static string AddrMailbox(InternetAddressList list) => list.FirstOrDefault() switch
    {
        MailboxAddress mailbox => mailbox.LocalPart ?? string.Empty,
        GroupAddress group => group.Name ?? string.Empty,
        _ => string.Empty,
    };

    /// <summary>RFC 5957 §3: the first address's display name (RFC 2047 decoded), else its addr-spec; a group shows its name.</summary>
    private static string Display(InternetAddressList list) => list.FirstOrDefault() switch
    {
        MailboxAddress mailbox => string.IsNullOrWhiteSpace(mailbox.Name) ? mailbox.Address ?? string.Empty : mailbox.Name.Trim(),
        GroupAddress group => group.Name ?? string.Empty,
        _ => string.Empty,
    };
}
