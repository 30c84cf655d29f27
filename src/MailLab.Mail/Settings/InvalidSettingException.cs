namespace MailLab.Mail.Settings;

/// <summary>A setting name that does not exist, or a value IIS's property sheet would refuse; the message names it.</summary>
public sealed class InvalidSettingException : Exception
{
    public InvalidSettingException(string setting, string message)
        : base(message)
    {
        Setting = setting;
    }

    /// <summary>The setting as the caller wrote it (or the canonical name once it was found).</summary>
    public string Setting { get; }
}
