namespace MailLab.Mail.Smtp;

/// <summary>IIS 6 SMTP domain types.</summary>
public enum SmtpDomainType
{
    /// <summary>Local (Default): exactly one per virtual server; appended to bare local parts.</summary>
    LocalDefault,

    /// <summary>Local (Alias): delivered like the default domain, into its Drop folder.</summary>
    LocalAlias,

    /// <summary>Remote: mail for it is relayed, with per-domain settings.</summary>
    Remote,
}
