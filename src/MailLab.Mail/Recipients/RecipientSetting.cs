using MailLab.Mail.Settings;

namespace MailLab.Mail.Recipients;

/// <summary>One setting of a recipient, declared once in <see cref="RecipientSettings"/>; its topology key is its name, <see cref="Dialog"/> the ADUC dialog that has it.</summary>
public sealed record RecipientSetting(
    string Name,
    string Dialog,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<RecipientSnapshot, object?> Read,
    Func<RecipientSnapshot, object?, RecipientSnapshot> With)
    : Setting<RecipientSnapshot>(Name, Name, Type, LabelEn, LabelRu, Help, Read, With)
{
    public override object? Default => Read(RecipientSnapshot.Defaults);
}
