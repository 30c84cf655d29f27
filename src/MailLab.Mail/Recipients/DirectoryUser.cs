namespace MailLab.Mail.Recipients;

/// <summary>
/// A user of the directory with its Exchange attributes. <see cref="Account"/> is its user principal
/// name, the address its mailbox has on its host (the host's mailbox store is keyed by it); mail to
/// any of its proxy addresses is delivered there. Exchange 2003 keeps one mailbox per user.
/// </summary>
public sealed class DirectoryUser(string account, string alias) : DirectoryRecipient(account[..account.IndexOf('@')], alias)
{
    public override RecipientKind Kind => RecipientKind.User;

    /// <summary>user@domain: the logon name and the mailbox's address.</summary>
    public string Account { get; } = account.ToLowerInvariant();
}
