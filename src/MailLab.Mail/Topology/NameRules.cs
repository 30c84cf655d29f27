using System.Globalization;
using System.Net;

namespace MailLab.Mail.Topology;

/// <summary>What counts as a host or domain name, a mail address, an IP address and a smart host in a topology file.</summary>
internal static class NameRules
{
    /// <summary>
    /// A DNS name (RFC 1035 §2.3.1, with digits allowed first as RFC 1123 §2.1 does): labels of
    /// letters, digits and hyphens, 1–63 characters, not starting or ending with a hyphen.
    /// A remote SMTP domain may also start with <c>*.</c>.
    /// </summary>
    public static bool IsDomainName(string name, bool allowWildcard = false)
    {
        if (allowWildcard && name.StartsWith("*.", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        if (name.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>user@domain, as accounts and the NDR copy address are written.</summary>
    public static bool IsMailAddress(string address)
    {
        var at = address.IndexOf('@');
        return at > 0 && at == address.LastIndexOf('@') && !address[..at].Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && IsDomainName(address[(at + 1)..]);
    }

    /// <summary>An IPv4 or IPv6 address written out in full (not "10" or "1.2", which IPAddress.Parse also accepts).</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>IIS's smart host box: a name or an [IP address], optionally followed by :port.</summary>
    public static bool IsSmartHost(string text)
    {
        var host = text;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !TryParseAddress(text[1..close], out _))
            {
                return false;
            }

            return close == text.Length - 1 || (text[close + 1] == ':' && IsPort(text[(close + 2)..]));
        }

        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            host = text[..colon];
            if (!IsPort(text[(colon + 1)..]))
            {
                return false;
            }
        }

        return IsDomainName(host);
    }

    /// <summary>The LDAP Routing tab's server box: a name or an IP address, optionally followed by :port.</summary>
    public static bool IsLdapServer(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon >= 0 && text.IndexOf(':') == colon ? text[..colon] : text;
        return (host.Length == text.Length || IsPort(text[(colon + 1)..])) && (IsDomainName(host) || TryParseAddress(host, out _));
    }

    /// <summary>An LDAP distinguished name (RFC 4514 §3) in its plain form: attribute=value pairs separated by commas.</summary>
    public static bool IsDistinguishedName(string text) =>
        text.Split(',').Select(rdn => rdn.Trim()).All(rdn => rdn.IndexOf('=') is > 0 and var eq && eq < rdn.Length - 1 && !rdn.Any(char.IsControl));

    private static bool IsPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;
}
