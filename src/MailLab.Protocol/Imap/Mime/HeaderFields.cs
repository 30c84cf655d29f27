using System.Text;

namespace MailLab.Protocol.Imap.Mime;

/// <summary>HEADER.FIELDS and HEADER.FIELDS.NOT (RFC 9051 §6.4.5): the header lines kept as they are, folding included, and the blank line.</summary>
internal static class HeaderFields
{
    public static ReadOnlyMemory<byte> Filter(ReadOnlyMemory<byte> header, IReadOnlyList<string> names, bool not)
    {
        var span = header.Span;
        var wanted = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        var result = new List<byte>();
        var pos = 0;
        while (pos < span.Length)
        {
            // One field: its first line and every continuation line (starting with SP or HTAB).
            var start = pos;
            var lineEnd = NextLine(span, pos);
            if (lineEnd - start <= 2 && (span[start] == '\r' || span[start] == '\n'))
            {
                break;
            }

            pos = lineEnd;
            while (pos < span.Length && (span[pos] == ' ' || span[pos] == '\t'))
            {
                pos = NextLine(span, pos);
            }

            var field = span[start..pos];
            var colon = field.IndexOf((byte)':');
            var name = colon > 0 ? Encoding.ASCII.GetString(field[..colon]).TrimEnd() : string.Empty;
            if (name.Length > 0 && wanted.Contains(name) != not)
            {
                result.AddRange(field.ToArray());
            }
        }

        result.Add((byte)'\r');
        result.Add((byte)'\n');
        return result.ToArray();
    }

    private static int NextLine(ReadOnlySpan<byte> span, int pos)
    {
        var lf = span[pos..].IndexOf((byte)'\n');
        return lf < 0 ? span.Length : pos + lf + 1;
    }
}
