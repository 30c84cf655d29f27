using MailLab.Mail.World;

namespace MailLab.Mail.Smtp.Security;

/// <summary>
/// The Security tab of an SMTP virtual server: the operators, accounts or groups allowed to change it
/// (state, settings, domains, this list, deleting it). IIS 6 lists <c>Administrators</c> by default.
/// Accounts are kept by full address; groups and the built-in Administrator by name.
/// </summary>
public sealed class VirtualServerOperators
{
    private static readonly string[] BuiltIn = [AdminIdentity.AdministratorsGroup, AdminIdentity.UsersGroup, AdminIdentity.AdministratorName];

    private readonly MailHost _host;
    private IReadOnlyList<string> _names = [AdminIdentity.AdministratorsGroup];

    public VirtualServerOperators(MailHost host)
    {
        _host = host;
    }

    public IReadOnlyList<string> Names => Volatile.Read(ref _names);

    /// <summary>True when the caller is listed by name or is a member of a listed group.</summary>
    public bool Allows(AdminIdentity caller) =>
        Names.Any(n => n.Equals(caller.Name, StringComparison.OrdinalIgnoreCase) || caller.Groups.Contains(n, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Replaces the list. Each entry must be Administrators, Users, Administrator, or an account of the
    /// host (a bare user name is stored as the account's address); an empty list would lock everyone out.
    /// </summary>
    public void Replace(IEnumerable<string?> names)
    {
        var resolved = new List<string>();
        foreach (var raw in names)
        {
            var name = raw?.Trim() ?? "";
            if (name.Length == 0)
            {
                throw new ArgumentException("An operator entry is empty: name an account of the host or a group (Administrators, Users).");
            }

            var entry = BuiltIn.FirstOrDefault(b => b.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? AdminIdentity.FindAccount(_host, name)?.Address
                ?? throw new ArgumentException($"\"{name}\" is neither an account of {_host.Name} nor a group (Administrators, Users).");
            if (!resolved.Contains(entry, StringComparer.OrdinalIgnoreCase))
            {
                resolved.Add(entry);
            }
        }

        if (resolved.Count == 0)
        {
            throw new ArgumentException("operators must list at least one account or group: an empty list would lock every administrator out.");
        }

        Volatile.Write(ref _names, resolved.ToArray());
    }
}
