namespace MailLab.Scenarios.Driver;

/// <summary>A step that cannot run as written: an unknown host, setting or file, or a malformed argument.</summary>
public sealed class ScenarioSetupException : Exception
{
    public ScenarioSetupException(string message)
        : base(message)
    {
    }
}
