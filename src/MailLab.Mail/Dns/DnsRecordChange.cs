using MailLab.Mail.Topology;

namespace MailLab.Mail.Dns;

/// <summary>
/// Changing the world's DNS at run time, as <c>dnscmd /recorddelete</c> then <c>/recordadd</c> do on a
/// Windows DNS server: the name's records of one type (A or MX) are replaced by one. The one place the
/// API and the admin commands parse and apply it; bad input throws ArgumentException saying what is wrong.
/// </summary>
public static class DnsRecordChange
{
    /// <summary>The preference an MX record gets when none is given (the topologies' usual 10).</summary>
    public const int DefaultPreference = 10;

    public static void Apply(DnsDirectory dns, string name, string type, string value, int? preference)
    {
        var owner = name.Trim().TrimEnd('.');
        if (!NameRules.IsDomainName(owner))
        {
            throw new ArgumentException($"\"{name}\" is not a domain name.");
        }

        switch (type.Trim().ToUpperInvariant())
        {
            case "A":
                if (preference is not null)
                {
                    throw new ArgumentException("An A record has no preference: only MX records do.");
                }

                if (!NameRules.TryParseAddress(value.Trim(), out var address))
                {
                    throw new ArgumentException($"\"{value}\" is not an IP address (an A record holds one).");
                }

                dns.SetA(owner, address);
                break;
            case "MX":
                if (!NameRules.IsDomainName(value.Trim().TrimEnd('.')))
                {
                    throw new ArgumentException($"\"{value}\" is not a host name (an MX record names the mail server).");
                }

                if (preference is < 0 or > 65535)
                {
                    throw new ArgumentException($"{preference} is not an MX preference: 0 to 65535 (RFC 1035 §3.3.9).");
                }

                dns.SetMx(owner, preference ?? DefaultPreference, value);
                break;
            default:
                throw new ArgumentException($"\"{type}\" is not a record type MailLab keeps: use A or MX.");
        }
    }
}
