using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;
using MailLab.Mail.Settings;

namespace MailLab.Admin;

/// <summary><c>maillab ad</c> in process: the host's directory (<see cref="HostDirectory"/>).</summary>
public sealed partial class WorldAdminBackend
{
    public Task<IReadOnlyList<RecipientView>> RecipientsAsync(string host, string kind)
    {
        var directory = Directory(host);
        IEnumerable<DirectoryRecipient> all = kind switch
        {
            "user" => directory.Users,
            "contact" => directory.Contacts,
            _ => directory.Groups,
        };
        return Task.FromResult<IReadOnlyList<RecipientView>>(all.Select(View).ToArray());
    }

    public Task<RecipientView> RecipientAsync(string host, string recipient) => Task.FromResult(View(Recipient(host, recipient).Recipient));

    public Task<RecipientView> SetUserAsync(string host, string account, string? alias, string? firstName, string? lastName) =>
        Directed(() => View(Directory(host).AddUser(account, alias, firstName, lastName)));

    public Task<RecipientView> CreateContactAsync(string host, string name, string externalAddress, string? alias) =>
        Directed(() => View(Directory(host).AddContact(name, externalAddress, alias)));

    public Task<RecipientView> CreateGroupAsync(string host, string name, string? alias, IReadOnlyList<string> members) =>
        Directed(() =>
        {
            var directory = Directory(host);
            var group = directory.AddGroup(name, alias);
            foreach (var member in members)
            {
                directory.AddMember(group, member);
            }

            return View(group);
        });

    public Task<RecipientView> EstablishEmailAddressAsync(string host, string user, string externalAddress) =>
        Directed(() => Recipient(host, user) is (var directory, DirectoryUser found)
            ? View(directory.EstablishEmailAddress(found.Account, externalAddress))
            : throw new AdminCommandException($"{user} is not a user: a contact gets its external address when it is created."));

    public Task<RecipientView> ChangeAddressAsync(string host, string recipient, string action, string address) =>
        Directed(() =>
        {
            var (directory, found) = Recipient(host, recipient);
            switch (action)
            {
                case "remove":
                    directory.RemoveProxy(found, address);
                    break;
                case "primary":
                    directory.SetPrimary(found, address);
                    break;
                default:
                    directory.AddProxy(found, address);
                    break;
            }

            return View(found);
        });

    public Task<RecipientView> ChangeMemberAsync(string host, string group, bool add, string member) =>
        Directed(() =>
        {
            var directory = Directory(host);
            var distribution = directory.FindRecipient(group) as DistributionGroup
                ?? throw new AdminCommandException($"There is no distribution group \"{group}\" in the directory {directory.Name}.");

            if (add)
            {
                directory.AddMember(distribution, member);
            }
            else
            {
                directory.RemoveMember(distribution, member);
            }

            return View(distribution);
        });

    public Task<IReadOnlyDictionary<string, string>> SetRecipientSettingsAsync(string host, string recipient, IReadOnlyList<KeyValuePair<string, string>> changes) =>
        Directed(() =>
        {
            var found = Recipient(host, recipient).Recipient;
            RecipientSettings.ApplyAll(found, changes);
            return SettingsText(found);
        });

    public static RecipientView View(DirectoryRecipient r) => new(
        r.Kind.ToString().ToLowerInvariant(),
        r.Name,
        r.Alias,
        r.DisplayName,
        (r as DirectoryUser)?.Account,
        r.ExternalAddress,
        r.ProxyAddresses.Select(p => p.ToString()).ToArray(),
        (r as DistributionGroup)?.Members,
        r is DirectoryUser ? SettingsText(r) : null);

    private static IReadOnlyDictionary<string, string> SettingsText(DirectoryRecipient r) =>
        RecipientSettings.All.ToDictionary(s => s.Name, s => s.Get(r.Settings));

    private ActiveDirectory Directory(string host) => HostDirectory.Of(Host(host));

    private (ActiveDirectory Directory, DirectoryRecipient Recipient) Recipient(string host, string name)
    {
        var directory = Directory(host);
        return (directory, directory.FindRecipient(name) ?? throw new AdminCommandException($"There is no user, contact or group \"{name}\" in the directory {directory.Name}."));
    }

    /// <summary>ADUC's refusals and bad settings as command errors.</summary>
    private static Task<T> Directed<T>(Func<T> change)
    {
        try
        {
            return Task.FromResult(change());
        }
        catch (Exception e) when (e is RecipientAdminException or InvalidSettingException)
        {
            throw new AdminCommandException(e.Message);
        }
    }
}
