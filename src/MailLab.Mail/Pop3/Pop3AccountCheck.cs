using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// Checks a logon against the POP3 service's authentication method (winpop set authentication):
/// local accounts, the organisation's directory or the encrypted password file. POP3 and IMAP
/// sessions of a host share it, so one account logs on to both the same way.
/// </summary>
internal static class Pop3AccountCheck
{
    /// <summary>The mailbox address the credentials log on to, or null (unknown user, wrong secret, not a mailbox here).</summary>
    public static string? Check(Pop3Service service, Pop3Credentials credentials) => service.AuthenticationMethod switch
    {
        Pop3AuthenticationMethod.EncryptedPasswordFile => CheckPasswordFile(service, credentials),
        Pop3AuthenticationMethod.ActiveDirectoryIntegrated => CheckDirectory(service, credentials),
        _ => CheckAccounts(service, credentials),
    };

    /// <summary>
    /// The clear secret of a logon name, for CRAM-MD5: null with the password file (salted hashes
    /// only) and for accounts that kept only a hash.
    /// </summary>
    public static string? ClearSecret(Pop3Service service, string userName)
    {
        if (service.AuthenticationMethod == Pop3AuthenticationMethod.EncryptedPasswordFile)
        {
            return null;
        }

        if (service.AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated)
        {
            return service.Directory.FindLogon(userName)?.Password;
        }

        var host = service.Host;
        var account = host.Accounts.FindLogon(userName, host.Name);
        if (account is null && !userName.Contains('@'))
        {
            var name = userName.ToLowerInvariant();
            var owner = service.Domains.SelectMany(service.MailboxesOf).FirstOrDefault(m => m.UserName == name);
            account = owner is null ? null : host.Accounts.Find(owner.Address);
        }

        return account?.Password;
    }

    /// <summary>Salted hashes answer only the cleartext mechanisms: APOP and CRAM-MD5 need the clear secret.</summary>
    private static string? CheckPasswordFile(Pop3Service service, Pop3Credentials credentials)
    {
        if (!credentials.UserName.Contains('@')
            || !Pop3LogonMechanisms.IsCleartext(credentials.Mechanism)
            || credentials.Password is null
            || service.FindMailbox(credentials.UserName) is not { } mailbox
            || !service.PasswordFile.Verify(mailbox.Address, credentials.Password))
        {
            return null;
        }

        return mailbox.Address;
    }

    /// <summary>
    /// The organisation's directory knows the users of all its hosts; those with a mailbox here log
    /// on (by user name or full address). A local account not yet migrated (winpop migrateToAD) does not.
    /// </summary>
    private static string? CheckDirectory(Pop3Service service, Pop3Credentials credentials)
    {
        var account = service.Directory.FindLogon(credentials.UserName);
        if (account is null || !Accepts(account, credentials) || service.FindMailbox(account.Address) is null)
        {
            return null;
        }

        return account.Address;
    }

    /// <summary>An account that kept only its password hash (restored from a saved configuration) answers cleartext mechanisms only.</summary>
    private static bool Accepts(Accounts.MailAccount account, Pop3Credentials credentials) => account.Password is { } secret
        ? credentials.Matches(secret)
        : Pop3LogonMechanisms.IsCleartext(credentials.Mechanism) && credentials.Password is { } password && account.Verify(password);

    private static string? CheckAccounts(Pop3Service service, Pop3Credentials credentials)
    {
        var host = service.Host;
        var account = host.Accounts.FindLogon(credentials.UserName, host.Name);
        if (account is null && !credentials.UserName.Contains('@'))
        {
            var name = credentials.UserName.ToLowerInvariant();
            var owner = service.Domains.SelectMany(service.MailboxesOf).FirstOrDefault(m => m.UserName == name);
            account = owner is null ? null : host.Accounts.Find(owner.Address);
        }

        if (account is null || !Accepts(account, credentials))
        {
            return null;
        }

        // In a POP3 domain only its mailboxes log on; hosts without POP3 domains serve every account.
        if (service.FindDomain(account.Domain) is not null && service.FindMailbox(account.Address) is null)
        {
            return null;
        }

        return account.Address;
    }
}
