using MimeKit;
using MimeKit.Encodings;

namespace MailLab.Protocol.Imap.Mime;

/// <summary>
/// The decoded octets of a quoted-printable part for BINARY (RFC 3516 §4.2). RFC 2045 §6.7 rule 3:
/// whitespace at the end of an encoded line is padding a gateway may have added and "MUST be deleted"
/// by the decoder, so <c>"= " CRLF</c> is a soft line break too. MimeKit's decoder keeps that
/// whitespace; it is stripped here, and MimeKit decodes the rest.
/// </summary>
internal static class QuotedPrintableBody
{
    public static byte[] Decode(IMimeContent content)
    {
        using var raw = new MemoryStream();
        content.WriteTo(raw);
        var input = StripTrailingWhitespace(raw.GetBuffer().AsSpan(0, (int)raw.Length));
        var decoder = new QuotedPrintableDecoder();
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        var length = decoder.Decode(input, 0, input.Length, output);
        return output[..length];
    }

    /// <summary>The lines with spaces and tabs before each line end (CRLF or LF) and at the very end removed.</summary>
    private static byte[] StripTrailingWhitespace(ReadOnlySpan<byte> encoded)
    {
        var result = new List<byte>(encoded.Length);
        var pending = 0; // whitespace seen but not yet copied: kept only if a non-break octet follows
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b is (byte)' ' or (byte)'\t')
            {
                pending++;
                continue;
            }

            var lineEnd = b == '\n' || (b == '\r' && i + 1 < encoded.Length && encoded[i + 1] == '\n');
            if (!lineEnd)
            {
                result.AddRange(encoded.Slice(i - pending, pending));
            }

            pending = 0;
            result.Add(b);
        }

        return [.. result];
    }
}
