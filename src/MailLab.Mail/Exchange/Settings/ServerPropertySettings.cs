using MailLab.Mail.Recipients;
using MailLab.Mail.Settings;
using static MailLab.Mail.Settings.SettingType;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// The Exchange server's property sheet by its admin API / topology-file name: the one table the
/// topology reader and writer, the JSON Schema and the API share. General's labels are ESM's
/// (docs/EXCHANGE-2003.md sections 8 and 9); Diagnostics Logging has one row per category, named
/// SERVICE/Category.
/// </summary>
public static class ServerPropertySettings
{
    public const string General = "general";
    public const string Locales = "locales";
    public const string Diagnostics = "diagnosticsLogging";

    private static readonly TextRule Directory = new(d => d.Length is > 0 and <= 260 && !d.Any(c => c < ' ' || "<>\"|?*".Contains(c)), "a directory path (up to 260 characters)", "is not a directory path");

    private static readonly ServerPropertySetting[] Table =
    [
        new("messageTrackingEnabled", General, Bool, "Enable message tracking", "Включить отслеживание сообщений",
            "the server logs the messages it handles, and Message Tracking Center finds them; off: messages the server handles from then on are not found",
            s => s.MessageTrackingEnabled, (s, v) => s with { MessageTrackingEnabled = (bool)v! }),
        new("removeLogFiles", General, Bool, "Remove log files", "Удалять файлы журнала",
            "the tracking logs older than removeLogFilesDays are deleted",
            s => s.RemoveLogFiles, (s, v) => s with { RemoveLogFiles = (bool)v! }),
        new("removeLogFilesDays", General, Whole(1, 99), "Remove files older than (days)", "Удалять файлы старше (дней)",
            "the age in days after which a tracking log is removed",
            s => s.RemoveLogFilesDays, (s, v) => s with { RemoveLogFilesDays = (long)v! }),
        new("logFileDirectory", General, SettingType.Text(Directory), "Log file directory", "Папка файлов журнала",
            "where the tracking logs are written; null: C:\\Program Files\\Exchsrvr\\SERVER.log",
            s => s.LogFileDirectory, (s, v) => s with { LogFileDirectory = (string?)v }),
        new("locales", Locales, RecipientListType.Locales, "Locales", "Языки и региональные стандарты",
            "the locales the server supports for its clients, as tags (en-US, ru-RU)",
            s => s.Locales, (s, v) => s with { Locales = (IReadOnlyList<string>)v! }),
        .. DiagnosticsLogging.Categories.Select(category => new ServerPropertySetting(
            category, Diagnostics, Choice([.. DiagnosticsLogging.Levels]), category, category,
            "the logging level of this category (None, Minimum, Medium, Maximum); stored and shown, no events are written",
            s => s.Level(category), (s, v) => s.WithLevel(category, (string)v!))),
    ];

    private static readonly SettingsTable<ServerPropertySetting, ServerProperties> Group = new(
        Table,
        [new("locales", s => s.Locales.Count > 0, "needs at least one locale")],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        [General + ".", Locales + ".", Diagnostics + "."],
        s => s.Tab);

    public static IReadOnlyList<ServerPropertySetting> All => Table;

    public static ServerPropertySetting Find(string name) => Group.Find(name);

    /// <summary>The properties with every named setting read from its text, all or nothing.</summary>
    public static ServerProperties Apply(ServerProperties properties, IReadOnlyList<KeyValuePair<string, string>> changes) => Group.Change(changes)(properties);

    public static string? Validate(ServerProperties properties) => Group.Validate(properties);
}
