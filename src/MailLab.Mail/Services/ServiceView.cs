namespace MailLab.Mail.Services;

/// <summary>A service as the Services console lists it, at one moment.</summary>
public sealed record ServiceView(
    string Name,
    string DisplayName,
    ServiceStartupType StartupType,
    ServiceStatus Status,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Dependents,
    bool CanPause);
