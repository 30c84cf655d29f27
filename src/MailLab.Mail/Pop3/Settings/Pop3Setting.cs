using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Mail.Pop3.Settings;

/// <summary>One property of the POP3 service, declared once in <see cref="Pop3Settings"/>; its topology key is its name.</summary>
public sealed record Pop3Setting(
    string Name,
    SettingType Type,
    string LabelEn,
    string LabelRu,
    string Help,
    Func<Pop3Snapshot, object?> Read,
    Func<Pop3Snapshot, object?, Pop3Snapshot> With)
    : Setting<Pop3Snapshot>(Name, Name, Type, LabelEn, LabelRu, Help, Read, With)
{
    /// <summary>Windows' default (the directory's, the host's parent domain, is left out as "").</summary>
    public override object? Default => Read(Pop3Snapshot.Defaults(""));
}
