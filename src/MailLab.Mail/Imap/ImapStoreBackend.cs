using MailLab.Protocol.Imap.Backend;

namespace MailLab.Mail.Imap;

/// <summary>
/// The host's mailbox store as an IMAP session sees it: logon with the host's accounts (the full
/// address, or a bare user name completed with the host's domain) or its POP3 directory.
/// </summary>
internal sealed class ImapStoreBackend(ImapService service) : IImapBackend
{
    public ImapLogonResult Authenticate(string user, string password)
    {
        if (Find(user) is not { } account || !account.Verify(password))
        {
            return ImapLogonResult.Failed(ImapLogonFailure.InvalidCredentials);
        }

        var host = service.Host;
        if (service.Host.Pop3.IsMailboxLocked(account.Address))
        {
            return ImapLogonResult.Failed(ImapLogonFailure.AccountDisabled, "the mailbox is locked");
        }

        var mailbox = host.Mailboxes.Find(account.Address) ?? host.Mailboxes.Create(account.Address);
        mailbox.EnsureDefaultFolders();
        return ImapLogonResult.Success(new ImapStoreAccount(host, mailbox));
    }

    public bool TryGetPassword(string user, out string password)
    {
        password = Find(user)?.Password ?? string.Empty;
        return password.Length > 0;
    }

    private Accounts.MailAccount? Find(string user)
    {
        var host = service.Host;
        return host.Accounts.FindLogon(user, host.Name) ?? host.Pop3.Directory.FindLogon(user);
    }
}
