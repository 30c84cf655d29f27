using MailLab.Protocol.Common;

namespace MailLab.Protocol.Pop3;

/// <summary>
/// The body of a multi-line response (RFC 1939 §3): every line that starts with "." gets another
/// "." in front (byte-stuffing), and the body always ends with CRLF so the terminating ".CRLF"
/// that the session writes after it stands on a line of its own.
/// </summary>
public static class Pop3MultiLineWriter
{
    /// <summary>
    /// Writes <paramref name="content"/> byte-stuffed; returns the octets written. A line starts at
    /// the beginning and after every LF, so a stray bare LF cannot smuggle an unstuffed "." to a
    /// lenient client either. Content that does not end with CRLF gets one.
    /// </summary>
    public static long WriteStuffed(ReadOnlySpan<byte> content, PooledByteBuffer output)
    {
        long written = 0;
        var rest = content;
        while (!rest.IsEmpty)
        {
            if (rest[0] == (byte)'.')
            {
                output.WriteByte((byte)'.');
                written++;
            }

            var lf = rest.IndexOf((byte)'\n');
            var line = lf < 0 ? rest : rest[..(lf + 1)];
            output.Write(line);
            written += line.Length;
            rest = rest[line.Length..];
        }

        if (!content.IsEmpty && !content.EndsWith("\r\n"u8))
        {
            output.Write("\r\n"u8);
            written += 2;
        }

        return written;
    }

    /// <summary>
    /// How many leading octets of a message TOP sends (RFC 1939 §7): the header section, the empty
    /// line after it, then at most <paramref name="bodyLines"/> lines of the body. A message without
    /// an empty line is all header and is sent whole; so is one with fewer body lines than asked.
    /// </summary>
    public static int TopLength(ReadOnlySpan<byte> content, int bodyLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bodyLines);
        var pos = 0;
        var sawEmptyLine = false;
        while (pos < content.Length && !sawEmptyLine)
        {
            var lf = content[pos..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return content.Length;
            }

            // RFC 5322 §2.1: the header section ends at the first empty line (CRLF alone; bare LF tolerated).
            sawEmptyLine = lf == 0 || (lf == 1 && content[pos] == (byte)'\r');
            pos += lf + 1;
        }

        if (!sawEmptyLine)
        {
            return content.Length;
        }

        for (var i = 0; i < bodyLines && pos < content.Length; i++)
        {
            var lf = content[pos..].IndexOf((byte)'\n');
            pos = lf < 0 ? content.Length : pos + lf + 1;
        }

        return pos;
    }
}
