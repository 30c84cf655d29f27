using MailLab.Mail.Accounts;

namespace MailLab.Mail.Pop3;

/// <summary>
/// One Active Directory domain, shared by the hosts of one organisation (see
/// <see cref="Pop3Service.DirectoryName"/>): the accounts the POP3 services of those hosts log on
/// against with the Active Directory integrated method. A user's logon name (sAMAccountName) is
/// unique across the directory, whatever the e-mail domain; the user principal name is the address.
/// An account added on one host is known on every host of the directory.
/// </summary>
public sealed partial class ActiveDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MailAccount> _byName = new(StringComparer.OrdinalIgnoreCase);

    internal ActiveDirectory(string name)
    {
        Name = name;
    }

    /// <summary>The directory's DNS name (rosnou.ru).</summary>
    public string Name { get; }

    public IReadOnlyList<MailAccount> Accounts
    {
        get
        {
            lock (_gate)
            {
                return _byName.Values.OrderBy(a => a.Address, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>The account with this logon name (the part before @).</summary>
    public MailAccount? FindByName(string userName)
    {
        lock (_gate)
        {
            return _byName.GetValueOrDefault(userName);
        }
    }

    /// <summary>The account whose user principal name is this address.</summary>
    public MailAccount? Find(string address)
    {
        var at = address.IndexOf('@');
        var account = at > 0 ? FindByName(address[..at]) : null;
        return account is not null && string.Equals(account.Address, address, StringComparison.OrdinalIgnoreCase) ? account : null;
    }

    /// <summary>A logon name: a full address (user principal name) or a bare user name.</summary>
    public MailAccount? FindLogon(string logon) => logon.Contains('@') ? Find(logon) : FindByName(logon);

    /// <summary>Creates an account; refused when its user name is taken anywhere in the directory.</summary>
    public MailAccount Add(string address, string password) => Add(new MailAccount(address, password));

    /// <summary>Adds an account made elsewhere: a local account migrated with its password (or only its hash).</summary>
    public MailAccount Add(MailAccount account)
    {
        lock (_gate)
        {
            if (_byName.TryGetValue(account.UserName, out var taken))
            {
                throw new Pop3AdminException(
                    $"The user {account.UserName} already exists in the directory {Name} ({taken.Address}); user names are unique across the directory.");
            }

            _byName[account.UserName] = account;
            return account;
        }
    }

    public bool Remove(string address)
    {
        lock (_gate)
        {
            var at = address.IndexOf('@');
            return at > 0
                && _byName.TryGetValue(address[..at], out var account)
                && string.Equals(account.Address, address, StringComparison.OrdinalIgnoreCase)
                && _byName.Remove(account.UserName);
        }
    }
}
