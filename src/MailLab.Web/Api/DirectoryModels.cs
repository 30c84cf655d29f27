namespace MailLab.Web.Api;

/// <summary>A recipient as ADUC's Exchange tabs show it: kind, names, the E-mail Addresses tab (primary first) and, for users, the mailbox's account.</summary>
public sealed record RecipientDto(
    string Kind,
    string Name,
    string Alias,
    string DisplayName,
    string? FirstName,
    string? LastName,
    string? Account,
    string? ExternalAddress,
    string? PrimaryAddress,
    IReadOnlyList<string> ProxyAddresses,
    IReadOnlyList<string>? Members,
    IReadOnlyDictionary<string, object?>? Settings);

/// <summary>The directory: its name, recipient policies (highest priority first) and recipients.</summary>
public sealed record DirectoryDto(
    string Name,
    IReadOnlyList<RecipientPolicyDto> RecipientPolicies,
    IReadOnlyList<RecipientDto> Users,
    IReadOnlyList<RecipientDto> Contacts,
    IReadOnlyList<RecipientDto> Groups);

public sealed record RecipientPolicyDto(string Name, int? Priority, IReadOnlyList<string> Addresses);

/// <summary>A user's Exchange attributes (the account must exist in the directory or on one of its hosts; the user is made on first use).</summary>
public sealed record DirectoryUserRequestDto(string? Address, string? Alias, string? FirstName, string? LastName);

/// <summary>New, Contact with its external address.</summary>
public sealed record DirectoryContactRequestDto(string? Name, string? Alias, string? ExternalAddress, string? FirstName, string? LastName);

/// <summary>New, Group (Distribution), with its first members.</summary>
public sealed record DirectoryGroupRequestDto(string? Name, string? Alias, IReadOnlyList<string>? Members);

/// <summary>Exchange Tasks, Establish E-mail Addresses: the external SMTP address.</summary>
public sealed record ExternalAddressRequestDto(string? ExternalAddress);

/// <summary>E-mail Addresses tab, New: "SMTP:a@b" (primary) or "smtp:a@b".</summary>
public sealed record ProxyAddressRequestDto(string? Address);

public sealed record GroupMemberRequestDto(string? Member);
