namespace MailLab.Admin;

/// <summary>
/// What <c>maillab ad</c> acts on: the directory of a host's organisation (Active Directory Users and
/// Computers with the Exchange extensions), in process or over the REST API. A recipient is named
/// by alias, name or any of its addresses. Failures throw <see cref="AdminCommandException"/>.
/// </summary>
public interface IDirectoryAdminBackend
{
    /// <summary>The users, contacts or groups (<paramref name="kind"/>: user, contact, group).</summary>
    Task<IReadOnlyList<RecipientView>> RecipientsAsync(string host, string kind);

    Task<RecipientView> RecipientAsync(string host, string recipient);

    /// <summary>A user's Exchange attributes: alias, given name, surname (null keeps each).</summary>
    Task<RecipientView> SetUserAsync(string host, string account, string? alias, string? firstName, string? lastName);

    Task<RecipientView> CreateContactAsync(string host, string name, string externalAddress, string? alias);

    Task<RecipientView> CreateGroupAsync(string host, string name, string? alias, IReadOnlyList<string> members);

    /// <summary>Exchange Tasks, Establish E-mail Addresses: the user is mail-enabled with an external address.</summary>
    Task<RecipientView> EstablishEmailAddressAsync(string host, string user, string externalAddress);

    /// <summary>The E-mail Addresses tab: <paramref name="action"/> add, remove or primary.</summary>
    Task<RecipientView> ChangeAddressAsync(string host, string recipient, string action, string address);

    Task<RecipientView> ChangeMemberAsync(string host, string group, bool add, string member);

    /// <summary>Sets delivery restrictions, options and features, all or nothing; every setting's value afterwards.</summary>
    Task<IReadOnlyDictionary<string, string>> SetRecipientSettingsAsync(string host, string recipient, IReadOnlyList<KeyValuePair<string, string>> changes);
}

/// <summary>A recipient as <c>maillab ad</c> prints it; <see cref="Settings"/> (users only) in the settings table's text form.</summary>
public sealed record RecipientView(
    string Kind,
    string Name,
    string Alias,
    string DisplayName,
    string? Account,
    string? ExternalAddress,
    IReadOnlyList<string> ProxyAddresses,
    IReadOnlyList<string>? Members,
    IReadOnlyDictionary<string, string>? Settings);
