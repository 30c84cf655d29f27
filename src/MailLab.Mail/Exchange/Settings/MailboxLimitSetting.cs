using MailLab.Mail.Settings;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>One field of a user's Storage Limits dialog, declared once in <see cref="MailboxLimitSettings"/>; its topology key is its name.</summary>
public sealed record MailboxLimitSetting(
    string Name,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<MailboxLimits, object?> Read,
    Func<MailboxLimits, object?, MailboxLimits> With)
    : Setting<MailboxLimits>(Name, Name, Type, LabelEn, LabelRu, Help, Read, With)
{
    public override object? Default => Read(MailboxLimits.Defaults);
}
