namespace MailLab.Mail.Smtp;

/// <summary>
/// The domain types as the admin API and CLI name them: Local (the default domain), Alias (a local
/// alias) and Remote.
/// </summary>
public static class SmtpDomainTypeNames
{
    public static string Name(SmtpDomainType type) => type switch
    {
        SmtpDomainType.LocalDefault => "Local",
        SmtpDomainType.LocalAlias => "Alias",
        _ => "Remote",
    };

    /// <summary>Local, Alias or Remote (any case); an alias asked to be the default is Local. Null for anything else.</summary>
    public static SmtpDomainType? Parse(string? name, bool isDefault = false) => name?.Trim().ToLowerInvariant() switch
    {
        "local" => SmtpDomainType.LocalDefault,
        "alias" => isDefault ? SmtpDomainType.LocalDefault : SmtpDomainType.LocalAlias,
        "remote" => SmtpDomainType.Remote,
        _ => null,
    };
}
