using MailLab.Mail.Settings;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>One field of a mailbox store's Limits (or Database) tab, declared once in <see cref="StoreLimitSettings"/>; its topology key is its name.</summary>
public sealed record StoreLimitSetting(
    string Name,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<StoreLimits, object?> Read,
    Func<StoreLimits, object?, StoreLimits> With,
    string Tab = StoreLimitSettings.Limits)
    : Setting<StoreLimits>(Name, Name, Type, LabelEn, LabelRu, Help, Read, With)
{
    public override object? Default => Read(StoreLimits.Defaults);
}
