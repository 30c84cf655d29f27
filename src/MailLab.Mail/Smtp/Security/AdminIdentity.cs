using MailLab.Mail.Accounts;
using MailLab.Mail.World;

namespace MailLab.Mail.Smtp.Security;

/// <summary>
/// Who is administering a host: the built-in local <c>Administrator</c> (a member of
/// <c>Administrators</c>), or one of the host's accounts (a member of <c>Users</c>). The Security tab
/// of a virtual server lists the accounts and groups that may change it (docs/REFERENCE.md, "Security tab").
/// </summary>
public sealed record AdminIdentity(string Name, IReadOnlyList<string> Groups)
{
    public const string AdministratorName = "Administrator";
    public const string AdministratorsGroup = "Administrators";
    public const string UsersGroup = "Users";

    /// <summary>The built-in local administrator: what a caller with no credentials acts as.</summary>
    public static AdminIdentity Administrator { get; } = new(AdministratorName, [AdministratorsGroup, UsersGroup]);

    public bool IsAdministrator => Groups.Contains(AdministratorsGroup, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Logs on with an account of the host: a full address, or a bare user name when exactly one
    /// account of the host has it. Null for an unknown name or a wrong password.
    /// </summary>
    public static AdminIdentity? LogOn(MailHost host, string userName, string password)
    {
        var account = FindAccount(host, userName);
        return account is not null && AccountDirectory.PasswordMatches(account, password)
            ? new AdminIdentity(account.Address, [UsersGroup])
            : null;
    }

    /// <summary>The host's account named by a full address, or by a user name only one account has.</summary>
    public static MailAccount? FindAccount(MailHost host, string name)
    {
        if (name.Contains('@'))
        {
            return host.Accounts.Find(name);
        }

        var matches = host.Accounts.All.Where(a => a.UserName.Equals(name, StringComparison.OrdinalIgnoreCase)).Take(2).ToArray();
        return matches.Length == 1 ? matches[0] : null;
    }
}
