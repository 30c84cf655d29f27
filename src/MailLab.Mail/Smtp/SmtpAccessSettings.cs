namespace MailLab.Mail.Smtp;

/// <summary>The Access tab, with IIS 6 defaults (docs/REFERENCE.md, "Access tab"; KB 310356, cc787910). Immutable, like its lists.</summary>
public sealed record SmtpAccessSettings
{
    /// <summary>Authentication → Anonymous access: the only method enabled by default.</summary>
    public bool AnonymousAccess { get; init; } = true;

    /// <summary>Authentication → Basic authentication (AUTH LOGIN/PLAIN, plus CRAM-MD5 here).</summary>
    public bool BasicAuthentication { get; init; }

    /// <summary>Basic authentication → "Requires TLS encryption": AUTH is offered only after STARTTLS.</summary>
    public bool BasicRequiresTls { get; init; }

    /// <summary>Basic authentication → default domain, appended to a user name given without one.</summary>
    public string? BasicDefaultDomain { get; init; }

    /// <summary>Secure communication → "Require secure channel": no mail transaction before STARTTLS.</summary>
    public bool RequireTls { get; init; }

    /// <summary>Connection control: all computers granted by default.</summary>
    public AccessList Connection { get; init; } = AccessList.AllowAll();

    /// <summary>Relay restrictions: "Only the list below" with an empty list by default.</summary>
    public AccessList Relay { get; init; } = AccessList.OnlyTheListBelow();

    /// <summary>"Allow all computers which successfully authenticate to relay, regardless of the list above": ticked.</summary>
    public bool AllowAuthenticatedRelay { get; init; } = true;
}
