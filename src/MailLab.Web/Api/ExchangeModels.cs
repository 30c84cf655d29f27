using MailLab.Mail.Exchange;
using MailLab.Mail.Services;

namespace MailLab.Web.Api;

/// <summary>An Exchange server as Exchange System Manager shows it: organisation, administrative group, storage groups and stores.</summary>
public sealed record ExchangeServerDto(
    string Organization,
    string AdministrativeGroup,
    string Server,
    string Edition,
    int ServicePack,
    long DatabaseLimitBytes,
    int? DatabaseLimitGb,
    IReadOnlyList<StorageGroupDto> StorageGroups,
    IReadOnlyList<ExchangeEventDto> Events);

/// <summary>A storage group with its transaction log files.</summary>
public sealed record StorageGroupDto(
    string Name,
    string LogPrefix,
    string LogPath,
    string SystemPath,
    bool CircularLogging,
    long CurrentLogGeneration,
    IReadOnlyList<FileDto> LogFiles,
    IReadOnlyList<ExchangeStoreDto> Stores);

/// <summary>A mailbox or public folder store with its database files, its maintenance interval (HH:MM-HH:MM, always, never), its mailboxes and their items.</summary>
public sealed record ExchangeStoreDto(
    string Name,
    ExchangeStoreKind Kind,
    bool Mounted,
    bool DoNotMountAtStartup,
    string MaintenanceInterval,
    FileDto DatabaseFile,
    FileDto StreamingFile,
    long SizeBytes,
    int MailboxCount,
    int TotalItems);

/// <summary>A file name and its size in octets.</summary>
public sealed record FileDto(string Name, long Bytes);

/// <summary>An Application log entry.</summary>
public sealed record ExchangeEventDto(int Id, string Source, ExchangeEventType Type, string Description);

/// <summary>A service as the Services console lists it.</summary>
public sealed record ServiceDto(
    string Name,
    string DisplayName,
    ServiceStatus Status,
    ServiceStartupType StartupType,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Dependents,
    bool CanPause);

/// <summary>What a service control changed, in order.</summary>
public sealed record ServiceChangesDto(IReadOnlyList<ServiceChangeDto> Changes, IReadOnlyList<ServiceDto> Services);

/// <summary>One service's status change.</summary>
public sealed record ServiceChangeDto(string Name, string DisplayName, ServiceStatus From, ServiceStatus To);

/// <summary>A stop refused because running services depend on the service: the Services console's "Stop Other Services" question.</summary>
public sealed record StopOtherServicesDto(string Error, int SystemError, IReadOnlyList<ServiceDto> DependentsThatWouldStop);

/// <summary>A service control refused, with Windows' system error code.</summary>
public sealed record ServiceErrorDto(string Error, int SystemError);

/// <summary>PUT body of a service's startup type.</summary>
public sealed record StartupTypeDto(string? StartupType);

/// <summary>A row of a store's Mailboxes node.</summary>
public sealed record ExchangeMailboxDto(string DisplayName, string Address, long SizeKb, int TotalItems, DateTimeOffset? LastLogonTime, DateTimeOffset? LastLogoffTime, string Store);

/// <summary>A row of a store's Logons node.</summary>
public sealed record ExchangeLogonDto(string User, string Protocol, string? ClientAddress, DateTimeOffset Since);

/// <summary>POST body of Move Mailbox.</summary>
public sealed record MoveMailboxDto(string? Store);

/// <summary>POST body of Create Mailbox: the user's account address, the mailbox store, and optionally the alias.</summary>
public sealed record CreateMailboxDto(string? Address, string? Store, string? Alias);

/// <summary>Reconnect's user: an account of the host without a mailbox; null or absent: the disconnected mailbox's own address.</summary>
public sealed record ReconnectMailboxDto(string? User);

/// <summary>A disconnected mailbox on a store: when Delete Mailbox removed it, when the store purges it, what it held.</summary>
public sealed record DeletedMailboxDto(string Address, string Store, DateTimeOffset Deleted, DateTimeOffset PurgeAfter, int TotalItems, long SizeKb);

/// <summary>The server's property sheet: every setting by name, the tracking log directory, and since when tracking is off (null: on, or off from the start).</summary>
public sealed record ServerPropertiesDto(IReadOnlyDictionary<string, object?> Settings, string TrackingLogDirectory, DateTimeOffset? TrackingOffSince, bool MessageTrackingEnabled);
