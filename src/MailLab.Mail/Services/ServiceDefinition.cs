namespace MailLab.Mail.Services;

/// <summary>
/// One Windows service as its registry entry describes it: the short name (the key under
/// HKLM\SYSTEM\CurrentControlSet\Services, what <c>net start</c> takes), the display name, the startup
/// type it is installed with, the services it depends on (by short name), and whether it accepts pause.
/// </summary>
public sealed record ServiceDefinition(
    string Name,
    string DisplayName,
    ServiceStartupType DefaultStartupType,
    IReadOnlyList<string> DependsOn,
    bool CanPause = false);
