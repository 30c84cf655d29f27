using MailLab.Mail.Exchange.Settings;
using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Active Directory Users and Computers with Exchange's tabs: users' settings, distribution groups, contacts, e-mail addresses.</summary>
[Binding]
public sealed class DirectorySteps(ScenarioWorld world)
{
    [GivenOrWhen(@"on ""([^""]*)"" the user ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [GivenOrWhen(@"на ""([^""]*)"" у пользователя ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public async Task UserSetting(string host, string address, string setting, string value)
    {
        if (IsStorageLimit(setting))
        {
            await world.SetMailboxStoreSetting(host, address, setting, value).ConfigureAwait(false);
            return;
        }

        try
        {
            await world.SetDirectoryUserSettingAsync(host, address, setting, value).ConfigureAwait(false);
        }
        catch (ScenarioSetupException e) when (e.Message.StartsWith("Unknown setting", StringComparison.Ordinal))
        {
            // Neither tab has the name: the message lists both.
            throw new ScenarioSetupException($"{e.Message.TrimEnd('.')}; storage limits: {string.Join(", ", MailboxLimitSettings.All.Select(s => s.Name))}.");
        }
    }

    // One phrase for the user's settings on every Exchange tab: the Storage Limits dialog's names
    // (useStoreDefaults, issueWarningKb…, or storageLimits.NAME) go to the mailbox on its store, the
    // rest (delivery restrictions, options, features) to the directory's recipient.
    internal static bool IsStorageLimit(string setting) =>
        setting.StartsWith("storageLimits.", StringComparison.OrdinalIgnoreCase)
        || MailboxLimitSettings.All.Any(s => string.Equals(s.Name, setting, StringComparison.OrdinalIgnoreCase));

    [Given(@"the distribution group ""([^""]*)"" on ""([^""]*)"" has the members? (""[^""]*""(?:, ""[^""]*"")*)")]
    [Given(@"группа рассылки ""([^""]*)"" на ""([^""]*)"" содержит (?:участника|участников) (""[^""]*""(?:, ""[^""]*"")*)")]
    public Task GroupMembers(string group, string host, string members) => world.SetGroupMembersAsync(group, host, Quoted(members));

    [Given(@"the contact ""([^""]*)"" on ""([^""]*)"" has the external address ""([^""]*)""")]
    [Given(@"контакт ""([^""]*)"" на ""([^""]*)"" имеет внешний адрес ""([^""]*)""")]
    public Task Contact(string alias, string host, string address) => world.AddContactAsync(alias, host, address);

    [Given(@"on ""([^""]*)"" the recipient ""([^""]*)"" has the e-mail address ""([^""]*)""")]
    [Given(@"на ""([^""]*)"" у получателя ""([^""]*)"" есть адрес электронной почты ""([^""]*)""")]
    public Task AddAddress(string host, string recipient, string address) => world.AddProxyAddressAsync(host, recipient, address);

    [Then(@"on ""([^""]*)"" the recipient ""([^""]*)"" has the e-mail address ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у получателя ""([^""]*)"" есть адрес электронной почты ""([^""]*)""")]
    public Task CheckAddress(string host, string recipient, string address) => world.CheckProxyAddressAsync(host, recipient, address);

    internal static string[] Quoted(string list) =>
        list.Split(',').Select(item => item.Trim().Trim('"')).Where(item => item.Length > 0).ToArray();
}
