namespace MailLab.Protocol.Imap.Parsing;

/// <summary>The sort keys of RFC 5256 §3 and RFC 5957's DISPLAYFROM / DISPLAYTO.</summary>
internal enum SortKeyKind
{
    Arrival,
    Cc,
    Date,
    From,
    Size,
    Subject,
    To,
    DisplayFrom,
    DisplayTo,
}

/// <summary>One sort criterion: a key, REVERSE or not (REVERSE applies to the key it precedes only).</summary>
internal sealed record SortCriterion(SortKeyKind Key, bool Reverse);

/// <summary>
/// A SORT command's program (RFC 5256 §3): the ESORT return options (RFC 5267 §3.1, null for a
/// plain <c>* SORT</c>), the criteria, the charset and the search keys, ANDed.
/// </summary>
internal sealed record SortProgram(IReadOnlyList<string>? ReturnOptions, IReadOnlyList<SortCriterion> Criteria, string Charset, SearchKey Key);
