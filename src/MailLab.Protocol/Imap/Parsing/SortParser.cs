namespace MailLab.Protocol.Imap.Parsing;

/// <summary>Parses SORT arguments (RFC 5256 §5: <c>[RETURN (opts) SP] sort-criteria SP charset SP search-key *(SP search-key)</c>).</summary>
internal static class SortParser
{
    /// <summary>
    /// The reader stands after "SORT ". RETURN is only recognised when <paramref name="allowReturn"/>
    /// (ESORT is on), DISPLAYFROM and DISPLAYTO when <paramref name="allowDisplay"/> (SORT=DISPLAY).
    /// </summary>
    public static SortProgram Parse(ImapReader reader, int maxDepth, bool allowReturn, bool allowDisplay)
    {
        var options = allowReturn ? SearchParser.ReadReturnOptions(reader) : null;
        reader.Expect('(', "'(' opening the sort criteria");
        var criteria = new List<SortCriterion>();
        do
        {
            var reverse = reader.TryConsumeWord("REVERSE");
            if (reverse)
            {
                reader.Space();
            }

            var word = reader.ReadAtom("a sort key").ToUpperInvariant();
            SortKeyKind key = word switch
            {
                "ARRIVAL" => SortKeyKind.Arrival,
                "CC" => SortKeyKind.Cc,
                "DATE" => SortKeyKind.Date,
                "FROM" => SortKeyKind.From,
                "SIZE" => SortKeyKind.Size,
                "SUBJECT" => SortKeyKind.Subject,
                "TO" => SortKeyKind.To,
                "DISPLAYFROM" when allowDisplay => SortKeyKind.DisplayFrom,
                "DISPLAYTO" when allowDisplay => SortKeyKind.DisplayTo,
                _ => throw new ImapSyntaxException($"unknown sort key {word}"),
            };
            criteria.Add(new SortCriterion(key, reverse));
        }
        while (reader.TryConsume(' '));

        reader.Expect(')', "')' closing the sort criteria");
        reader.Space();
        var charset = reader.ReadAstring("a charset");
        reader.Space();
        return new SortProgram(options, criteria, charset, SearchParser.ReadKeys(reader, maxDepth));
    }
}
