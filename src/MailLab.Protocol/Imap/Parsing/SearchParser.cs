using System.Globalization;

namespace MailLab.Protocol.Imap.Parsing;

/// <summary>Parses SEARCH arguments (RFC 9051 §6.4.4) with parentheses nested to a limit.</summary>
internal static class SearchParser
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>
    /// <c>[RETURN (opts)] [CHARSET x] key *(SP key)</c>; the reader stands after "SEARCH ".
    /// RETURN is only recognised when <paramref name="allowReturn"/> (ESEARCH is on).
    /// </summary>
    public static SearchProgram Parse(ImapReader reader, int maxDepth, bool allowReturn)
    {
        var options = allowReturn ? ReadReturnOptions(reader) : null;
        string? charset = null;
        if (reader.TryConsumeWord("CHARSET"))
        {
            reader.Space();
            charset = reader.ReadAstring("a charset");
            reader.Space();
        }

        return new SearchProgram(ReadKeys(reader, maxDepth), options, charset);
    }

    /// <summary><c>RETURN (opts) SP</c> (RFC 4731 §3.1, RFC 5267 §3.1), or null when the command has none.</summary>
    public static List<string>? ReadReturnOptions(ImapReader reader)
    {
        if (!reader.TryConsumeWord("RETURN"))
        {
            return null;
        }

        reader.Space();
        reader.Expect('(', "'(' opening the RETURN options");
        var options = new List<string>();
        while (!reader.TryConsume(')'))
        {
            if (options.Count > 0)
            {
                reader.Space();
            }

            options.Add(reader.ReadAtom("a return option").ToUpperInvariant());
        }

        reader.Space();
        return options;
    }

    /// <summary><c>search-key *(SP search-key)</c> to the end of the command, ANDed.</summary>
    public static SearchKey ReadKeys(ImapReader reader, int maxDepth)
    {
        var keys = new List<SearchKey> { ReadKey(reader, maxDepth, 0) };
        while (reader.TryConsume(' '))
        {
            keys.Add(ReadKey(reader, maxDepth, 0));
        }

        reader.End();
        return keys.Count == 1 ? keys[0] : new SearchKey(SearchKeyKind.And) { Children = keys };
    }

    private static SearchKey ReadKey(ImapReader r, int maxDepth, int depth)
    {
        if (depth > maxDepth)
        {
            throw new ImapSyntaxException("search keys nested too deeply");
        }

        if (r.TryConsume('('))
        {
            var keys = new List<SearchKey> { ReadKey(r, maxDepth, depth + 1) };
            while (r.TryConsume(' '))
            {
                keys.Add(ReadKey(r, maxDepth, depth + 1));
            }

            r.Expect(')', "')' closing the search key list");
            return keys.Count == 1 ? keys[0] : new SearchKey(SearchKeyKind.And) { Children = keys };
        }

        var c = r.Peek();
        if (c == '*' || c == '$' || (c >= '0' && c <= '9'))
        {
            return new SearchKey(SearchKeyKind.SequenceSet) { Set = r.ReadSequenceSet() };
        }

        var word = r.ReadAtom("a search key").ToUpperInvariant();
        switch (word)
        {
            case "ALL": return new SearchKey(SearchKeyKind.All);
            case "ANSWERED": return Flag(@"\Answered");
            case "DELETED": return Flag(@"\Deleted");
            case "DRAFT": return Flag(@"\Draft");
            case "FLAGGED": return Flag(@"\Flagged");
            case "SEEN": return Flag(@"\Seen");
            case "UNANSWERED": return NoFlag(@"\Answered");
            case "UNDELETED": return NoFlag(@"\Deleted");
            case "UNDRAFT": return NoFlag(@"\Draft");
            case "UNFLAGGED": return NoFlag(@"\Flagged");
            case "UNSEEN": return NoFlag(@"\Seen");
            case "NEW": return new SearchKey(SearchKeyKind.New);
            case "OLD": return new SearchKey(SearchKeyKind.Old);
            case "RECENT": return new SearchKey(SearchKeyKind.Recent);
            case "UNRECENT": return new SearchKey(SearchKeyKind.Unrecent);
            case "KEYWORD":
                r.Space();
                return Flag(r.ReadAtom("a keyword"));
            case "UNKEYWORD":
                r.Space();
                return NoFlag(r.ReadAtom("a keyword"));
            case "BCC" or "CC" or "FROM" or "SUBJECT" or "TO":
                r.Space();
                return new SearchKey(SearchKeyKind.Header) { Text = word, Value = r.ReadAstring() };
            case "HEADER":
                r.Space();
                var field = r.ReadAstring("a header field name");
                r.Space();
                return new SearchKey(SearchKeyKind.Header) { Text = field, Value = r.ReadAstring() };
            case "BODY":
                r.Space();
                return new SearchKey(SearchKeyKind.Body) { Value = r.ReadAstring() };
            case "TEXT":
                r.Space();
                return new SearchKey(SearchKeyKind.Text) { Value = r.ReadAstring() };
            case "BEFORE": return DateKey(r, SearchKeyKind.Before);
            case "ON": return DateKey(r, SearchKeyKind.On);
            case "SINCE": return DateKey(r, SearchKeyKind.Since);
            case "SENTBEFORE": return DateKey(r, SearchKeyKind.SentBefore);
            case "SENTON": return DateKey(r, SearchKeyKind.SentOn);
            case "SENTSINCE": return DateKey(r, SearchKeyKind.SentSince);
            case "LARGER":
                r.Space();
                return new SearchKey(SearchKeyKind.Larger) { Number = r.ReadNumber64() };
            case "SMALLER":
                r.Space();
                return new SearchKey(SearchKeyKind.Smaller) { Number = r.ReadNumber64() };
            case "UID":
                r.Space();
                return new SearchKey(SearchKeyKind.Uid) { Set = r.ReadSequenceSet() };
            case "NOT":
                r.Space();
                return new SearchKey(SearchKeyKind.Not) { Children = [ReadKey(r, maxDepth, depth + 1)] };
            case "OR":
                r.Space();
                var left = ReadKey(r, maxDepth, depth + 1);
                r.Space();
                var right = ReadKey(r, maxDepth, depth + 1);
                return new SearchKey(SearchKeyKind.Or) { Children = [left, right] };
            case "MODSEQ":
                // RFC 7162 §3.1.5: MODSEQ [entry-name entry-type-req] mod-sequence-valzer.
                r.Space();
                if (r.Peek() == '"')
                {
                    r.ReadQuoted();
                    r.Space();
                    r.ReadAtom("an entry type");
                    r.Space();
                }

                return new SearchKey(SearchKeyKind.ModSeq) { Number = r.ReadNumber64() };
            default:
                throw new ImapSyntaxException($"unknown search key {word}");
        }
    }

    private static SearchKey Flag(string flag) => new(SearchKeyKind.Flag) { Text = flag };

    private static SearchKey NoFlag(string flag) => new(SearchKeyKind.NoFlag) { Text = flag };

    private static SearchKey DateKey(ImapReader r, SearchKeyKind kind)
    {
        r.Space();
        return new SearchKey(kind) { Date = ReadDate(r) };
    }

    /// <summary>date = date-text / DQUOTE date-text DQUOTE; date-text = date-day "-" date-month "-" date-year.</summary>
    public static DateOnly ReadDate(ImapReader r)
    {
        var quoted = r.Peek() == '"';
        var text = quoted ? r.ReadQuoted() : r.ReadAtom("a date");
        var parts = text.Split('-');
        if (parts.Length != 3 || parts[0].Length is < 1 or > 2 || parts[2].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new ImapSyntaxException($"invalid date {text}");
        }

        var month = Array.IndexOf(Months, parts[1].ToUpperInvariant()) + 1;
        if (month == 0 || year < 1 || day > DateTime.DaysInMonth(year, month) || day < 1)
        {
            throw new ImapSyntaxException($"invalid date {text}");
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE (APPEND).</summary>
    public static DateTimeOffset ReadDateTime(ImapReader r)
    {
        var text = r.ReadQuoted();
        if (TryParseImapDateTime(text, out var value))
        {
            return value;
        }

        throw new ImapSyntaxException($"invalid date-time \"{text}\"");
    }

    private static bool TryParseImapDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        var t = text.TrimStart();
        var parts = t.Split(' ');
        if (parts.Length != 3 || parts[2].Length != 5 || (parts[2][0] != '+' && parts[2][0] != '-'))
        {
            return false;
        }

        var dateParts = parts[0].Split('-');
        if (dateParts.Length != 3)
        {
            return false;
        }

        var month = Array.IndexOf(Months, dateParts[1].ToUpperInvariant()) + 1;
        if (month == 0
            || !int.TryParse(dateParts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(dateParts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !int.TryParse(parts[2].AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var zh)
            || !int.TryParse(parts[2].AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var zm)
            || year < 1 || year > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month) || zh > 14 || zm > 59)
        {
            return false;
        }

        var offset = new TimeSpan(zh, zm, 0) * (parts[2][0] == '-' ? -1 : 1);
        value = new DateTimeOffset(new DateOnly(year, month, day), time, offset);
        return true;
    }
}
