using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// What the Exchange labs (courseware/labs/28-35) grade: a service's startup type, the server's
/// property sheet, a store's Limits tab, the store a mailbox is on, a user's Exchange setting, a
/// group's members and a mailbox's last logon, each read from the live world and changed by nothing. The startup type is also set here
/// (the Services console's Properties, Startup type), as a solution does it.
/// </summary>
[Binding]
public sealed class ExchangeCheckSteps(ScenarioWorld world)
{
    [GivenOrWhen(@"the Exchange service ""([^""]*)"" on ""([^""]*)"" has the startup type (automatic|manual|disabled)")]
    [GivenOrWhen(@"служба Exchange ""([^""]*)"" на ""([^""]*)"" имеет тип запуска (авто|вручную|отключена)")]
    public Task SetStartupType(string service, string host, string type) => world.SetExchangeStartupTypeAsync(service, host, type);

    [Then(@"the Exchange service ""([^""]*)"" on ""([^""]*)"" has the startup type (automatic|manual|disabled)")]
    [Then(@"служба Exchange ""([^""]*)"" на ""([^""]*)"" имеет тип запуска (авто|вручную|отключена)")]
    public Task StartupType(string service, string host, string type) => world.CheckExchangeStartupTypeAsync(service, host, type);

    [Then(@"on ""([^""]*)"" the store ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у хранилища ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task StoreSetting(string host, string store, string setting, string value) => world.CheckExchangeStoreSettingAsync(host, store, setting, value);

    [Then(@"on ""([^""]*)"" the Exchange server has ""([^""]*)"" set to ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у сервера Exchange параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task ServerProperty(string host, string setting, string value) => world.CheckExchangeServerPropertyAsync(host, setting, value);

    [Then(@"the mailbox of ""([^""]*)"" on ""([^""]*)"" is on the store ""([^""]*)""")]
    [Then(@"почтовый ящик ""([^""]*)"" на ""([^""]*)"" находится в хранилище ""([^""]*)""")]
    public Task MailboxStore(string address, string host, string store) => world.CheckMailboxStoreAsync(address, host, store);

    [Then(@"the store ""([^""]*)"" on ""([^""]*)"" keeps (\d+) disconnected mailbox(?:es)?")]
    [Then(@"в хранилище ""([^""]*)"" на ""([^""]*)"" отключенных почтовых ящиков: (\d+)")]
    public Task DisconnectedMailboxes(string store, string host, int count) => world.CheckDisconnectedMailboxesAsync(store, host, count);

    [Then(@"on ""([^""]*)"" the user ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у пользователя ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task UserSetting(string host, string user, string setting, string value) => world.CheckUserSettingAsync(host, user, setting, value);

    [Then(@"the distribution group ""([^""]*)"" on ""([^""]*)"" has the members? (""[^""]*""(?:, ""[^""]*"")*)")]
    [Then(@"группа рассылки ""([^""]*)"" на ""([^""]*)"" содержит (?:участника|участников) (""[^""]*""(?:, ""[^""]*"")*)")]
    public Task GroupMembers(string group, string host, string members) => world.CheckGroupMembersAsync(group, host, DirectorySteps.Quoted(members));

    [Then(@"on ""([^""]*)"" the mailbox ""([^""]*)"" has a last logon time")]
    [Then(@"на ""([^""]*)"" у почтового ящика ""([^""]*)"" есть время последнего входа")]
    public Task LastLogon(string host, string address) => world.CheckLastLogonAsync(host, address);
}
