namespace MailLab.Mail.Exchange;

/// <summary>One entry of a mailbox's Mailbox Rights (ADUC, Exchange Advanced): who, what is allowed and denied, and whether it is inherited.</summary>
public sealed record MailboxRight(string Trustee, IReadOnlyList<string> Allow, IReadOnlyList<string> Deny, bool Inherited);

/// <summary>
/// The Mailbox Rights of a new Exchange 2003 mailbox, read-only in MailLab: "By default, only the user
/// who is the mailbox owner has the required permissions to open his or her mailbox" (KB 268754,
/// docs/EXCHANGE-2003.md [150]); the Administrator, Domain Admins and Enterprise Admins are denied access
/// to other users' mailboxes (third-party [151]). The exact permission names other than "Full mailbox
/// access" and "Read permissions" and the rows ADUC lists are chosen; MailLab's POP3 and IMAP4 check
/// the owner's password only, so nothing reads these entries.
/// </summary>
public static class MailboxRights
{
    public const string FullMailboxAccess = "Full mailbox access";
    public const string ReadPermissions = "Read permissions";

    public static IReadOnlyList<MailboxRight> Defaults { get; } =
    [
        new("SELF", [FullMailboxAccess, ReadPermissions], [], Inherited: false),
        new("Administrator", [ReadPermissions], [FullMailboxAccess], Inherited: true),
        new("Domain Admins", [ReadPermissions], [FullMailboxAccess], Inherited: true),
        new("Enterprise Admins", [ReadPermissions], [FullMailboxAccess], Inherited: true),
    ];
}
