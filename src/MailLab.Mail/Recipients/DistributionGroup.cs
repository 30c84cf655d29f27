namespace MailLab.Mail.Recipients;

/// <summary>
/// A mail-enabled distribution group. Its members are users, contacts and other groups, named by
/// alias, name or any of their addresses; the categorizer expands it on delivery (nested groups
/// too, each member once, a group that contains itself expanded once).
/// </summary>
public sealed class DistributionGroup(string name, string alias) : DirectoryRecipient(name, alias)
{
    private readonly Lock _lock = new();
    private readonly List<string> _members = [];

    public override RecipientKind Kind => RecipientKind.Group;

    public IReadOnlyList<string> Members
    {
        get
        {
            lock (_lock)
            {
                return _members.ToArray();
            }
        }
    }

    internal bool AddMember(string member)
    {
        lock (_lock)
        {
            if (_members.Contains(member, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            _members.Add(member);
            return true;
        }
    }

    internal bool RemoveMember(string member)
    {
        lock (_lock)
        {
            return _members.RemoveAll(m => m.Equals(member, StringComparison.OrdinalIgnoreCase)) > 0;
        }
    }
}
