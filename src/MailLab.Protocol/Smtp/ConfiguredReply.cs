using System.Text;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// The one check for a reply someone configures (an injected fault through the API or a topology
/// file): what is sent must be one well-formed reply line, or a text with CR or LF in it would end
/// the reply early and its rest would answer the client's next command.
/// </summary>
public static class ConfiguredReply
{
    /// <summary>A problem with one field of a configured reply: <c>code</c>, <c>enhancedCode</c> or <c>text</c>.</summary>
    public sealed record Problem(string Field, string Reason);

    /// <summary>
    /// What is wrong with this reply line, or null when it can be sent. <paramref name="minCode"/> and
    /// <paramref name="maxCode"/> narrow RFC 5321's 200-599 (an injected fault is 400-599).
    /// </summary>
    public static Problem? Check(int code, string? enhancedCode, string text, int minCode = 200, int maxCode = 599) =>
        CheckCode(code, minCode, maxCode) ?? CheckEnhancedCode(code, enhancedCode) ?? CheckText(enhancedCode, text);

    /// <summary>The same check for a reply already built, line by line.</summary>
    public static Problem? Check(SmtpReply reply, int minCode = 200, int maxCode = 599) =>
        reply.Lines.Count == 0 ? new Problem("text", "a reply has at least one line")
            : reply.Lines.Select(line => Check(reply.Code, reply.EnhancedCode, line, minCode, maxCode)).FirstOrDefault(p => p is not null);

    // RFC 5321 §4.2: Reply-code = %x32-35 %x30-35 %x30-39.
    private static Problem? CheckCode(int code, int minCode, int maxCode) =>
        code >= Math.Max(200, minCode) && code <= Math.Min(599, maxCode) && code / 10 % 10 <= 5
            ? null
            : new Problem("code", $"must be a reply code from {Math.Max(200, minCode)} to {Math.Min(599, maxCode)} whose middle digit is 0-5 (RFC 5321 §4.2), not {code}");

    /// <summary>
    /// RFC 3463 §2: class "." subject "." detail, the class 2, 4 or 5 and the others 1-3 digits;
    /// the class is the reply code's first digit (RFC 2034 §4: 4.x.x goes with 4yz).
    /// </summary>
    private static Problem? CheckEnhancedCode(int code, string? enhanced)
    {
        if (enhanced is null)
        {
            return null;
        }

        var parts = enhanced.Split('.');
        var valid = parts.Length == 3
            && parts[0] == ((char)('0' + (code / 100))).ToString()
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit));
        return valid ? null : new Problem("enhancedCode", $"'{Printable(enhanced)}' is not an enhanced status code of class {code / 100} (e.g. {code / 100}.3.0, RFC 3463)");
    }

    /// <summary>RFC 5321 §4.2: textstring = 1*(%d09 / %d32-126), and the whole line at most 512 octets (§4.5.3.1.5).</summary>
    private static Problem? CheckText(string? enhanced, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Problem("text", "must not be empty");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\t' && c is < ' ' or > '~')
            {
                var what = c is '\r' or '\n' ? "a line break (CR or LF) would end the reply there and send the rest as the reply to the next command"
                    : char.IsControl(c) ? "control characters cannot be sent in a reply"
                    : "a reply is printable US-ASCII (RFC 5321 §4.2)";
                return new Problem("text", $"has U+{(int)c:X4} at position {i + 1}: {what}");
            }
        }

        // "ddd " + "x.y.z " + text + CRLF.
        var octets = 4 + (enhanced is null ? 0 : enhanced.Length + 1) + Encoding.ASCII.GetByteCount(text) + 2;
        return octets <= SmtpLimits.ReplyLine
            ? null
            : new Problem("text", $"makes a reply line of {octets} octets; RFC 5321 §4.5.3.1.5 allows {SmtpLimits.ReplyLine} with the code and CRLF");
    }

    private static string Printable(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 40 ? text[..40] : text)
        {
            shown.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return text.Length > 40 ? shown + "…" : shown.ToString();
    }
}
