using MailLab.Mail.Settings;
using static MailLab.Mail.Settings.SettingType;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// A user's Storage Limits dialog by its API / topology-file / scenario-step name (docs/EXCHANGE-2003.md,
/// section 6): "Use mailbox store defaults" or the user's own three limits. Deleted item retention per
/// user is not modelled.
/// </summary>
public static class MailboxLimitSettings
{
    private static readonly MailboxLimitSetting[] Table =
    [
        new("useStoreDefaults", Bool, "Use mailbox store defaults", "Использовать значения по умолчанию хранилища",
            "the store's Limits tab applies; false: the three limits below",
            s => s.UseStoreDefaults, (s, v) => s with { UseStoreDefaults = (bool)v! }),
        new("issueWarningKb", Whole(0, StoreLimitSettings.MaxKb, nullable: true), "Issue warning at (KB)", "Выдавать предупреждение при (КБ)",
            "the user's own warning limit; null: none",
            s => s.IssueWarningKb, (s, v) => s with { IssueWarningKb = (long?)v }),
        new("prohibitSendKb", Whole(0, StoreLimitSettings.MaxKb, nullable: true), "Prohibit send at (KB)", "Запретить отправку при (КБ)",
            "the user's own prohibit-send limit (MAPI clients only); null: none",
            s => s.ProhibitSendKb, (s, v) => s with { ProhibitSendKb = (long?)v }),
        new("prohibitSendAndReceiveKb", Whole(0, StoreLimitSettings.MaxKb, nullable: true), "Prohibit send and receive at (KB)", "Запретить отправку и получение при (КБ)",
            "the user's own prohibit-send-and-receive limit; null: none",
            s => s.ProhibitSendAndReceiveKb, (s, v) => s with { ProhibitSendAndReceiveKb = (long?)v }),
    ];

    private static readonly SettingsTable<MailboxLimitSetting, MailboxLimits> Group = new(
        Table,
        [],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        ["storageLimits."],
        _ => "storage limits");

    public static IReadOnlyList<MailboxLimitSetting> All => Table;

    /// <summary>Finds a setting by name; throws <see cref="InvalidSettingException"/> with the valid names otherwise.</summary>
    public static MailboxLimitSetting Find(string name) => Group.Find(name);

    /// <summary>The user's limits with every named setting read from its text, all or nothing.</summary>
    public static MailboxLimits Apply(MailboxLimits limits, IReadOnlyList<KeyValuePair<string, string>> changes) => Group.Change(changes)(limits);
}
