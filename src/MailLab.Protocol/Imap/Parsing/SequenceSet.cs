namespace MailLab.Protocol.Imap.Parsing;

/// <summary>
/// One range of a sequence set; <see cref="Star"/> stands for <c>*</c>. That is 0, which no
/// seq-number or UID can be (nz-number, RFC 9051 §9), while 4294967295 is a valid UID: a range
/// <c>n:4294967295</c> above the largest UID holds nothing, <c>n:*</c> holds the largest.
/// </summary>
internal readonly record struct SequenceRange(uint First, uint Last)
{
    public const uint Star = 0;

    /// <summary>The range's ends, lowest first, when <c>*</c> is <paramref name="largest"/> (RFC 9051 §9: "x:*" includes it even when x is larger).</summary>
    public (uint First, uint Last) Resolve(uint largest)
    {
        var first = First == Star ? largest : First;
        var last = Last == Star ? largest : Last;
        return first <= last ? (first, last) : (last, first);
    }
}

/// <summary>
/// A sequence set (RFC 9051 §9): ranges of message sequence numbers or UIDs where <c>*</c> is the
/// largest in use, or <c>$</c>, the saved SEARCHRES result (RFC 5182).
/// </summary>
internal sealed record SequenceSet(IReadOnlyList<SequenceRange> Ranges, bool IsSaved)
{
    public static readonly SequenceSet Saved = new([], true);

    /// <summary>Whether <paramref name="value"/> is in the set when <c>*</c> is <paramref name="largest"/>.
    /// RFC 9051 §9: "*" is the largest number in use.</summary>
    public bool Contains(uint value, uint largest)
    {
        foreach (var r in Ranges)
        {
            var (first, last) = r.Resolve(largest);
            if (value >= first && value <= last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compact text of a set of numbers: <c>1:3,7</c> (for COPYUID, ESEARCH ALL, VANISHED).</summary>
    public static string Format(IEnumerable<uint> values)
    {
        var sorted = values.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? sorted[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{sorted[i]}:{sorted[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    /// <summary>Numbers in pairwise order, unsorted, with ranges where consecutive (COPYUID keeps the source's order, RFC 4315 §3).</summary>
    public static string FormatOrdered(IReadOnlyList<uint> values)
    {
        var parts = new List<string>();
        for (var i = 0; i < values.Count;)
        {
            var j = i;
            while (j + 1 < values.Count && values[j + 1] == values[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? values[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{values[i]}:{values[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
