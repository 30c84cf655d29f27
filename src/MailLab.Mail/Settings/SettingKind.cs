namespace MailLab.Mail.Settings;

/// <summary>The JSON type a setting's value has in the admin API.</summary>
public enum SettingKind
{
    /// <summary>A number, or null for "no limit".</summary>
    Number,

    Boolean,

    /// <summary>A string, or null for "none".</summary>
    Text,

    /// <summary>A list of strings (the access lists).</summary>
    TextList,

    /// <summary>A list of numbers (the retry intervals).</summary>
    NumberList,
}
