using System.Text;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Reads a well-formed header block (RFC 5322 §2.2: "name:" fields of printable ASCII names, folded
/// lines starting with SP or HTAB, every line ended by CRLF, the block ended by an empty line) by
/// its octets, noting where the fields <see cref="HeaderFacts"/> needs are. It refuses (false) any
/// block it is not sure to read as MimeKit's reader does, which then reads it instead.
/// </summary>
internal static class HeaderScanner
{
    public static bool TryScan(ReadOnlyMemory<byte> content, out HeaderFacts facts)
    {
        facts = default;
        var span = content.Span;
        var received = 0;
        var (hasMessageId, hasDate) = (false, false);
        HeaderFacts.Field firstReceived = default, secondReceived = default, subject = default, from = default;
        var at = 0;
        while (true)
        {
            var end = LineEnd(span, at);
            if (end < 0)
            {
                return false; // no empty line, or a bare CR or LF: MimeKit's leniency decides
            }

            if (end == at)
            {
                break; // the empty line that ends the block
            }

            var colon = span.Slice(at, end - at).IndexOf((byte)':');
            if (colon <= 0 || !IsFieldName(span.Slice(at, colon)))
            {
                return false;
            }

            // The field goes on over lines that start with SP or HTAB (RFC 5322 §2.2.3).
            var fieldEnd = end + 2;
            while (fieldEnd < span.Length && span[fieldEnd] is (byte)' ' or (byte)'\t')
            {
                var next = LineEnd(span, fieldEnd);
                if (next < 0)
                {
                    return false;
                }

                fieldEnd = next + 2;
            }

            var name = span.Slice(at, colon);
            var field = new HeaderFacts.Field(content[at..fieldEnd], colon + 1);
            if (Ascii.EqualsIgnoreCase(name, "Received"u8))
            {
                received++;
                firstReceived = received == 1 ? field : firstReceived;
                secondReceived = received == 2 ? field : secondReceived;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Message-ID"u8))
            {
                hasMessageId = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Date"u8))
            {
                hasDate = true;
            }
            else if (subject.IsEmpty && Ascii.EqualsIgnoreCase(name, "Subject"u8))
            {
                subject = field;
            }
            else if (from.IsEmpty && Ascii.EqualsIgnoreCase(name, "From"u8))
            {
                from = field;
            }

            at = fieldEnd;
        }

        facts = new HeaderFacts(received, hasMessageId, hasDate, firstReceived, secondReceived, subject, from);
        return true;
    }

    /// <summary>Where the line starting at <paramref name="at"/> has its CRLF; −1 when it has none or holds a CR or LF of its own.</summary>
    private static int LineEnd(ReadOnlySpan<byte> span, int at)
    {
        var rest = span[at..];
        var cr = rest.IndexOfAny((byte)'\r', (byte)'\n');
        return cr >= 0 && rest[cr] == (byte)'\r' && cr + 1 < rest.Length && rest[cr + 1] == (byte)'\n' ? at + cr : -1;
    }

    /// <summary>RFC 5322 §3.6.8 ftext: printable US-ASCII except the colon (no SP, so "From " lines are refused).</summary>
    private static bool IsFieldName(ReadOnlySpan<byte> name) => name.IndexOfAnyExceptInRange((byte)33, (byte)126) < 0;
}
