namespace MailLab.Mail.Smtp.Settings;

/// <summary>
/// One property-sheet setting of a virtual server, named as in the admin API and the topology file.
/// <see cref="Section"/> is the topology file's group (limits, access, delivery, general);
/// <see cref="Tab"/> the IIS property-sheet tab the admin page shows it on (General, Access, Messages, Delivery).
/// </summary>
public sealed record VirtualServerSetting(
    string Name,
    string Section,
    SettingTab Tab,
    SettingKind Kind,
    string Description,
    Func<SmtpVirtualServer, string> Get,
    Action<SmtpVirtualServer, string> Set);
