using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Pop3;

/// <summary>
/// One status line (RFC 1939 §3): <c>+OK</c> or <c>-ERR</c>, an optional extended response code in
/// brackets (RFC 2449 §8) and a text. The line on the wire is printable ASCII and at most
/// <see cref="Pop3Limits.ResponseLine"/> octets with its CRLF, whatever text it was given.
/// </summary>
public sealed class Pop3Response
{
    // Formatted once per object: the shared responses in Pop3Responses cost nothing after first use.
    private string? _line;
    private byte[]? _wire;

    public Pop3Response(bool isPositive, string text, string? code = null)
    {
        IsPositive = isPositive;
        Text = text;
        Code = code;
    }

    public bool IsPositive { get; }

    /// <summary>The extended response code without brackets (see <see cref="Pop3ResponseCodes"/>), or null.</summary>
    public string? Code { get; }

    public string Text { get; }

    /// <summary>The line as sent, without CRLF, e.g. <c>-ERR [IN-USE] maildrop already locked</c>.</summary>
    public string Line => _line ??= Format();

    public static Pop3Response Ok(string text = "") => new(true, text);

    public static Pop3Response Err(string text, string? code = null) => new(false, text, code);

    public override string ToString() => Line;

    internal void WriteTo(PooledByteBuffer output)
    {
        output.Write(_wire ??= Encoding.ASCII.GetBytes(Line + "\r\n"));
    }

    private string Format()
    {
        var sb = new StringBuilder(IsPositive ? "+OK" : "-ERR");
        if (Code is not null)
        {
            sb.Append(" [").Append(Code).Append(']');
        }

        if (Text.Length > 0)
        {
            sb.Append(' ').Append(Text);
        }

        // A handler's text must not end the line early (CR, LF) or break the ASCII wire format.
        for (var i = 0; i < sb.Length; i++)
        {
            if (sb[i] is < ' ' or > '~')
            {
                sb[i] = '?';
            }
        }

        var max = Pop3Limits.ResponseLine - 2;
        return sb.Length > max ? sb.ToString(0, max) : sb.ToString();
    }
}
