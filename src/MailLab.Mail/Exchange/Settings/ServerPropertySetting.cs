using MailLab.Mail.Settings;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>One field of the server's property sheet, declared once in <see cref="ServerPropertySettings"/>; <see cref="Tab"/> is the tab that has it.</summary>
public sealed record ServerPropertySetting(
    string Name,
    string Tab,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<ServerProperties, object?> Read,
    Func<ServerProperties, object?, ServerProperties> With)
    : Setting<ServerProperties>(Name, Name, Type, LabelEn, LabelRu, Help, Read, With)
{
    public override object? Default => Read(ServerProperties.Defaults);
}
