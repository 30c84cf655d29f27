using MailLab.Mail.Settings;

namespace MailLab.Mail.Smtp.Settings;

/// <summary>
/// One property-sheet setting of a virtual server, declared once in <see cref="VirtualServerSettings"/>:
/// its name (the admin API's, the CLI's and the scenario step's), where a topology file has it
/// (<see cref="Section"/>, <see cref="Key"/>), the IIS tab the API groups it under (<see cref="Tab"/>)
/// and the place the property sheet shows it (<see cref="Box"/>), its type (range, default from
/// <see cref="VirtualServerSnapshot.Defaults"/>), its English and Russian labels and help.
/// </summary>
public sealed record VirtualServerSetting(
    string Name,
    SettingSection Section,
    string Key,
    SettingTab Tab,
    SheetBox Box,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<VirtualServerSnapshot, object?> Read,
    Func<VirtualServerSnapshot, object?, VirtualServerSnapshot> With)
    : Setting<VirtualServerSnapshot>(Name, Key, Type, LabelEn, LabelRu, Help, Read, With)
{
    /// <summary>The value IIS starts with (null: none or no limit); the FQDN's, the computer's name, is left out.</summary>
    public override object? Default => Read(VirtualServerSnapshot.Defaults(""));

    public string Get(SmtpVirtualServer server) => Get(server.Settings);
}

/// <summary>Where a topology file's virtual server holds a setting: in the <c>limits:</c>, <c>access:</c>, <c>delivery:</c> or <c>ldapRouting:</c> block, or (general) beside its name.</summary>
public enum SettingSection
{
    Limits,
    Access,
    Delivery,
    General,

    /// <summary>The <c>ldapRouting:</c> block.</summary>
    LdapRouting,
}

/// <summary>
/// The property sheet's place for a setting: its tab (general, access, messages, delivery, ldapRouting), its group
/// box, and optionally the setting it comes before (else it follows the box's others in table order).
/// </summary>
public sealed record SheetBox(string Tab, string Group, string? Before = null);
