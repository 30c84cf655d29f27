using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional enhanced status code
/// (RFC 2034 / RFC 3463) and one or more text lines.
/// </summary>
public sealed record SmtpReply(int Code, string? EnhancedCode, IReadOnlyList<string> Lines)
{
    // Formatted once per reply object: the shared replies in SmtpReplies cost nothing after first use.
    private byte[]? _wire;
    private string? _display;

    public SmtpReply(int code, string? enhancedCode, string text)
        : this(code, enhancedCode, [text])
    {
    }

    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransientFailure => Code is >= 400 and < 500;

    public bool IsPermanentFailure => Code >= 500;

    /// <summary>The reply as it goes on the wire, each line ending in CRLF.</summary>
    public string ToWireString()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Lines.Count; i++)
        {
            sb.Append(Code).Append(i == Lines.Count - 1 ? ' ' : '-');
            if (EnhancedCode is not null)
            {
                sb.Append(EnhancedCode).Append(' ');
            }

            sb.Append(Lines[i]).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>Every line as sent, joined with '\n' and without the final CRLF (for transcripts).</summary>
    public string DisplayText => _display ??= ToWireString().TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal);

    public bool Equals(SmtpReply? other) =>
        other is not null && Code == other.Code && EnhancedCode == other.EnhancedCode && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Code, EnhancedCode, Lines.Count > 0 ? Lines[0] : null);

    /// <summary>The first line without CRLF, e.g. <c>250 2.1.0 Sender OK</c>.</summary>
    public override string ToString() =>
        EnhancedCode is null ? $"{Code} {Lines[0]}" : $"{Code} {EnhancedCode} {Lines[0]}";

    internal void WriteTo(PooledByteBuffer output) =>
        // Replies are ASCII except where SMTPUTF8 echoes an address (RFC 6531 §3.7.4).
        output.Write(_wire ??= Encoding.UTF8.GetBytes(ToWireString()));
}
