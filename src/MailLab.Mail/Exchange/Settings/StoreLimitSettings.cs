using MailLab.Mail.Settings;
using static MailLab.Mail.Settings.SettingType;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// The Limits tab (and the Database tab's maintenance interval) of a mailbox store by its admin API /
/// topology-file / scenario-step name: the one table the topology reader and writer, the JSON Schema,
/// the API and the step share. Labels are ESM's (docs/EXCHANGE-2003.md, sections 3, 4 and 11).
/// </summary>
public static class StoreLimitSettings
{
    /// <summary>The largest value ESM's limit boxes take (KB).</summary>
    public const long MaxKb = 2_097_151;

    public const string Limits = "limits";
    public const string Database = "database";

    private static readonly StoreLimitSetting[] Table =
    [
        new("issueWarningKb", Whole(0, MaxKb, nullable: true), "Issue warning at (KB)", "Выдавать предупреждение при (КБ)",
            "the owner gets a warning from the System Attendant once per warning interval; null: no warning",
            s => s.IssueWarningKb, (s, v) => s with { IssueWarningKb = (long?)v }),
        new("prohibitSendKb", Whole(0, MaxKb, nullable: true), "Prohibit send at (KB)", "Запретить отправку при (КБ)",
            "MAPI clients (Outlook) cannot send; not enforced for POP3 or IMAP4 clients, which send over SMTP; null: no limit",
            s => s.ProhibitSendKb, (s, v) => s with { ProhibitSendKb = (long?)v }),
        new("prohibitSendAndReceiveKb", Whole(0, MaxKb, nullable: true), "Prohibit send and receive at (KB)", "Запретить отправку и получение при (КБ)",
            "mail to the mailbox is returned with an NDR (5.2.2); null: no limit",
            s => s.ProhibitSendAndReceiveKb, (s, v) => s with { ProhibitSendAndReceiveKb = (long?)v }),
        new("warningMessageIntervalHours", Whole(1, 24 * 7), "Warning message interval (hours)", "Интервал предупреждений (часов)",
            "at most one storage warning per mailbox in this many hours of the virtual clock (ESM: a schedule, \"Run daily\")",
            s => s.WarningMessageIntervalHours, (s, v) => s with { WarningMessageIntervalHours = (long)v! }),
        new("keepDeletedItemsDays", Whole(0, 24_855), "Keep deleted items for (days)", "Хранить удаленные объекты (дней)",
            "deleted item retention",
            s => s.KeepDeletedItemsDays, (s, v) => s with { KeepDeletedItemsDays = (long)v! }),
        new("keepDeletedMailboxesDays", Whole(0, 24_855), "Keep deleted mailboxes for (days)", "Хранить удаленные почтовые ящики (дней)",
            "deleted mailbox retention",
            s => s.KeepDeletedMailboxesDays, (s, v) => s with { KeepDeletedMailboxesDays = (long)v! }),
        new("maintenanceInterval", SettingType.Text(MaintenanceInterval.Rule, nullable: false), "Maintenance interval", "Интервал обслуживания",
            "when online maintenance runs: a daily window HH:MM-HH:MM, always or never (default midnight to 4:00, docs/EXCHANGE-2003.md [133]); stored and shown, MailLab runs no maintenance",
            s => s.MaintenanceInterval, (s, v) => s with { MaintenanceInterval = (string)v! }, Database),
    ];

    private static readonly SettingsTable<StoreLimitSetting, StoreLimits> Group = new(
        Table,
        [],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        [Limits + ".", Database + "."],
        s => s.Tab);

    public static IReadOnlyList<StoreLimitSetting> All => Table;

    /// <summary>Finds a setting by name; throws <see cref="InvalidSettingException"/> with the valid names otherwise.</summary>
    public static StoreLimitSetting Find(string name) => Group.Find(name);

    /// <summary>The store's limits with every named setting read from its text, all or nothing.</summary>
    public static StoreLimits Apply(StoreLimits limits, IReadOnlyList<KeyValuePair<string, string>> changes) => Group.Change(changes)(limits);

    public static string? Validate(StoreLimits limits) => Group.Validate(limits);
}
