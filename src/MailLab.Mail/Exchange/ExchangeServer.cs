using MailLab.Mail.Services;

namespace MailLab.Mail.Exchange;

/// <summary>
/// An Exchange Server 2003 server in its organisation and administrative group: its edition and
/// service pack, its services (<see cref="ExchangeServiceNames"/>), and its storage groups and stores.
/// Stores are mounted only while the Information Store runs: stopping it (or System Attendant, which it
/// depends on) dismounts every store, and starting it mounts every store not marked "Do not mount this
/// store at start-up". A store that grows past the edition's database limit is dismounted, as
/// MSExchangeIS event 1112 reports (KB 828070). Texts marked "chosen" below are MailLab's where no
/// source gave Exchange's own (docs/EXCHANGE-2003.md lists what was confirmed).
/// </summary>
public sealed partial class ExchangeServer
{
    /// <summary>Exchange 2003's default database and log folder.</summary>
    public const string DefaultDataPath = @"C:\Program Files\Exchsrvr\mdbdata";

    private readonly Lock _lock = new();
    private readonly List<StorageGroup> _groups = [];
    private readonly List<ExchangeEvent> _events = [];
    private int? _databaseLimitGb;

    private ExchangeServer(string name, string organization, string administrativeGroup, ExchangeEdition edition, int servicePack)
    {
        Name = name;
        Organization = organization;
        AdministrativeGroup = administrativeGroup;
        Edition = edition;
        ServicePack = servicePack;
        Services = new ServiceControlManager(ExchangeServiceNames.Exchange2003);
        Services.Changed += OnServiceChanged;
    }

    /// <summary>The server's NetBIOS name, upper case as ESM shows it ("ROSNOU" for rosnou.ru).</summary>
    public string Name { get; }

    public string Organization { get; }

    /// <summary>"First Administrative Group" on a new organisation.</summary>
    public string AdministrativeGroup { get; }

    public ExchangeEdition Edition { get; }

    /// <summary>0 (RTM), 1 or 2.</summary>
    public int ServicePack { get; }

    public ServiceControlManager Services { get; }

    public IReadOnlyList<StorageGroup> StorageGroups
    {
        get
        {
            lock (_lock)
            {
                return _groups.ToList();
            }
        }
    }

    /// <summary>The Application log's entries from MSExchangeIS, oldest first.</summary>
    public IReadOnlyList<ExchangeEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToList();
            }
        }
    }

    /// <summary>
    /// The registry value "Database Size Limit in Gb" (SP2 and later; KB 912375): null for the edition's
    /// default. Refused before SP2 and above the edition's maximum.
    /// </summary>
    public int? DatabaseLimitGb
    {
        get => _databaseLimitGb;
        set
        {
            var max = ExchangeEditionLimits.MaxConfigurableLimitGb(Edition, ServicePack);
            if (value is not null && (max is null || value < 1 || value > max))
            {
                throw new ExchangeAdminException(max is null
                    ? "Database Size Limit in Gb is read by Exchange Server 2003 SP2 and later only."
                    : $"Database Size Limit in Gb must be between 1 and {max} for {Edition} Edition.");
            }

            _databaseLimitGb = value;
        }
    }

    public long DatabaseLimitBytes =>
        _databaseLimitGb is { } gb ? gb * (1L << 30) : ExchangeEditionLimits.DefaultDatabaseLimitBytes(Edition, ServicePack);

    /// <summary>
    /// A server as setup leaves it: "First Storage Group" with "Mailbox Store (NAME)" (priv1) and
    /// "Public Folder Store (NAME)" (pub1) in <see cref="DefaultDataPath"/>, its Automatic services
    /// started and its stores mounted.
    /// </summary>
    public static ExchangeServer Install(string name, string organization, ExchangeEdition edition = ExchangeEdition.Standard, int servicePack = 2, string administrativeGroup = "First Administrative Group")
    {
        var server = Create(name, organization, edition, servicePack, administrativeGroup);
        var group = server.CreateStorageGroup(FirstStorageGroup);
        server.CreateStore(group, server.DefaultMailboxStoreName, ExchangeStoreKind.Mailbox);
        server.CreateStore(group, server.DefaultPublicStoreName, ExchangeStoreKind.PublicFolder);
        server.Services.StartAutomatic();
        return server;
    }

    /// <summary>A server with no storage group yet and its services stopped: a topology file builds the rest, then starts <see cref="Services"/>.</summary>
    public static ExchangeServer Create(string name, string organization, ExchangeEdition edition, int servicePack, string administrativeGroup = "First Administrative Group")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(servicePack);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(servicePack, 2);
        return new ExchangeServer(NetBiosName(name), organization, administrativeGroup, edition, servicePack);
    }

    /// <summary>The NetBIOS name Exchange shows for a host: its first label, upper case (rosnou.ru: ROSNOU).</summary>
    public static string NetBiosName(string hostName) => hostName.Split('.')[0].ToUpperInvariant();

    public const string FirstStorageGroup = "First Storage Group";

    public string DefaultMailboxStoreName => $"Mailbox Store ({Name})";

    public string DefaultPublicStoreName => $"Public Folder Store ({Name})";

    /// <summary>ESM: the server, New, Storage Group. The edition limits how many (chosen wording).</summary>
    public StorageGroup CreateStorageGroup(string name)
    {
        lock (_lock)
        {
            if (_groups.Count >= ExchangeEditionLimits.MaxStorageGroups(Edition))
            {
                throw new ExchangeAdminException(Edition == ExchangeEdition.Standard
                    ? "Exchange Server 2003 Standard Edition supports one storage group on a server."
                    : $"Exchange Server 2003 {Edition} Edition supports at most {ExchangeEditionLimits.MaxStorageGroups(Edition)} storage groups on a server.");
            }

            if (_groups.Any(g => g.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ExchangeAdminException($"A storage group named \"{name}\" already exists on {Name}.");
            }

            var path = _groups.Count == 0 ? DefaultDataPath : $@"C:\Program Files\Exchsrvr\{name}";
            var group = new StorageGroup(this, name, $"E{_groups.Count:D2}", path);
            _groups.Add(group);
            return group;
        }
    }

    /// <summary>ESM: the storage group, New, Mailbox Store or Public Store. New stores start dismounted; mount them.</summary>
    public ExchangeStore CreateStore(StorageGroup group, string name, ExchangeStoreKind kind)
    {
        lock (_lock)
        {
            if (group.Server != this || !_groups.Contains(group))
            {
                throw new ArgumentException("the storage group is not this server's", nameof(group));
            }

            var all = _groups.SelectMany(g => g.Stores).ToList();
            if (group.Stores.Count >= ExchangeEditionLimits.MaxStoresPerGroup(Edition))
            {
                throw new ExchangeAdminException(
                    $"A storage group holds at most {ExchangeEditionLimits.MaxStoresPerGroup(Edition)} stores in Exchange Server 2003 {Edition} Edition.");
            }

            if (ExchangeEditionLimits.MaxStoresOfKind(Edition) is { } most && all.Count(s => s.Kind == kind) >= most)
            {
                throw new ExchangeAdminException(
                    $"Exchange Server 2003 {Edition} Edition supports one {(kind == ExchangeStoreKind.Mailbox ? "mailbox store" : "public folder store")} on a server.");
            }

            if (all.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ExchangeAdminException($"A store named \"{name}\" already exists on {Name}.");
            }

            // Setup's first stores are priv1 and pub1; a store created later is named after itself.
            var stem = kind == ExchangeStoreKind.Mailbox
                ? all.Any(s => s.Kind == kind) ? name : "priv1"
                : all.Any(s => s.Kind == kind) ? name : "pub1";
            var store = new ExchangeStore(group, name, kind, stem);
            group.Add(store);
            return store;
        }
    }

    /// <summary>Finds a store by name on any storage group.</summary>
    public ExchangeStore? FindStore(string name)
    {
        lock (_lock)
        {
            return _groups.SelectMany(g => g.Stores).FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>ESM: Mount Store. Needs the Information Store running; a store past the database limit does not mount.</summary>
    public void Mount(ExchangeStore store)
    {
        lock (_lock)
        {
            if (!Services.IsRunning(ExchangeServiceNames.InformationStore))
            {
                // Chosen wording.
                throw new ExchangeAdminException("The store cannot be mounted: the Microsoft Exchange Information Store service is not running.");
            }

            if (store.SizeBytes > DatabaseLimitBytes)
            {
                throw new ExchangeAdminException(LimitReached(store));
            }

            store.Mounted = true;
        }

        MailboxesAvailable?.Invoke(this);
    }

    /// <summary>ESM: Dismount Store. Its mailboxes are unavailable until it mounts again.</summary>
    public void Dismount(ExchangeStore store)
    {
        lock (_lock)
        {
            store.Mounted = false;
        }
    }

    /// <summary>
    /// Records a message of <paramref name="octets"/> delivered into <paramref name="store"/>: the files
    /// and logs grow. False when the store is not mounted (the message stays queued). A store that passes
    /// the database limit is dismounted after it (event 1112).
    /// </summary>
    public bool Store(ExchangeStore store, long octets)
    {
        lock (_lock)
        {
            if (!store.Mounted)
            {
                return false;
            }

            store.Grow(octets);
            if (store.SizeBytes > DatabaseLimitBytes)
            {
                _events.Add(new ExchangeEvent(1112, "MSExchangeIS", ExchangeEventType.Error, LimitReached(store)));
                store.Mounted = false;
            }

            return true;
        }
    }

    private void OnServiceChanged(ServiceChange change)
    {
        if (change.Name != ExchangeServiceNames.InformationStore)
        {
            return;
        }

        var mounted = false;
        lock (_lock)
        {
            foreach (var store in _groups.SelectMany(g => g.Stores))
            {
                if (change.To == ServiceStatus.Stopped)
                {
                    store.Mounted = false;
                }
                else if (change.From == ServiceStatus.Stopped && !store.DoNotMountAtStartup && store.SizeBytes <= DatabaseLimitBytes)
                {
                    store.Mounted = true;
                    mounted = true;
                }
            }
        }

        if (mounted)
        {
            MailboxesAvailable?.Invoke(this);
        }
    }

    /// <summary>MSExchangeIS event 1112 (KB 828070).</summary>
    private static string LimitReached(ExchangeStore store) =>
        $"The database \"{store.Group.Name}\\{store.Name}\" has reached the maximum allowed size. Attempting to unmount the database.";
}
