using System.Diagnostics.CodeAnalysis;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// Parses the path argument of MAIL FROM and RCPT TO (RFC 5321 §4.1.2) and the ESMTP parameters
/// after it (§4.1.1.11 and RFC 1869). Lenient where real servers are: a space after the colon, a
/// bare local part without a domain (IIS appends the default domain), and source routes (ignored,
/// §4.1.1.3 / Appendix C).
/// </summary>
public static class SmtpPathParser
{
    private static readonly string[] KnownParameters = ["SIZE", "BODY", "SMTPUTF8", "AUTH", "RET", "ENVID", "NOTIFY", "ORCPT"];

    public static bool TryParse(
        string argument,
        string keyword,
        bool allowNullPath,
        [NotNullWhen(true)] out SmtpMailbox? mailbox,
        [NotNullWhen(true)] out IReadOnlyList<KeyValuePair<string, string?>>? parameters,
        [NotNullWhen(false)] out string? error) =>
        TryParse(argument, keyword, allowNullPath, out mailbox, out parameters, out error, out _);

    /// <summary>
    /// As <see cref="TryParse(string, string, bool, out SmtpMailbox?, out IReadOnlyList{KeyValuePair{string, string?}}?, out string?)"/>;
    /// <paramref name="badParameter"/> tells a malformed ESMTP parameter (RFC 3463 X.5.4, invalid
    /// command arguments) from a malformed address (X.1.7 / X.1.3).
    /// </summary>
    internal static bool TryParse(
        string argument,
        string keyword,
        bool allowNullPath,
        [NotNullWhen(true)] out SmtpMailbox? mailbox,
        [NotNullWhen(true)] out IReadOnlyList<KeyValuePair<string, string?>>? parameters,
        [NotNullWhen(false)] out string? error,
        out bool badParameter)
    {
        mailbox = null;
        badParameter = false;
        parameters = null;
        var text = argument.AsSpan();
        if (!text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) || text.Length <= keyword.Length || text[keyword.Length] != ':')
        {
            error = $"Syntax: expected \"{keyword}:<address>\"";
            return false;
        }

        text = text[(keyword.Length + 1)..].TrimStart(' ');
        if (text.IsEmpty || text[0] != '<')
        {
            error = "Syntax: the address must be enclosed in angle brackets <>";
            return false;
        }

        var close = FindClosingBracket(text);
        if (close < 0)
        {
            error = "Syntax: missing closing '>'";
            return false;
        }

        var path = text[1..close];
        var rest = text[(close + 1)..];
        if (path.Length + 2 > SmtpLimits.Path)
        {
            error = $"Path too long (RFC 5321 4.5.3.1.3 allows {SmtpLimits.Path} octets)";
            return false;
        }

        if (path.IsEmpty)
        {
            if (!allowNullPath)
            {
                error = "Syntax: empty address <> is not allowed here";
                return false;
            }

            mailbox = SmtpMailbox.Null;
        }
        else if (!TryParseMailbox(path, out mailbox, out error))
        {
            return false;
        }

        if (!rest.IsEmpty && rest[0] != ' ')
        {
            error = "Syntax: expected a space between the address and its parameters";
            mailbox = null;
            return false;
        }

        List<KeyValuePair<string, string?>>? list = null;
        foreach (var range in rest.Split(' '))
        {
            var token = rest[range];
            if (token.IsEmpty)
            {
                continue;
            }

            var eq = token.IndexOf('=');
            var name = eq < 0 ? token : token[..eq];
            if (name.IsEmpty || !IsEsmtpKeyword(name))
            {
                error = $"Syntax: bad parameter \"{token.ToString()}\"";
                mailbox = null;
                badParameter = true;
                return false;
            }

            (list ??= []).Add(new(ParameterName(name), eq < 0 ? null : token[(eq + 1)..].ToString()));
        }

        parameters = list ?? (IReadOnlyList<KeyValuePair<string, string?>>)[];
        error = null;
        return true;
    }

    /// <summary>
    /// A parameter's name in upper case: the parameters of RFC 1870, 6152, 6531, 4954 and 3461 as the
    /// shared strings, any other as a string of its own. An esmtp-keyword is ASCII (RFC 5321 §4.1.2), so
    /// comparing without case is what upper-casing it would find.
    /// </summary>
    private static string ParameterName(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownParameters)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name.ToString().ToUpperInvariant();
    }

    public static bool TryParseMailbox(ReadOnlySpan<char> path, [NotNullWhen(true)] out SmtpMailbox? mailbox, [NotNullWhen(false)] out string? error)
    {
        mailbox = null;

        // Source route "@a,@b:user@c" (RFC 5321 §4.1.2 A-d-l): accepted and ignored (Appendix C).
        if (path.Length > 0 && path[0] == '@')
        {
            var colon = path.IndexOf(':');
            if (colon < 0)
            {
                error = "Syntax: bad source route";
                return false;
            }

            path = path[(colon + 1)..];
        }

        int at;
        if (path.Length > 0 && path[0] == '"')
        {
            var endQuote = FindEndOfQuotedString(path);
            if (endQuote < 0)
            {
                error = "Syntax: unterminated quoted local part";
                return false;
            }

            at = endQuote + 1 < path.Length && path[endQuote + 1] == '@' ? endQuote + 1 : (endQuote + 1 == path.Length ? -1 : -2);
            if (at == -2)
            {
                error = "Syntax: unexpected characters after the quoted local part";
                return false;
            }
        }
        else
        {
            at = path.LastIndexOf('@');
            if (!IsDotString(at < 0 ? path : path[..at]))
            {
                error = "Syntax: invalid characters in the local part";
                return false;
            }
        }

        var local = at < 0 ? path : path[..at];
        if (local.IsEmpty)
        {
            error = "Syntax: empty local part";
            return false;
        }

        if (System.Text.Encoding.UTF8.GetByteCount(local) > SmtpLimits.LocalPart)
        {
            error = $"Local part too long (RFC 5321 4.5.3.1.1 allows {SmtpLimits.LocalPart} octets)";
            return false;
        }

        string? domain = null;
        if (at >= 0)
        {
            var d = path[(at + 1)..];
            if (!IsDomainOrLiteral(d))
            {
                error = "Syntax: invalid domain";
                return false;
            }

            domain = d.ToString();
        }

        mailbox = new SmtpMailbox(local.ToString(), domain);
        error = null;
        return true;
    }

    private static int FindClosingBracket(ReadOnlySpan<char> text)
    {
        var inQuote = false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuote && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (c == '>' && !inQuote)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindEndOfQuotedString(ReadOnlySpan<char> path)
    {
        for (var i = 1; i < path.Length; i++)
        {
            if (path[i] == '\\')
            {
                i++;
            }
            else if (path[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    // RFC 5321 §4.1.2 Dot-string = Atom *("." Atom); atext from RFC 5322 §3.2.3, plus UTF-8 (RFC 6531 §3.3).
    private static bool IsDotString(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s[0] == '.' || s[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.')
            {
                if (s[i - 1] == '.')
                {
                    return false;
                }

                continue;
            }

            if (!IsAtext(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || c > 0x7f || "!#$%&'*+-/=?^_`{|}~".Contains(c);

    private static bool IsDomainOrLiteral(ReadOnlySpan<char> d)
    {
        if (d.IsEmpty || d.Length > SmtpLimits.Domain)
        {
            return false;
        }

        if (d[0] == '[')
        {
            // address-literal (RFC 5321 §4.1.3): [IPv4] or [IPv6:...]
            if (d[^1] != ']')
            {
                return false;
            }

            var inner = d[1..^1];
            if (inner.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
            {
                return System.Net.IPAddress.TryParse(inner[5..], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
            }

            return System.Net.IPAddress.TryParse(inner, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        }

        foreach (var range in d.Split('.'))
        {
            var label = d[range];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c > 0x7f))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // RFC 5321 §4.1.2 esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
    private static bool IsEsmtpKeyword(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
