namespace MailLab.Mail.Services;

/// <summary>A service's status changed from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record ServiceChange(string Name, string DisplayName, ServiceStatus From, ServiceStatus To);
