namespace MailLab.Mail.Smtp;

/// <summary>The Access tab, with IIS 6 defaults (docs/REFERENCE.md, "Access tab"; KB 310356, cc787910).</summary>
public sealed class SmtpAccessSettings
{
    /// <summary>Authentication → Anonymous access: the only method enabled by default.</summary>
    public bool AnonymousAccess { get; set; } = true;

    /// <summary>Authentication → Basic authentication (AUTH LOGIN/PLAIN, plus CRAM-MD5 here).</summary>
    public bool BasicAuthentication { get; set; }

    /// <summary>Basic authentication → "Requires TLS encryption": AUTH is offered only after STARTTLS.</summary>
    public bool BasicRequiresTls { get; set; }

    /// <summary>Basic authentication → default domain, appended to a user name given without one.</summary>
    public string? BasicDefaultDomain { get; set; }

    /// <summary>Secure communication → "Require secure channel": no mail transaction before STARTTLS.</summary>
    public bool RequireTls { get; set; }

    /// <summary>Connection control: all computers granted by default.</summary>
    public AccessList Connection { get; set; } = AccessList.AllowAll();

    /// <summary>Relay restrictions: "Only the list below" with an empty list by default.</summary>
    public AccessList Relay { get; set; } = AccessList.OnlyTheListBelow();

    /// <summary>"Allow all computers which successfully authenticate to relay, regardless of the list above": ticked.</summary>
    public bool AllowAuthenticatedRelay { get; set; } = true;
}
