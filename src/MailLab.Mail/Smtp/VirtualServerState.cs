namespace MailLab.Mail.Smtp;

/// <summary>IIS 6 states of an SMTP virtual server or of the SMTP service (technet cc784907).</summary>
public enum VirtualServerState
{
    Running,
    Paused,
    Stopped,
}
