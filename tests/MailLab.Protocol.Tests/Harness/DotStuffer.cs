namespace MailLab.Protocol.Tests.Harness;

/// <summary>
/// The client side of RFC 5321 §4.5.2, kept deliberately tiny: a "." that starts a line (the first
/// byte, or the byte after CRLF) gets another "."; then the terminator follows.
/// </summary>
internal static class DotStuffer
{
    /// <summary>Encodes content that is empty or ends with CRLF, appending "." CRLF.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> content)
    {
        if (!content.IsEmpty && !content.EndsWith("\r\n"u8))
        {
            throw new ArgumentException("DATA content must end with CRLF", nameof(content));
        }

        var output = new List<byte>(content.Length + 16);
        var lineStart = true;
        for (var i = 0; i < content.Length; i++)
        {
            if (lineStart && content[i] == (byte)'.')
            {
                output.Add((byte)'.');
            }

            output.Add(content[i]);
            lineStart = content[i] == (byte)'\n' && i > 0 && content[i - 1] == (byte)'\r';
        }

        output.AddRange(".\r\n"u8.ToArray());
        return [.. output];
    }
}
