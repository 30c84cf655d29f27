namespace MailLab.Mail.Smtp;

/// <summary>
/// The LDAP Routing tab of an SMTP virtual server (IIS 6 / Windows SMTP Server help, "LDAP Routing tab",
/// winintro.ru/mail.en d60d7f9e; the metabase's IIsSmtpRoutingSource: SmtpDsHost, SmtpDsPort,
/// SmtpDsSchemaType, SmtpDsBindType, SmtpDsDomain, SmtpDsAccount, SmtpDsPassword, SmtpDsNamingContext,
/// IIS 6.0 SDK ms525677 and neighbours): with "Enable LDAP routing" ticked the virtual server resolves
/// senders and recipients of its local domains through a directory instead of its domain list alone.
/// Off by default; binding anonymous by default ("This is the default for SMTP virtual servers you create").
/// Immutable.
/// </summary>
public sealed record SmtpLdapRoutingSettings
{
    /// <summary>Enable LDAP routing.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Server: the computer running the directory, a name or IP, optionally :port (SmtpDsHost, SmtpDsPort;
    /// 389 when none). None: the host's own Active Directory (the world's directory of this host).
    /// </summary>
    public string? Server { get; init; }

    /// <summary>Schema (SmtpDsSchemaType): which directory's object classes and attributes to look in.</summary>
    public LdapSchemaType Schema { get; init; } = LdapSchemaType.ActiveDirectory;

    /// <summary>Binding (SmtpDsBindType): how the virtual server authenticates to the directory.</summary>
    public LdapBindingType Binding { get; init; } = LdapBindingType.Anonymous;

    /// <summary>Domain (SmtpDsDomain): the Windows domain of the account, for Windows SSPI.</summary>
    public string? Domain { get; init; }

    /// <summary>User name (SmtpDsAccount): for plain text, the DN to bind as (cn=admin,dc=rosnou,dc=ru).</summary>
    public string? UserName { get; init; }

    /// <summary>Password (SmtpDsPassword, a SECURE metabase property): never shown by the API.</summary>
    public string? Password { get; init; }

    /// <summary>Base (SmtpDsNamingContext): where searches start (dc=rosnou,dc=ru).</summary>
    public string? Base { get; init; }

    /// <summary>Whether a real LDAP server is named, rather than the host's own Active Directory.</summary>
    public bool UsesLdapServer => Server is not null;
}

/// <summary>The Schema list of the LDAP Routing tab.</summary>
public enum LdapSchemaType
{
    /// <summary>Active Directory: users, contacts and groups by mail and proxyAddresses.</summary>
    ActiveDirectory,

    /// <summary>Site Server Membership Directory (Site Server 3.0).</summary>
    SiteServer,

    /// <summary>Exchange LDAP Service (Microsoft Commercial Internet System 2.0 Mail, the Exchange 5.5 directory's attributes).</summary>
    Exchange,
}

/// <summary>The Binding list of the LDAP Routing tab (winintro.ru/mail.en 9f7f29fa, "binding types").</summary>
public enum LdapBindingType
{
    /// <summary>No user name or password is sent.</summary>
    Anonymous,

    /// <summary>Account and password in clear text (an LDAP simple bind, RFC 4513 §5.1.3).</summary>
    PlainText,

    /// <summary>Negotiated Windows authentication with the account, domain and password.</summary>
    WindowsSspi,

    /// <summary>The account the SMTP service runs as.</summary>
    ServiceAccount,
}
