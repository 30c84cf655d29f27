using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>An Exchange server's services (the Services console) and stores (Mount / Dismount Store).</summary>
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

    private static bool Running(string state) => state is "running" or "запущена";

    private static bool Mounted(string state) => state is "mounted" or "подключено";
}
