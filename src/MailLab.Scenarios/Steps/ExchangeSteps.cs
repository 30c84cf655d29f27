using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>An Exchange server's services (the Services console), stores (Mount / Dismount Store, the Limits tab), the server's property sheet and mailboxes (Create Mailbox, Reconnect, a user's Storage Limits: <see cref="DirectorySteps.UserSetting"/> binds the user's settings, storage limits among them).</summary>
[Binding]
public sealed class ExchangeSteps(ScenarioWorld world)
{
    [Given(@"the Exchange service ""([^""]*)"" on ""([^""]*)"" is (stopped|running)")]
    [Given(@"служба Exchange ""([^""]*)"" на ""([^""]*)"" (остановлена|запущена)")]
    public Task SetService(string service, string host, string state) => world.SetExchangeServiceAsync(service, host, Running(state));

    [Then(@"the Exchange service ""([^""]*)"" on ""([^""]*)"" is (stopped|running)")]
    [Then(@"служба Exchange ""([^""]*)"" на ""([^""]*)"" (остановлена|запущена)")]
    public Task CheckService(string service, string host, string state) => world.CheckExchangeServiceAsync(service, host, Running(state));

    [Given(@"the store ""([^""]*)"" on ""([^""]*)"" is (dismounted|mounted)")]
    [Given(@"хранилище ""([^""]*)"" на ""([^""]*)"" (отключено|подключено)")]
    public Task SetStore(string store, string host, string state) => world.SetExchangeStoreAsync(store, host, Mounted(state));

    [Then(@"the store ""([^""]*)"" on ""([^""]*)"" is (dismounted|mounted)")]
    [Then(@"хранилище ""([^""]*)"" на ""([^""]*)"" (отключено|подключено)")]
    public Task CheckStore(string store, string host, string state) => world.CheckExchangeStoreAsync(store, host, Mounted(state));

    [Given(@"the Active Directory user ""([^""]*)"" has a mailbox ""([^""]*)"" on the store ""([^""]*)"" of ""([^""]*)""")]
    [Given(@"у пользователя Active Directory ""([^""]*)"" есть почтовый ящик ""([^""]*)"" в хранилище ""([^""]*)"" на ""([^""]*)""")]
    public Task CreateMailbox(string name, string address, string store, string host) => world.CreateExchangeMailboxAsync(name, address, store, host);

    [GivenOrWhen(@"the disconnected mailbox ""([^""]*)"" on the store ""([^""]*)"" of ""([^""]*)"" is reconnected to ""([^""]*)""")]
    [GivenOrWhen(@"отключенный почтовый ящик ""([^""]*)"" в хранилище ""([^""]*)"" на ""([^""]*)"" подключен заново к ""([^""]*)""")]
    public Task ReconnectMailbox(string address, string store, string host, string user) => world.ReconnectExchangeMailboxAsync(address, store, host, user);

    [GivenOrWhen(@"on ""([^""]*)"" the store ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [GivenOrWhen(@"на ""([^""]*)"" у хранилища ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task SetStoreSetting(string host, string store, string setting, string value) => world.SetExchangeStoreSettingAsync(host, store, setting, value);

    [GivenOrWhen(@"on ""([^""]*)"" the Exchange server has ""([^""]*)"" set to ""([^""]*)""")]
    [GivenOrWhen(@"на ""([^""]*)"" у сервера Exchange параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task SetServerProperty(string host, string setting, string value) => world.SetExchangeServerPropertyAsync(host, setting, value);

    private static bool Running(string state) => state is "running" or "запущена";

    private static bool Mounted(string state) => state is "mounted" or "подключено";
}
