using System.Text.RegularExpressions;
using MailLab.Mail.Smtp;

namespace MailLab.Mail.Pop3;

/// <summary>
/// What winpop and the POP3 service's MMC snap-in administer: the authentication method, e-mail
/// domains and mailboxes, locks and quotas. Every refusal is a <see cref="Pop3AdminException"/>
/// with a one-line reason.
/// </summary>
public sealed partial class Pop3Service
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pop3Domain> _domains = new(StringComparer.OrdinalIgnoreCase);

    public Pop3AuthenticationMethod AuthenticationMethod => Settings.Authentication;

    /// <summary>The password file of <see cref="Pop3AuthenticationMethod.EncryptedPasswordFile"/>.</summary>
    public Pop3PasswordFile PasswordFile { get; } = new();

    /// <summary>winpop get mailroot: where the store's domain folders live.</summary>
    public string MailRoot
    {
        get => Settings.MailRoot;
        set => Configure(s => s with { MailRoot = value });
    }

    /// <summary>winpop get logging: 0 none, 1 minimum, 2 medium, 3 maximum.</summary>
    public int LoggingLevel
    {
        get => Settings.LoggingLevel;
        set => Configure(s => s with { LoggingLevel = value });
    }

    /// <summary>winpop get socket: the listener's minimum and maximum pooled sockets.</summary>
    public int SocketMin => Settings.SocketMin;

    public int SocketMax => Settings.SocketMax;

    /// <summary>winpop get threadcount: worker threads per processor.</summary>
    public int ThreadCount
    {
        get => Settings.ThreadCount;
        set => Configure(s => s with { ThreadCount = value });
    }

    public IReadOnlyList<Pop3Domain> Domains
    {
        get
        {
            lock (_gate)
            {
                return _domains.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public IReadOnlyList<Pop3Mailbox> MailboxesOf(Pop3Domain domain)
    {
        lock (_gate)
        {
            return domain.Mailboxes.Values.OrderBy(m => m.UserName, StringComparer.Ordinal).ToArray();
        }
    }

    public Pop3Domain? FindDomain(string name)
    {
        lock (_gate)
        {
            return _domains.GetValueOrDefault(name);
        }
    }

    /// <summary>The POP3 mailbox of an address; null when there is none (or the address is not User@Domain).</summary>
    public Pop3Mailbox? FindMailbox(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return null;
        }

        var (user, domain) = (address[..at].ToLowerInvariant(), address[(at + 1)..]);
        lock (_gate)
        {
            return _domains.GetValueOrDefault(domain)?.Mailboxes.GetValueOrDefault(user);
        }
    }

    /// <summary>The method can be changed only while no e-mail domain exists (docs/REFERENCE.md, "Authentication").</summary>
    public void SetAuthenticationMethod(Pop3AuthenticationMethod method) => Configure(s => s with { Authentication = method });

    /// <summary>
    /// Creates an e-mail domain. It becomes a Local (Alias) domain of the host's SMTP virtual
    /// servers (unless it is local there already), so SMTP delivers its mail into the store.
    /// Accounts of that domain that already have a mailbox in the store become its mailboxes.
    /// </summary>
    public Pop3Domain AddDomain(string name) => AddDomain(name, adoptAccounts: true);

    /// <summary>As <see cref="AddDomain(string)"/>; a topology file lists its mailboxes itself (<paramref name="adoptAccounts"/> false).</summary>
    internal Pop3Domain AddDomain(string name, bool adoptAccounts)
    {
        name = name.Trim().ToLowerInvariant();
        if (!DomainName().IsMatch(name))
        {
            throw new Pop3AdminException($"\"{name}\" is not a valid domain name.");
        }

        lock (_gate)
        {
            if (_domains.ContainsKey(name))
            {
                throw new Pop3AdminException($"The domain {name} already exists.");
            }

            var servers = Host.Smtp.VirtualServers;
            if (servers.FirstOrDefault(vs => vs.Domains.Find(name) is { IsLocal: false }) is { } remote)
            {
                throw new Pop3AdminException($"{name} is a remote domain of \"{remote.Name}\".");
            }

            var added = false;
            foreach (var server in servers.Where(vs => vs.Domains.Find(name) is null))
            {
                server.Domains.Add(name, SmtpDomainType.LocalAlias);
                added = true;
            }

            var domain = new Pop3Domain(name, added);
            if (adoptAccounts && AuthenticationMethod != Pop3AuthenticationMethod.EncryptedPasswordFile)
            {
                foreach (var account in Host.Accounts.All.Where(a => a.Domain == name && Host.Mailboxes.Find(a.Address) is not null))
                {
                    domain.Mailboxes[account.UserName] = new Pop3Mailbox(domain, account.UserName);
                }
            }

            _domains[name] = domain;
            return domain;
        }
    }

    /// <summary>Deletes a domain with its mailboxes and all their mail.</summary>
    public void DeleteDomain(string name)
    {
        lock (_gate)
        {
            var domain = RequireDomain(name);
            foreach (var mailbox in domain.Mailboxes.Values)
            {
                Host.Mailboxes.Remove(mailbox.Address);
                PasswordFile.Remove(mailbox.Address);
            }

            _domains.Remove(domain.Name);
            if (domain.AddedToSmtp)
            {
                foreach (var server in Host.Smtp.VirtualServers.Where(vs => vs.Domains.Find(domain.Name) is { Type: SmtpDomainType.LocalAlias }))
                {
                    server.Domains.Remove(domain.Name);
                }
            }
        }
    }

    /// <summary>
    /// Creates a mailbox and its folder in the store. <paramref name="password"/> is /createuser:
    /// it creates the user (a local account, a directory account, or a password-file entry), and
    /// the password-file method requires it.
    /// </summary>
    public Pop3Mailbox AddMailbox(string address, string? password) => AddMailbox(address, password, passwordHash: null);

    /// <summary>As <see cref="AddMailbox(string, string?)"/>; a topology file may give a password file's hash instead of the password.</summary>
    internal Pop3Mailbox AddMailbox(string address, string? password, string? passwordHash)
    {
        var (user, domainName) = Split(address);

        if (Pop3MailboxName.Problem(user, AuthenticationMethod) is { } problem)
        {
            throw new Pop3AdminException(problem);
        }

        lock (_gate)
        {
            var domain = RequireDomain(domainName);
            if (domain.Mailboxes.ContainsKey(user))
            {
                throw new Pop3AdminException($"The mailbox {user}@{domain.Name} already exists.");
            }

            var full = $"{user}@{domain.Name}";
            switch (AuthenticationMethod)
            {
                case Pop3AuthenticationMethod.EncryptedPasswordFile:
                    CreatePasswordFileUser(full, password, passwordHash);
                    break;
                case Pop3AuthenticationMethod.ActiveDirectoryIntegrated:
                    CreateDirectoryUser(full, password);
                    break;
                default:
                    CreateLocalUser(full, user, password);
                    break;
            }

            Host.Mailboxes.Create(full);
            var mailbox = new Pop3Mailbox(domain, user);
            domain.Mailboxes[user] = mailbox;
            return mailbox;
        }
    }

    /// <summary>Deletes a mailbox with its mail; <paramref name="deleteUser"/> also deletes the user (winpop /deleteuser).</summary>
    public void DeleteMailbox(string address, bool deleteUser)
    {
        lock (_gate)
        {
            var mailbox = RequireMailbox(address);
            mailbox.Domain.Mailboxes.Remove(mailbox.UserName);
            Host.Mailboxes.Remove(mailbox.Address);
            if (deleteUser)
            {
                Host.Accounts.Remove(mailbox.Address);
                PasswordFile.Remove(mailbox.Address);
                if (AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated)
                {
                    Directory.Remove(mailbox.Address);
                }
            }
        }
    }

    /// <summary>Locks a domain (all of its mailboxes) or one mailbox: mail still arrives, logons get -ERR [AUTH].</summary>
    public void Lock(string domainOrAddress) => SetLock(domainOrAddress, locked: true);

    /// <summary>Unlocks a domain or a mailbox; a mailbox inside a locked domain cannot be unlocked alone.</summary>
    public void Unlock(string domainOrAddress) => SetLock(domainOrAddress, locked: false);

    /// <summary>Whether the administrator's lock keeps this address from logging on.</summary>
    public bool IsMailboxLocked(string address) => FindMailbox(address)?.IsLocked ?? false;

    public void ChangePassword(string address, string newPassword)
    {
        lock (_gate)
        {
            var mailbox = RequireMailbox(address);
            if (AuthenticationMethod == Pop3AuthenticationMethod.EncryptedPasswordFile)
            {
                PasswordFile.Set(mailbox.Address, newPassword);
            }
            else
            {
                var account = (AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated ? Directory.Find(mailbox.Address) : null)
                    ?? Host.Accounts.Find(mailbox.Address)
                    ?? throw new Pop3AdminException($"There is no user {mailbox.Address}.");
                account.Password = newPassword;
            }
        }
    }

    /// <summary>winpop stat: messages and bytes per mailbox.</summary>
    public (int Messages, long Bytes) Usage(Pop3Mailbox mailbox)
    {
        var messages = Host.Mailboxes.Find(mailbox.Address)?.Messages ?? [];
        return (messages.Count, messages.Sum(m => m.Size));
    }

    private void SetLock(string domainOrAddress, bool locked)
    {
        lock (_gate)
        {
            if (!domainOrAddress.Contains('@'))
            {
                var domain = RequireDomain(domainOrAddress);
                domain.IsLocked = locked;
                return;
            }

            var mailbox = RequireMailbox(domainOrAddress);
            if (!locked && mailbox.Domain.IsLocked)
            {
                throw new Pop3AdminException($"The domain {mailbox.Domain.Name} is locked; unlock the domain first.");
            }

            mailbox.IsOwnLocked = locked;
        }
    }

    private Pop3Domain RequireDomain(string name) =>
        _domains.GetValueOrDefault(name.Trim()) ?? throw new Pop3AdminException($"The domain {name} does not exist.");

    private Pop3Mailbox RequireMailbox(string address)
    {
        var (user, domain) = Split(address);
        var found = RequireDomain(domain);
        return found.Mailboxes.GetValueOrDefault(user) ?? throw new Pop3AdminException($"The mailbox {user}@{found.Name} does not exist.");
    }

    private static (string User, string Domain) Split(string address)
    {
        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            throw new Pop3AdminException($"\"{address}\" is not User@Domain.");
        }

        return (address[..at].Trim(' ').ToLowerInvariant(), address[(at + 1)..].Trim(' ').ToLowerInvariant());
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex DomainName();
}
