using System.Net;

namespace MailLab.Mail.Smtp;

/// <summary>
/// One entry of IIS's Connection or Relay list: a single computer (IP), a group of computers
/// (subnet) or a domain name (matched through reverse DNS, as IIS does).
/// </summary>
public sealed record AccessRule
{
    private AccessRule(string text, IPNetwork? network, string? domain)
    {
        Text = text;
        Network = network;
        Domain = domain;
    }

    public string Text { get; }

    public IPNetwork? Network { get; }

    public string? Domain { get; }

    /// <summary>Parses "127.0.0.1", "10.0.0.0/8", "192.168.1.0/255.255.255.0" or "example.com".</summary>
    public static bool TryParse(string text, out AccessRule? rule)
    {
        rule = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var slash = text.IndexOf('/');
        if (slash > 0 && IPAddress.TryParse(text[..slash], out var baseAddress))
        {
            var mask = text[(slash + 1)..];
            // "/8" is a prefix length; "/255.0.0.0" a dotted mask (IPAddress would read "8" as 0.0.0.8).
            if (!int.TryParse(mask, System.Globalization.NumberStyles.None, null, out var prefix))
            {
                if (!IPAddress.TryParse(mask, out var maskAddress) || (prefix = PrefixLength(maskAddress)) < 0)
                {
                    return false;
                }
            }

            try
            {
                rule = new AccessRule(text, new IPNetwork(Truncate(baseAddress, prefix), prefix), null);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        if (IPAddress.TryParse(text, out var single))
        {
            rule = new AccessRule(text, new IPNetwork(single, single.GetAddressBytes().Length * 8), null);
            return true;
        }

        if (text.Contains(' ') || text.StartsWith('.') || text.EndsWith('.'))
        {
            return false;
        }

        rule = new AccessRule(text, null, text.ToLowerInvariant());
        return true;
    }

    public static AccessRule Parse(string text) =>
        TryParse(text, out var rule) ? rule! : throw new FormatException($"\"{text}\" is not an IP address, subnet or domain name");

    public bool Matches(IPAddress? address, string? reverseName)
    {
        if (Network is { } network)
        {
            return address is not null && network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        }

        if (reverseName is null || Domain is null)
        {
            return false;
        }

        var name = reverseName.TrimEnd('.').ToLowerInvariant();
        return name == Domain || name.EndsWith("." + Domain, StringComparison.Ordinal);
    }

    public override string ToString() => Text;

    private static int PrefixLength(IPAddress mask)
    {
        var bits = 0;
        var ended = false;
        foreach (var b in mask.GetAddressBytes())
        {
            for (var i = 7; i >= 0; i--)
            {
                var set = (b >> i & 1) == 1;
                if (set && ended)
                {
                    return -1;
                }

                if (set)
                {
                    bits++;
                }
                else
                {
                    ended = true;
                }
            }
        }

        return bits;
    }

    private static IPAddress Truncate(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
