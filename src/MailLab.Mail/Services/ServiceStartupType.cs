namespace MailLab.Mail.Services;

/// <summary>A Windows service's startup type, as the Services console shows it.</summary>
public enum ServiceStartupType
{
    /// <summary>Started when the server starts.</summary>
    Automatic,

    /// <summary>Started by an administrator or by a service that depends on it.</summary>
    Manual,

    /// <summary>Cannot be started until the type changes (Windows error 1058).</summary>
    Disabled,
}
