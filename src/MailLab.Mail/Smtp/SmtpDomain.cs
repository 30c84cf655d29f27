namespace MailLab.Mail.Smtp;

/// <summary>An SMTP domain of a virtual server (docs/REFERENCE.md, "Domains").</summary>
public sealed class SmtpDomain
{
    public SmtpDomain(string name, SmtpDomainType type)
    {
        Name = name.Trim().ToLowerInvariant();
        Type = type;
    }

    /// <summary>The domain; a remote domain may be a wildcard such as <c>*.example.com</c>.</summary>
    public string Name { get; }

    public SmtpDomainType Type { get; internal set; }

    public bool IsLocal => Type != SmtpDomainType.Remote;

    /// <summary>Remote: "Allow incoming mail to be relayed to this domain" (overrides relay restrictions).</summary>
    public bool AllowRelay { get; set; }

    /// <summary>Remote: "Forward all mail to smart host" for this domain (host or [IP]), overriding DNS.</summary>
    public string? SmartHost { get; set; }

    /// <summary>Remote: outbound security requires TLS.</summary>
    public bool RequireTls { get; set; }

    /// <summary>Remote: the TCP port of this domain's smart host (null: the Delivery tab's outbound port).</summary>
    public int? OutboundPort { get; set; }

    /// <summary>Remote: "Send HELO instead of EHLO".</summary>
    public bool SendHeloInsteadOfEhlo { get; set; }

    public bool Matches(string domain)
    {
        // Domain names compare without regard to case (RFC 5321 §2.4); no copies made, this runs per recipient.
        if (Name.StartsWith("*.", StringComparison.Ordinal))
        {
            return domain.AsSpan().EndsWith(Name.AsSpan(1), StringComparison.OrdinalIgnoreCase)
                || domain.AsSpan().Equals(Name.AsSpan(2), StringComparison.OrdinalIgnoreCase);
        }

        return domain.Equals(Name, StringComparison.OrdinalIgnoreCase);
    }
}
