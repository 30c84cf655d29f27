namespace MailLab.Mail.Smtp.Settings;

/// <summary>The tabs of IIS 6's SMTP virtual server property sheet that hold settings (docs/REFERENCE.md, "IIS 6 SMTP virtual server").</summary>
public enum SettingTab
{
    /// <summary>Connections, time-out, logging, FQDN.</summary>
    General,

    /// <summary>Authentication, secure communication, connection control, relay.</summary>
    Access,

    /// <summary>Size and count limits, NDR copy.</summary>
    Messages,

    /// <summary>Retries, delay and expiration, hop count, masquerade, smart host, outbound connections.</summary>
    Delivery,

    /// <summary>Enable LDAP routing, server, schema, binding, domain, user name, password, base.</summary>
    LdapRouting,
}
