using MailLab.Mail.Settings;

namespace MailLab.Mail.Smtp.Settings;

/// <summary>
/// Every property-sheet setting of one virtual server at one moment: immutable, checked as a whole
/// (<see cref="Validate"/>) and swapped in with one reference assignment
/// (<see cref="SmtpVirtualServer.Configure"/>), so a session or a delivery that took it sees one
/// consistent set and a refused change leaves nothing half applied.
/// </summary>
public sealed record VirtualServerSnapshot(
    SmtpLimitsSettings Limits,
    SmtpAccessSettings Access,
    SmtpDeliverySettings Delivery,
    string Fqdn,
    string? NdrCopyTo,
    bool LoggingEnabled,
    SmtpLdapRoutingSettings LdapRouting)
{
    /// <summary>IIS 6's defaults; the FQDN defaults to the computer's name.</summary>
    public static VirtualServerSnapshot Defaults(string hostName) => new(new(), new(), new(), hostName, null, true, new());

    /// <summary>
    /// The first rule IIS's property sheet would refuse this set for, as "setting must …", or null: each
    /// setting's own range (<see cref="SettingType"/>), then the rules between settings of the table.
    /// </summary>
    public string? Validate() => VirtualServerSettings.Validate(this);
}
