using MailLab.Mail.Smtp;

namespace MailLab.Web.Api;

/// <summary>The JSON shapes of the admin API. Names match the settings' names used everywhere else.</summary>
/// <param name="Exchange">Whether the host is an Exchange server (the page then offers Exchange System Manager).</param>
public sealed record ServerDto(string Name, SmtpServiceDto Smtp, IReadOnlyList<ListenerDto> Listeners, IReadOnlyList<string> Accounts, bool Exchange);

public sealed record SmtpServiceDto(VirtualServerState State, IReadOnlyList<VirtualServerDto> VirtualServers);

/// <summary>A virtual server; its limits and access settings by name, as the settings table has them (the full set is …/settings).</summary>
public sealed record VirtualServerDto(
    string Name,
    VirtualServerState State,
    VirtualServerState OwnState,
    string Address,
    int Port,
    string? Endpoint,
    string Fqdn,
    string HomeDirectory,
    string DefaultDomain,
    IReadOnlyList<DomainDto> Domains,
    IReadOnlyDictionary<string, object?> Limits,
    IReadOnlyDictionary<string, object?> Access,
    int ActiveConnections);

public sealed record DomainDto(string Name, SmtpDomainType Type, bool AllowRelay, string? SmartHost, bool RequireTls);

public sealed record ListenerDto(string Protocol, string VirtualServer, string Endpoint);

public sealed record MessageDto(string Id, string From, IReadOnlyList<string> To, string Subject, long Size, DateTimeOffset Received);

public sealed record MailFileDto(string Name, DateTimeOffset Created, MessageDto Message);

public sealed record ProblemDto(string Error);

/// <summary>A message in a virtual server's queue; <see cref="Queue"/> is Queue Viewer's queue ("rosnou.ru (Local Delivery)" for mail waiting for an Exchange mailbox), <see cref="LastErrors"/> why it waits.</summary>
public sealed record QueueEntryDto(string VirtualServer, string Id, string Subject, IReadOnlyList<string> Pending, int Attempts, DateTimeOffset Queued, DateTimeOffset NextAttempt, string Queue, string State, IReadOnlyDictionary<string, string> LastErrors);

/// <summary>A domain of a virtual server as the Domains node shows it: type Local (the default), Alias or Remote.</summary>
public sealed record SmtpDomainDto(string Name, string Type, bool IsDefault, bool AllowRelay, string? SmartHost, bool RequireTls, int? OutboundPort);

/// <summary>POST / PUT of a domain: the same shape, every field optional (PUT replaces a remote domain's options).</summary>
public sealed record SmtpDomainRequest(string? Name, string? Type, bool? IsDefault, bool? AllowRelay, string? SmartHost, bool? RequireTls, int? OutboundPort);

/// <summary>The New SMTP Virtual Server wizard: name, IP address and TCP port, home directory, default domain.</summary>
public sealed record NewVirtualServerRequest(string? Name, string? IpAddress, int? Port, string? HomeDirectory, string? DefaultDomain);

/// <summary>The Security tab: the accounts and groups that may administer the virtual server.</summary>
public sealed record OperatorsDto(IReadOnlyList<string>? Operators);

/// <summary>GET /api/settings/schema: the virtual server property sheet's tabs as the settings table lays them out, and the POP3 service's properties.</summary>
public sealed record SettingsSchemaDto(IReadOnlyList<SheetTabDto> Tabs, IReadOnlyList<SettingSchemaDto> Pop3, IReadOnlyList<SettingSchemaDto> ExchangeStoreLimits, IReadOnlyList<SettingSchemaDto> ExchangeMailboxLimits);

public sealed record SheetTabDto(string Name, IReadOnlyList<SheetGroupDto> Groups);

public sealed record SheetGroupDto(string Name, IReadOnlyList<SettingSchemaDto> Settings);

/// <summary>One setting: its editor (limit, number, bool, onlyListed, text, list), JSON type, labels by language, help, IIS default and the JSON Schema of its value.</summary>
public sealed record SettingSchemaDto(
    string Name,
    string Editor,
    string Kind,
    IReadOnlyDictionary<string, string> Labels,
    string Help,
    object? Default,
    System.Text.Json.Nodes.JsonObject Schema);
