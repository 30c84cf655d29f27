namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// A mailbox store's Limits tab at one moment: the three storage limits (null: the check box is
/// cleared, no limit), the warning message interval, and deleted item and deleted mailbox retention.
/// Immutable; <see cref="StoreLimitSettings"/> checks a new one and the store swaps it in.
/// Defaults: no storage limit (the product ships with the check boxes cleared, docs/EXCHANGE-2003.md
/// section 3, [37]; chosen), deleted items kept 7 days (ExBPA's recommendation [136]; chosen as the
/// default), deleted mailboxes 30 days (msExchMailboxRetentionPeriod, 2,592,000 seconds [38][39]), and
/// a warning at most once a day (ESM's "Run daily" schedule is modelled as an interval in hours on the
/// virtual clock; chosen). The Database tab's maintenance interval rides in the same snapshot (one
/// settings table for the store, <see cref="StoreLimitSettings"/>); see <see cref="MaintenanceInterval"/>.
/// </summary>
public sealed record StoreLimits(
    long? IssueWarningKb,
    long? ProhibitSendKb,
    long? ProhibitSendAndReceiveKb,
    long WarningMessageIntervalHours,
    long KeepDeletedItemsDays,
    long KeepDeletedMailboxesDays,
    string MaintenanceInterval)
{
    public static StoreLimits Defaults { get; } = new(null, null, null, 24, 7, 30, Settings.MaintenanceInterval.Default);
}
