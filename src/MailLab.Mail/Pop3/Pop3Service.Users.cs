namespace MailLab.Mail.Pop3;

/// <summary>
/// The users behind mailboxes, per authentication method: local accounts (the host's account
/// database), Active Directory accounts (the organisation's shared <see cref="ActiveDirectory"/>),
/// or password-file entries; and winpop migrateToAD, which moves a local account into the directory.
/// </summary>
public sealed partial class Pop3Service
{
    /// <summary>
    /// winpop migrateToAD User@Domain: moves the mailbox's local account into the directory with its
    /// password, so that the user logs on with the Active Directory integrated method (and from any
    /// host of the organisation that gives the user a mailbox). The rules:
    /// <list type="bullet">
    /// <item>the service uses the Active Directory integrated method, and the mailbox exists;</item>
    /// <item>the user is a local account of this host (a password file keeps only a salted hash, so
    /// it has no password to carry over) and not yet a directory account;</item>
    /// <item>the user name is free across the directory (names are unique there, whatever the domain).</item>
    /// </list>
    /// The local account is removed: its owner now exists once, in the directory.
    /// </summary>
    public ActiveDirectory MigrateToDirectory(string address)
    {
        lock (_gate)
        {
            if (AuthenticationMethod != Pop3AuthenticationMethod.ActiveDirectoryIntegrated)
            {
                throw new Pop3AdminException("migrateToAD needs the Active Directory integrated method (winpop set authentication 2).");
            }

            var mailbox = RequireMailbox(address);
            var directory = Directory;
            if (directory.Find(mailbox.Address) is not null)
            {
                throw new Pop3AdminException($"{mailbox.Address} is already an account of the directory {directory.Name}.");
            }

            var local = Host.Accounts.Find(mailbox.Address)
                ?? throw new Pop3AdminException($"There is no local account {mailbox.Address} to migrate.");
            directory.Add(local);
            Host.Accounts.Remove(local.Address);
            return directory;
        }
    }

    private void CreatePasswordFileUser(string address, string? password, string? passwordHash)
    {
        if (passwordHash is not null)
        {
            PasswordFile.Import(address, passwordHash);
        }
        else if (password is not null)
        {
            PasswordFile.Set(address, password);
        }
        else
        {
            throw new Pop3AdminException("The encrypted password file method requires /createuser Password.");
        }
    }

    /// <summary>With /createuser a directory account; without it the user must exist, in the directory or (not yet migrated) locally.</summary>
    private void CreateDirectoryUser(string address, string? password)
    {
        if (password is null)
        {
            RequireExistingUser(address, Directory.Find(address) is not null);
            return;
        }

        if (Host.Accounts.Find(address) is not null)
        {
            throw new Pop3AdminException($"The user {address} already exists as a local account; winpop migrateToAD moves it into the directory.");
        }

        Directory.Add(address, password);
    }

    /// <summary>Local accounts: one Windows account per user name, whatever the domain.</summary>
    private void CreateLocalUser(string address, string user, string? password)
    {
        if (password is null)
        {
            RequireExistingUser(address, found: false);
            return;
        }

        if (Host.Accounts.All.FirstOrDefault(a => a.UserName == user) is { } taken)
        {
            throw new Pop3AdminException($"The user {user} already exists ({taken.Address}); local account names are unique across domains.");
        }

        Host.Accounts.Add(address, password);
    }

    private void RequireExistingUser(string address, bool found)
    {
        if (!found && Host.Accounts.Find(address) is null)
        {
            throw new Pop3AdminException($"There is no user {address}; add /createuser Password.");
        }
    }
}
