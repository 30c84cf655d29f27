namespace MailLab.Protocol.Imap.Parsing;

/// <summary>The search keys of RFC 9051 §6.4.4 (and RFC 3501's NEW/OLD/RECENT, RFC 7162's MODSEQ).</summary>
internal enum SearchKeyKind
{
    All,
    And,
    Or,
    Not,
    SequenceSet,
    Uid,
    Flag,
    NoFlag,
    Header,
    Body,
    Text,
    Before,
    On,
    Since,
    SentBefore,
    SentOn,
    SentSince,
    Larger,
    Smaller,
    ModSeq,
    New,
    Old,
    Recent,
    Unrecent,
}

/// <summary>
/// One node of a parsed search: a leaf (flag, header match, date, size, set) or AND / OR / NOT
/// of <see cref="Children"/>. <see cref="Text"/> holds the flag, header name or date text;
/// <see cref="Value"/> the string searched for.
/// </summary>
internal sealed record SearchKey(SearchKeyKind Kind)
{
    public IReadOnlyList<SearchKey> Children { get; init; } = [];

    public string? Text { get; init; }

    public string? Value { get; init; }

    public DateOnly Date { get; init; }

    public ulong Number { get; init; }

    public SequenceSet? Set { get; init; }

    /// <summary>Whether a key needs the MIME parse (headers, body, text, sent dates).</summary>
    public bool NeedsContent => Kind switch
    {
        SearchKeyKind.Header or SearchKeyKind.Body or SearchKeyKind.Text or SearchKeyKind.SentBefore or SearchKeyKind.SentOn or SearchKeyKind.SentSince => true,
        _ => Children.Any(c => c.NeedsContent),
    };
}

/// <summary>
/// A SEARCH command's program (RFC 9051 §6.4.4): CHARSET, the ESEARCH return options (RFC 4731,
/// RFC 5182 SAVE) and the keys, ANDed.
/// </summary>
internal sealed record SearchProgram(SearchKey Key, IReadOnlyList<string>? ReturnOptions, string? Charset);
