using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;
using MailLab.Mail.Settings;

namespace MailLab.Scenarios.Driver;

/// <summary>The directory's Exchange recipients as an administrator sets them in Active Directory Users and Computers.</summary>
public sealed partial class ScenarioWorld
{
    /// <summary>
    /// A user's delivery restriction, delivery option or Exchange feature by its API name
    /// (<see cref="RecipientSettings"/>: maxReceivingSizeKb, acceptMessagesFrom, forwardingAddress,
    /// deliverToBoth, maxRecipients, pop3, imap4, owa…). An unknown name stops the scenario with the
    /// list of valid ones.
    /// </summary>
    public async Task SetDirectoryUserSettingAsync(string host, string address, string setting, string value)
    {
        var (_, recipient) = await RecipientAsync(host, address).ConfigureAwait(false);
        DirectoryAction(() => RecipientSettings.Apply(recipient, setting, value));
    }

    /// <summary>Makes a distribution group (when it has none of that name) and gives it exactly these members.</summary>
    public async Task SetGroupMembersAsync(string name, string host, IReadOnlyList<string> members)
    {
        var directory = HostDirectory.Of(await HostAsync(host).ConfigureAwait(false));
        DirectoryAction(() =>
        {
            var group = directory.FindRecipient(name) as DistributionGroup ?? directory.AddGroup(name);
            foreach (var old in group.Members)
            {
                directory.RemoveMember(group, old);
            }

            foreach (var member in members)
            {
                directory.AddMember(group, member);
            }
        });
    }

    /// <summary>New, Contact: mail to its addresses in the organisation (alias@domain by the policy) goes to the external address.</summary>
    public async Task AddContactAsync(string alias, string host, string externalAddress)
    {
        var directory = HostDirectory.Of(await HostAsync(host).ConfigureAwait(false));
        DirectoryAction(() => directory.AddContact(alias, externalAddress, alias));
    }

    /// <summary>The E-mail Addresses tab, New: SMTP:a@b makes it primary, smtp:a@b (or a bare address) a secondary one.</summary>
    public async Task AddProxyAddressAsync(string host, string recipient, string address)
    {
        var (directory, found) = await RecipientAsync(host, recipient).ConfigureAwait(false);
        DirectoryAction(() => directory.AddProxy(found, address));
    }

    /// <summary>Checks that a recipient has an address, with its type (SMTP: primary, smtp: secondary) when given.</summary>
    public async Task CheckProxyAddressAsync(string host, string recipient, string address)
    {
        var (_, found) = await RecipientAsync(host, recipient).ConfigureAwait(false);
        var addresses = found.ProxyAddresses.Select(p => p.ToString()).ToArray();
        var expected = address.Contains(':') ? address : ProxyAddress.SecondaryPrefix + address;
        if (!addresses.Contains(expected, address.Contains(':') ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase)
            && !(!address.Contains(':') && found.HasAddress(address)))
        {
            throw new ScenarioAssertionException($"{found.Name} on {host} has the e-mail addresses {string.Join(", ", addresses)}", expected, string.Join(", ", addresses), [],
                new($"У {found.Name} на {host} адреса электронной почты: {string.Join(", ", addresses)}; адреса {expected} среди них нет."));
        }
    }

    private async Task<(ActiveDirectory Directory, DirectoryRecipient Recipient)> RecipientAsync(string host, string name)
    {
        var directory = HostDirectory.Of(await HostAsync(host).ConfigureAwait(false));
        return (directory, directory.FindRecipient(name)
            ?? throw new ScenarioSetupException(
                $"There is no user, contact or group \"{name}\" in the directory {directory.Name} of {host}; its users: {string.Join(", ", directory.Users.Select(u => u.Account))}.",
                $"В каталоге {directory.Name} на {host} нет пользователя, контакта или группы \"{name}\"; его пользователи: {string.Join(", ", directory.Users.Select(u => u.Account))}."));
    }

    private static void DirectoryAction(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is RecipientAdminException or InvalidSettingException)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }
}
