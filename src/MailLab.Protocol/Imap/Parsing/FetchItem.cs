namespace MailLab.Protocol.Imap.Parsing;

/// <summary>The FETCH data items of RFC 9051 §6.4.5 (BINARY from RFC 3516, MODSEQ from RFC 7162).</summary>
internal enum FetchKind
{
    Flags,
    InternalDate,
    Rfc822Size,
    Uid,
    Envelope,
    Body,
    BodyStructure,
    ModSeq,
    Rfc822,
    Rfc822Header,
    Rfc822Text,
    BodySection,
    BinarySection,
    BinarySize,
}

/// <summary>What part of a section is wanted (RFC 9051 §6.4.5 section-msgtext / section-text).</summary>
internal enum SectionText
{
    /// <summary>The whole part (<c>BODY[]</c>, <c>BODY[1.2]</c>).</summary>
    None,
    Header,
    HeaderFields,
    HeaderFieldsNot,
    Text,
    Mime,
}

/// <summary>A section spec: a part path (empty for the whole message), what of it, and header names.</summary>
internal sealed record SectionSpec(IReadOnlyList<int> Part, SectionText Text, IReadOnlyList<string> Fields)
{
    public static readonly SectionSpec Whole = new([], SectionText.None, []);

    /// <summary>The section as echoed in the response: <c>1.2.HEADER.FIELDS (FROM TO)</c>.</summary>
    public override string ToString()
    {
        var part = string.Join('.', Part);
        var text = Text switch
        {
            SectionText.Header => "HEADER",
            SectionText.HeaderFields => "HEADER.FIELDS (" + string.Join(' ', Fields.Select(f => f.ToUpperInvariant())) + ")",
            SectionText.HeaderFieldsNot => "HEADER.FIELDS.NOT (" + string.Join(' ', Fields.Select(f => f.ToUpperInvariant())) + ")",
            SectionText.Text => "TEXT",
            SectionText.Mime => "MIME",
            _ => string.Empty,
        };
        return part.Length > 0 && text.Length > 0 ? part + "." + text : part + text;
    }
}

/// <summary>One FETCH item; <see cref="Peek"/> for BODY.PEEK / BINARY.PEEK, <see cref="Partial"/> for <c>&lt;start.length&gt;</c>.</summary>
internal sealed record FetchItem(FetchKind Kind)
{
    public SectionSpec Section { get; init; } = SectionSpec.Whole;

    public bool Peek { get; init; }

    public (long Start, long Length)? Partial { get; init; }

    /// <summary>Whether the item sets \Seen when fetched (RFC 9051 §6.4.5: BODY[…], BINARY[…], RFC822, RFC822.TEXT).</summary>
    public bool SetsSeen => !Peek && Kind is FetchKind.BodySection or FetchKind.BinarySection or FetchKind.Rfc822 or FetchKind.Rfc822Text;
}

/// <summary>A FETCH command's items and modifiers (CHANGEDSINCE, VANISHED: RFC 7162 §3.1.4, §3.2.6).</summary>
internal sealed record FetchRequest(IReadOnlyList<FetchItem> Items, ulong? ChangedSince, bool Vanished);
