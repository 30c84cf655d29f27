namespace MailLab.Mail.Services;

/// <summary>A Windows service's status. Start and stop complete at once here: no start-pending states.</summary>
public enum ServiceStatus
{
    Stopped,
    Running,
    Paused,
}
