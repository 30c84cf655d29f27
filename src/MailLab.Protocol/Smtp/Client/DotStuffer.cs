using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp.Client;

/// <summary>
/// Writes message content for DATA (RFC 5321 §4.5.2): a line that starts with "." gets another
/// "." in front, the content ends with CRLF, and "." CRLF ends the data. Only CRLF starts a line,
/// as on the receiving side (<see cref="DotUnstuffer"/>), so a bare LF followed by "." is sent as is
/// and can never be read as an end of data (the 2023 "SMTP smuggling" attack).
/// </summary>
public static class DotStuffer
{
    private static readonly byte[] LineStartDot = "\r\n."u8.ToArray();

    /// <summary>
    /// Writes <paramref name="content"/> stuffed and terminated; returns the octets of message content
    /// as the receiver counts them once it has removed the stuffing and the final "." line: the content
    /// and the CRLF added when it did not end with one (the size a <see cref="DotUnstuffer"/> reports).
    /// </summary>
    public static long Write(ReadOnlySpan<byte> content, PooledByteBuffer output)
    {
        long octets = content.Length;
        if (content.Length > 0 && content[0] == '.')
        {
            output.WriteByte((byte)'.');
        }

        while (true)
        {
            var at = content.IndexOf(LineStartDot);
            if (at < 0)
            {
                break;
            }

            // Up to and including the dot that starts the line, then the extra dot.
            output.Write(content[..(at + 3)]);
            output.WriteByte((byte)'.');
            content = content[(at + 3)..];
        }

        output.Write(content);
        if (!EndsWithCrlf(output.WrittenSpan))
        {
            output.Write("\r\n"u8);
            octets += 2;
        }

        output.Write(".\r\n"u8);
        return octets;
    }

    private static bool EndsWithCrlf(ReadOnlySpan<byte> written) =>
        written.Length >= 2 && written[^2] == '\r' && written[^1] == '\n';
}
