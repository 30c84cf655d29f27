namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// The Exchange server's property sheet at one moment (ESM, server, Properties): General ("Enable
/// message tracking", "Remove log files" with "Remove files older than (days)", the log file
/// directory), Locales, and Diagnostics Logging (a level per service category; left out: None).
/// Immutable; <see cref="ServerPropertySettings"/> checks a new one and the server swaps it in.
/// </summary>
public sealed record ServerProperties(
    bool MessageTrackingEnabled,
    bool RemoveLogFiles,
    long RemoveLogFilesDays,
    string? LogFileDirectory,
    IReadOnlyList<string> Locales,
    IReadOnlyDictionary<string, string>? Diagnostics = null)
{
    /// <summary>
    /// A new server's. Message tracking on: Exchange 2003's own default is disputed (docs/EXCHANGE-2003.md
    /// section 8: a third-party source says off, ExBPA flags it off as an error [91]); MailLab keeps it
    /// on so Message Tracking Center finds mail out of the box (chosen). Log files kept (removal off,
    /// 7 days when turned on: NOT CONFIRMED), the default directory (null: C:\Program Files\Exchsrvr\SERVER.log,
    /// [90]), one locale, English (United States) (chosen).
    /// </summary>
    public static ServerProperties Defaults { get; } = new(true, false, 7, null, ["en-US"]);

    /// <summary>The level of a Diagnostics Logging category ("MSExchangeIS/Transport General"); None when not set.</summary>
    public string Level(string category) => Diagnostics?.GetValueOrDefault(category) ?? DiagnosticsLogging.None;

    public ServerProperties WithLevel(string category, string level)
    {
        var all = new Dictionary<string, string>(Diagnostics ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [category] = level };
        return this with { Diagnostics = all };
    }
}
