namespace MailLab.Scenarios.Driver;

/// <summary>A step that cannot run as written: an unknown host, setting or file, or a malformed argument.</summary>
public sealed class ScenarioSetupException : Exception
{
    public ScenarioSetupException(string message, string? russian = null)
        : base(message)
    {
        Russian = russian;
    }

    /// <summary>The message in Russian, when the step gave it (what a lab's check may hit: no such host, virtual server or mailbox).</summary>
    public string? Russian { get; }

    /// <summary>The message in a language ("ru" or "en"), English when there is no Russian one.</summary>
    public string In(string language) => language == "ru" && Russian is { } ru ? ru : Message;
}
