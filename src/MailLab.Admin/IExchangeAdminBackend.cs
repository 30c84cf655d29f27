namespace MailLab.Admin;

/// <summary>
/// What <c>maillab exchange</c> acts on: an Exchange 2003 host's services (the Services console) and
/// Exchange System Manager's stores, Mailboxes and Logons nodes and Move Mailbox, in process or over
/// the REST API. Failures throw <see cref="AdminCommandException"/>.
/// </summary>
public interface IExchangeAdminBackend
{
    Task<IReadOnlyList<ExchangeServiceView>> ExchangeServicesAsync(string host);

    /// <summary>Starts the service (and first what it depends on); the services whose status changed.</summary>
    Task<IReadOnlyList<ServiceChangeView>> StartServiceAsync(string host, string service);

    /// <summary>
    /// Stops the service. With running dependents and <paramref name="stopDependents"/> false nothing
    /// stops and <see cref="ServiceStopView.WouldAlsoStop"/> lists them (the "Stop Other Services" question).
    /// </summary>
    Task<ServiceStopView> StopServiceAsync(string host, string service, bool stopDependents);

    /// <summary>The service's Properties, Startup type (Automatic, Manual or Disabled); the service afterwards, its status as it was.</summary>
    Task<ExchangeServiceView> SetStartupTypeAsync(string host, string service, string startupType);

    Task<IReadOnlyList<ExchangeStoreView>> StoresAsync(string host);

    /// <summary>Mount Store or Dismount Store; the store afterwards.</summary>
    Task<ExchangeStoreView> MountStoreAsync(string host, string store, bool mount);

    Task<IReadOnlyList<ExchangeMailboxView>> MailboxesAsync(string host, string store);

    /// <summary>The Logons nodes of every mailbox store of the server.</summary>
    Task<IReadOnlyList<ExchangeLogonView>> LogonsAsync(string host);

    Task<ExchangeMailboxView> MoveMailboxAsync(string host, string address, string store);

    /// <summary>Exchange Tasks, Create Mailbox for the account <paramref name="address"/> on <paramref name="store"/>, with its alias when given.</summary>
    Task<ExchangeMailboxView> CreateMailboxAsync(string host, string address, string store, string? alias);

    /// <summary>Exchange Tasks, Delete Mailbox: the disconnected mailbox it leaves on the store.</summary>
    Task<DeletedMailboxView> DeleteMailboxAsync(string host, string address);

    /// <summary>ESM's Reconnect: <paramref name="user"/> (null: the mailbox's own address) gets the disconnected mailbox <paramref name="address"/> of <paramref name="store"/>.</summary>
    Task<ExchangeMailboxView> ReconnectMailboxAsync(string host, string address, string store, string? user);
}

/// <summary>A disconnected mailbox: its address and store, and when the store purges it.</summary>
public sealed record DeletedMailboxView(string Address, string Store, DateTimeOffset PurgeAfter);

/// <summary>A service as the Services console lists it.</summary>
public sealed record ExchangeServiceView(string Name, string DisplayName, string Status, string StartupType);

public sealed record ServiceChangeView(string DisplayName, string From, string To);

/// <summary>The changes a stop made, or (none made) the running dependents it would also stop.</summary>
public sealed record ServiceStopView(IReadOnlyList<ServiceChangeView> Changes, IReadOnlyList<string> WouldAlsoStop);

public sealed record ExchangeStoreView(string Name, string Kind, string StorageGroup, bool Mounted, int Mailboxes, int Items, long SizeBytes);

/// <summary>A row of a store's Mailboxes node.</summary>
public sealed record ExchangeMailboxView(string DisplayName, string Address, long SizeKb, int TotalItems, DateTimeOffset? LastLogonTime, DateTimeOffset? LastLogoffTime, string Store);

/// <summary>A row of a store's Logons node.</summary>
public sealed record ExchangeLogonView(string User, string Protocol, string? ClientAddress, DateTimeOffset Since);
