namespace MailLab.Mail.Services;

/// <summary>
/// A service control Windows refuses, with its system error code and text (System Error Codes
/// 1000-1299, learn.microsoft.com "System Error Codes (1000-1299)").
/// </summary>
public sealed class ServiceControlException(int error, string message) : InvalidOperationException($"Error {error}: {message}")
{
    /// <summary>ERROR_DEPENDENT_SERVICES_RUNNING.</summary>
    public const int DependentServicesRunning = 1051;

    /// <summary>ERROR_INVALID_SERVICE_CONTROL.</summary>
    public const int InvalidServiceControl = 1052;

    /// <summary>ERROR_SERVICE_ALREADY_RUNNING.</summary>
    public const int AlreadyRunning = 1056;

    /// <summary>ERROR_SERVICE_DISABLED.</summary>
    public const int Disabled = 1058;

    /// <summary>ERROR_SERVICE_NOT_ACTIVE.</summary>
    public const int NotActive = 1062;

    /// <summary>ERROR_SERVICE_DEPENDENCY_FAIL.</summary>
    public const int DependencyFailed = 1068;

    public int Error { get; } = error;

    /// <summary>The system's text for the error, without the code.</summary>
    public string Text { get; } = message;
}
