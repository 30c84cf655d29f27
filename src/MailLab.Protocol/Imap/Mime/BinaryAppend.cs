using MimeKit;

namespace MailLab.Protocol.Imap.Mime;

/// <summary>
/// A message APPENDed as literal8 (RFC 3516 §4.4) may hold octets no IMAP literal can carry: BODY[]
/// and BODY[n] go out as literals, which must not contain NUL (RFC 9051 §4.3), and literal8 is only
/// for BINARY. Such a message is stored with each part that holds a NUL re-encoded as base64 (as
/// Dovecot does, "converted to base64" in imaptest's append-binary); BINARY[n] decodes it back to
/// the same octets.
/// </summary>
internal static class BinaryAppend
{
    public static ReadOnlyMemory<byte> Storable(ReadOnlyMemory<byte> content)
    {
        if (content.Span.IndexOf((byte)0) < 0)
        {
            return content;
        }

        MimeMessage message;
        using var input = new MemoryStream(content.ToArray(), writable: false);
        try
        {
            message = MimeMessage.Load(input);
        }
        catch (FormatException)
        {
            return content; // not a message MimeKit can read: stored as it came
        }

        var changed = false;
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part.Content is { } body && HasNul(body))
            {
                part.ContentTransferEncoding = ContentEncoding.Base64;
                changed = true;
            }
        }

        if (!changed)
        {
            return content;
        }

        using var output = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, output);
        return output.ToArray();
    }

    private static bool HasNul(IMimeContent content)
    {
        using var decoded = new MemoryStream();
        content.DecodeTo(decoded);
        return decoded.GetBuffer().AsSpan(0, (int)decoded.Length).IndexOf((byte)0) >= 0;
    }
}
