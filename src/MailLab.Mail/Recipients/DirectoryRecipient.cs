namespace MailLab.Mail.Recipients;

/// <summary>
/// A mail-enabled Active Directory object as Active Directory Users and Computers shows it with the
/// Exchange tabs: its name (cn), alias (mailNickname), display name, given name and surname, its
/// proxy addresses (E-mail Addresses tab; the first is primary), and for users and contacts an
/// external address (targetAddress, set by Exchange Tasks, "Establish E-mail Addresses"). A user's
/// delivery restrictions, delivery options and Exchange features are its <see cref="Settings"/>.
/// </summary>
public abstract class DirectoryRecipient
{
    private readonly Lock _lock = new();
    private readonly List<ProxyAddress> _proxies = [];
    private RecipientSnapshot _settings = RecipientSnapshot.Defaults;
    private string? _externalAddress;

    protected DirectoryRecipient(string name, string alias)
    {
        Name = name;
        Alias = alias;
        DisplayName = name;
    }

    public abstract RecipientKind Kind { get; }

    /// <summary>The object's common name (a user's is its logon name).</summary>
    public string Name { get; }

    /// <summary>The Exchange alias (mailNickname): %m of a recipient policy.</summary>
    public string Alias { get; set; }

    public string DisplayName { get; set; }

    /// <summary>Given name: %g of a recipient policy.</summary>
    public string? FirstName { get; set; }

    /// <summary>Surname: %s of a recipient policy.</summary>
    public string? LastName { get; set; }

    /// <summary>
    /// Where mail for the recipient goes outside the organisation (targetAddress): always for a
    /// contact, for a user only when it is mail-enabled without a mailbox. Null for none.
    /// </summary>
    public string? ExternalAddress
    {
        get => Volatile.Read(ref _externalAddress);
        set => Volatile.Write(ref _externalAddress, value?.ToLowerInvariant());
    }

    /// <summary>Delivery restrictions, delivery options and Exchange features, swapped as one snapshot (<see cref="RecipientSettings"/>).</summary>
    public RecipientSnapshot Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value);
    }

    /// <summary>The proxy addresses, the primary first.</summary>
    public IReadOnlyList<ProxyAddress> ProxyAddresses
    {
        get
        {
            lock (_lock)
            {
                return _proxies.OrderByDescending(p => p.Primary).ToArray();
            }
        }
    }

    /// <summary>The primary SMTP address (the reply address), or null before any is set.</summary>
    public string? PrimaryAddress
    {
        get
        {
            lock (_lock)
            {
                return _proxies.FirstOrDefault(p => p.Primary)?.Address;
            }
        }
    }

    /// <summary>Whether mail to <paramref name="address"/> reaches this recipient: one of its proxy addresses.</summary>
    public bool HasAddress(string address)
    {
        lock (_lock)
        {
            return _proxies.Any(p => p.Address.Equals(address, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Adds an address (New, SMTP Address on the E-mail Addresses tab). A primary one takes the
    /// capital prefix from the old primary, which stays as a secondary address; an address the
    /// recipient already has only changes its type.
    /// </summary>
    internal void AddProxy(ProxyAddress proxy)
    {
        lock (_lock)
        {
            var index = _proxies.FindIndex(p => p.Address.Equals(proxy.Address, StringComparison.OrdinalIgnoreCase));
            if (proxy.Primary)
            {
                for (var i = 0; i < _proxies.Count; i++)
                {
                    _proxies[i] = _proxies[i] with { Primary = false };
                }
            }

            if (index >= 0)
            {
                _proxies[index] = _proxies[index] with { Primary = proxy.Primary || _proxies[index].Primary };
            }
            else
            {
                // The first address a recipient gets is its primary one: every recipient has one.
                _proxies.Add(proxy with { Primary = proxy.Primary || _proxies.Count == 0 });
            }
        }
    }

    /// <summary>Removes an address; the primary one cannot go while others remain (ADUC refuses it too).</summary>
    internal bool RemoveProxy(string address)
    {
        lock (_lock)
        {
            var index = _proxies.FindIndex(p => p.Address.Equals(address, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            if (_proxies[index].Primary && _proxies.Count > 1)
            {
                throw new RecipientAdminException($"{address} is the primary SMTP address of {Name}: set another address as primary first.");
            }

            _proxies.RemoveAt(index);
            return true;
        }
    }
}
