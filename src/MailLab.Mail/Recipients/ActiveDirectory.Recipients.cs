using MailLab.Mail.Recipients;

namespace MailLab.Mail.Pop3;

/// <summary>
/// The directory's Exchange recipients (Active Directory Users and Computers with the Exchange
/// extensions): users with their Exchange attributes, mail-enabled contacts, distribution groups,
/// and the recipient policies that give them their SMTP proxy addresses. An account of the
/// directory is a user here too (with its logon name as alias) the first time it is listed.
/// An address belongs to one recipient at most, as Exchange refuses a proxy address already in use.
/// </summary>
public sealed partial class ActiveDirectory
{
    private readonly Dictionary<string, DirectoryUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryContact> _contacts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DistributionGroup> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecipientPolicy> _policies = [];

    /// <summary>The users: every account of the directory, and the users named by address for accounts of its hosts.</summary>
    public IReadOnlyList<DirectoryUser> Users
    {
        get
        {
            lock (_gate)
            {
                foreach (var account in _byName.Values)
                {
                    UserLocked(account.Address);
                }

                return _users.Values.OrderBy(u => u.Account, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public IReadOnlyList<DirectoryContact> Contacts
    {
        get
        {
            lock (_gate)
            {
                return _contacts.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public IReadOnlyList<DistributionGroup> Groups
    {
        get
        {
            lock (_gate)
            {
                return _groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>The recipient policies, highest priority first; the Default Policy (SMTP:%m@directory) is always last.</summary>
    public IReadOnlyList<RecipientPolicy> RecipientPolicies
    {
        get
        {
            lock (_gate)
            {
                return PoliciesLocked();
            }
        }
    }

    /// <summary>Whether the account already has its user record.</summary>
    public bool HasUser(string account)
    {
        lock (_gate)
        {
            return _users.ContainsKey(account);
        }
    }

    /// <summary>The user whose account (user principal name) is <paramref name="account"/>, made with the default alias the first time.</summary>
    public DirectoryUser User(string account)
    {
        lock (_gate)
        {
            return UserLocked(account);
        }
    }

    /// <summary>
    /// The recipient an address reaches (any proxy address, or a user's account address), or the one
    /// a bare word names (alias, then name). Null when none.
    /// </summary>
    public DirectoryRecipient? FindRecipient(string nameOrAddress)
    {
        var key = nameOrAddress.Trim();
        lock (_gate)
        {
            var all = _users.Values.Cast<DirectoryRecipient>().Concat(_contacts.Values).Concat(_groups.Values).ToArray();
            if (key.Contains('@'))
            {
                return all.FirstOrDefault(r => r.HasAddress(key))
                    ?? (_users.TryGetValue(key, out var byAccount) ? byAccount : null)
                    ?? (Find(key) is { } account ? UserLocked(account.Address) : null);
            }

            return all.FirstOrDefault(r => r.Alias.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? all.FirstOrDefault(r => r.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? (FindByName(key) is { } named ? UserLocked(named.Address) : null);
        }
    }

    /// <summary>A user for an account (of the directory or of one of its hosts), with its alias, given name and surname.</summary>
    public DirectoryUser AddUser(string account, string? alias = null, string? firstName = null, string? lastName = null)
    {
        if (!Topology.NameRules.IsMailAddress(account))
        {
            throw new RecipientAdminException($"\"{account}\" is not a user's account: write its address, user@domain.");
        }

        lock (_gate)
        {
            // A new user gets its alias and names before the policy makes its addresses.
            if (!_users.ContainsKey(account) && alias is not null)
            {
                CheckAliasFree(alias, recipient: null);
                _users[account.ToLowerInvariant()] = new DirectoryUser(account, alias);
            }

            var user = _users.TryGetValue(account, out var made) ? made : UserLocked(account);
            if (alias is not null && !alias.Equals(user.Alias, StringComparison.OrdinalIgnoreCase))
            {
                CheckAliasFree(alias, user);
                user.Alias = alias;
            }

            user.FirstName = firstName ?? user.FirstName;
            user.LastName = lastName ?? user.LastName;
            if (firstName is not null || lastName is not null)
            {
                user.DisplayName = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrEmpty(n)));
            }

            ApplyPolicyLocked(user);
            return user;
        }
    }

    /// <summary>New, Contact, with Exchange's "Create an E-mail Address" (the contact's external SMTP address).</summary>
    public DirectoryContact AddContact(string name, string externalAddress, string? alias = null, string? firstName = null, string? lastName = null)
    {
        if (!Topology.NameRules.IsMailAddress(externalAddress))
        {
            throw new RecipientAdminException($"\"{externalAddress}\" is not an external SMTP address (user@domain).");
        }

        lock (_gate)
        {
            CheckNameFree(name);
            var contact = new DirectoryContact(name, alias ?? name, externalAddress) { FirstName = firstName, LastName = lastName };
            CheckAliasFree(contact.Alias, contact);
            _contacts[name] = contact;
            ApplyPolicyLocked(contact);
            return contact;
        }
    }

    /// <summary>New, Group (Distribution, with an Exchange e-mail address).</summary>
    public DistributionGroup AddGroup(string name, string? alias = null)
    {
        lock (_gate)
        {
            CheckNameFree(name);
            var group = new DistributionGroup(name, alias ?? name);
            CheckAliasFree(group.Alias, group);
            _groups[name] = group;
            ApplyPolicyLocked(group);
            return group;
        }
    }

    /// <summary>Exchange Tasks, "Establish E-mail Addresses" on a user: mail-enabled with an external address (no mailbox is used).</summary>
    public DirectoryUser EstablishEmailAddress(string account, string externalAddress)
    {
        if (!Topology.NameRules.IsMailAddress(externalAddress))
        {
            throw new RecipientAdminException($"\"{externalAddress}\" is not an external SMTP address (user@domain).");
        }

        var user = User(account);
        user.ExternalAddress = externalAddress;
        return user;
    }

    /// <summary>Adds a member (a user, contact or group by alias, name or address); a name no recipient has is refused.</summary>
    public string AddMember(DistributionGroup group, string member)
    {
        var found = FindRecipient(member) ?? throw new RecipientAdminException($"There is no user, contact or group \"{member}\" in the directory {Name}.");
        var name = Reference(found);
        if (!group.AddMember(name))
        {
            throw new RecipientAdminException($"{name} is already a member of {group.Name}.");
        }

        return name;
    }

    public void RemoveMember(DistributionGroup group, string member)
    {
        var name = FindRecipient(member) is { } found ? Reference(found) : member;
        if (!group.RemoveMember(name) && !group.RemoveMember(member))
        {
            throw new RecipientAdminException($"{member} is not a member of {group.Name}.");
        }
    }

    /// <summary>
    /// E-mail Addresses tab, New, SMTP Address (or "Set as Primary" for an address it has). An
    /// address another recipient has is refused, as Exchange does (chosen wording, after its
    /// "The proxy address … is already being used").
    /// </summary>
    public void AddProxy(DirectoryRecipient recipient, ProxyAddress proxy)
    {
        lock (_gate)
        {
            CheckAddressFree(proxy.Address, recipient);
            recipient.AddProxy(proxy);
        }
    }

    /// <summary>New, SMTP Address from its text: "SMTP:a@b" (primary) or "smtp:a@b"; anything else is refused.</summary>
    public void AddProxy(DirectoryRecipient recipient, string text) =>
        AddProxy(recipient, ProxyAddress.Parse(text)
            ?? throw new RecipientAdminException($"\"{text}\" is not an SMTP address: write SMTP:user@domain (primary) or smtp:user@domain."));

    /// <summary>The E-mail Addresses tab's "Set as Primary" on one of the recipient's addresses.</summary>
    public void SetPrimary(DirectoryRecipient recipient, string address)
    {
        if (!recipient.HasAddress(address))
        {
            throw new RecipientAdminException($"{recipient.Name} has no address {address}.");
        }

        AddProxy(recipient, new ProxyAddress(address.ToLowerInvariant(), Primary: true));
    }

    public void RemoveProxy(DirectoryRecipient recipient, string address)
    {
        if (!recipient.RemoveProxy(address))
        {
            throw new RecipientAdminException($"{recipient.Name} has no address {address}.");
        }
    }

    /// <summary>Adds a policy or replaces the one of that name, and applies the policies again (the Recipient Update Service's "Apply this policy now").</summary>
    public void SetPolicy(RecipientPolicy policy)
    {
        lock (_gate)
        {
            _policies.RemoveAll(p => p.Name.Equals(policy.Name, StringComparison.OrdinalIgnoreCase));
            _policies.Add(policy);
            foreach (var recipient in _users.Values.Cast<DirectoryRecipient>().Concat(_contacts.Values).Concat(_groups.Values))
            {
                ApplyPolicyLocked(recipient, promote: true);
            }
        }
    }

    /// <summary>How a group lists a member: a user by account, others by name.</summary>
    public static string Reference(DirectoryRecipient recipient) => recipient is DirectoryUser user ? user.Account : recipient.Name;

    private DirectoryUser UserLocked(string account)
    {
        var key = account.ToLowerInvariant();
        if (_users.TryGetValue(key, out var user))
        {
            return user;
        }

        var alias = key[..key.IndexOf('@')];
        user = new DirectoryUser(key, alias);
        _users[key] = user;
        ApplyPolicyLocked(user);
        return user;
    }

    private List<RecipientPolicy> PoliciesLocked()
    {
        var all = _policies.OrderBy(p => p.Priority).ToList();
        if (!all.Any(p => p.IsDefault))
        {
            all.Add(RecipientPolicy.Default(Name));
        }

        return all;
    }

    /// <summary>
    /// The highest-priority policy's addresses: one policy applies to a recipient, the first by
    /// priority (Exchange 2003 SP2 help, "Applying a Recipient Policy"; every policy matches every
    /// recipient here). Each address the recipient lacks is added (one another recipient has is
    /// skipped). The policy's primary address becomes the primary one when the recipient has none
    /// yet, or, with <paramref name="promote"/> (a policy applied again), in place of the old one,
    /// which is "demoted to secondary".
    /// </summary>
    private void ApplyPolicyLocked(DirectoryRecipient recipient, bool promote = false)
    {
        var policy = PoliciesLocked()[0];
        foreach (var address in policy.AddressesFor(recipient))
        {
            if (OwnerLocked(address.Address) is { } owner && owner != recipient)
            {
                continue;
            }

            recipient.AddProxy(address with { Primary = address.Primary && (promote || recipient.PrimaryAddress is null) });
        }
    }

    private DirectoryRecipient? OwnerLocked(string address) =>
        _users.Values.Cast<DirectoryRecipient>().Concat(_contacts.Values).Concat(_groups.Values).FirstOrDefault(r => r.HasAddress(address));

    private void CheckAddressFree(string address, DirectoryRecipient recipient)
    {
        if (OwnerLocked(address) is { } owner && owner != recipient)
        {
            throw new RecipientAdminException($"The proxy address \"SMTP:{address}\" is already being used by the proxy addresses of \"{owner.Name}\". Please choose another proxy address.");
        }
    }

    private void CheckAliasFree(string alias, DirectoryRecipient? recipient)
    {
        var taken = _users.Values.Cast<DirectoryRecipient>().Concat(_contacts.Values).Concat(_groups.Values)
            .FirstOrDefault(r => r != recipient && r.Alias.Equals(alias, StringComparison.OrdinalIgnoreCase));
        if (taken is not null)
        {
            throw new RecipientAdminException($"The alias \"{alias}\" is already used by {taken.Name} in the directory {Name}.");
        }
    }

    private void CheckNameFree(string name)
    {
        if (_contacts.ContainsKey(name) || _groups.ContainsKey(name) || _byName.ContainsKey(name)
            || _users.Values.Any(u => u.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RecipientAdminException($"An object named \"{name}\" already exists in the directory {Name}.");
        }
    }
}
