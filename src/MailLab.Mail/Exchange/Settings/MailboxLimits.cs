namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// A user's Storage Limits dialog (Active Directory Users and Computers, Exchange General tab): "Use
/// mailbox store defaults" (checked for a new mailbox, docs/EXCHANGE-2003.md section 6 [40][46]) or
/// its own three limits (null: that box is cleared).
/// </summary>
public sealed record MailboxLimits(
    bool UseStoreDefaults,
    long? IssueWarningKb,
    long? ProhibitSendKb,
    long? ProhibitSendAndReceiveKb)
{
    public static MailboxLimits Defaults { get; } = new(true, null, null, null);
}
