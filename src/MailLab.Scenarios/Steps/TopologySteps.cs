using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Setting the scene: topology, states, settings, mailboxes, domains, the network. A phrasing that
/// reads the same as a state check of <see cref="LabCheckSteps"/> (a state, a setting, a domain)
/// answers to Given and When only: after Then it checks instead of setting.
/// </summary>
[Binding]
public sealed class TopologySteps(ScenarioWorld world)
{
    [StepDefinition(@"the default topology")]
    [StepDefinition(@"топология по умолчанию")]
    public Task DefaultTopology() => world.UseDefaultTopologyAsync();

    [StepDefinition(@"the topology ""([^""]*)""")]
    [StepDefinition(@"топология (?:из файла )?""([^""]*)""")]
    public Task Topology(string path) => world.UseTopologyAsync(path);

    [Given(@"the virtual server ""([^""]*)"" on ""([^""]*)"" is (paused|stopped|running)")]
    [When(@"the virtual server ""([^""]*)"" on ""([^""]*)"" is (paused|stopped|running)")]
    [Given(@"виртуальный сервер ""([^""]*)"" на ""([^""]*)"" (приостановлен|остановлен|запущен)")]
    [When(@"виртуальный сервер ""([^""]*)"" на ""([^""]*)"" (приостановлен|остановлен|запущен)")]
    public Task VirtualServerState(string name, string host, string state) => world.SetVirtualServerStateAsync(name, host, state);

    [Given(@"the SMTP service on ""([^""]*)"" is (stopped|paused|running)")]
    [When(@"the SMTP service on ""([^""]*)"" is (stopped|paused|running)")]
    [Given(@"служба SMTP на ""([^""]*)"" (остановлена|приостановлена|запущена)")]
    [When(@"служба SMTP на ""([^""]*)"" (остановлена|приостановлена|запущена)")]
    public Task ServiceState(string host, string state) => world.SetServiceStateAsync(host, state);

    [Given(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [When(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [Given(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    [When(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task Setting(string host, string name, string setting, string value) => world.SetSettingAsync(host, name, setting, value);

    [StepDefinition(@"the mailbox ""([^""]*)"" with password ""([^""]*)""")]
    [StepDefinition(@"почтовый ящик ""([^""]*)"" с паролем ""([^""]*)""")]
    public Task Mailbox(string address, string password) => world.CreateMailboxAsync(address, password);

    [Given(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the (alias|remote) domain ""([^""]*)""")]
    [When(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the (alias|remote) domain ""([^""]*)""")]
    [Given(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть (домен-псевдоним|удалённый домен) ""([^""]*)""")]
    [When(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть (домен-псевдоним|удалённый домен) ""([^""]*)""")]
    public Task Domain(string host, string name, string type, string domain) => world.AddDomainAsync(host, name, type, domain, allowRelay: false);

    [Given(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the remote domain ""([^""]*)"" that allows relay")]
    [When(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the remote domain ""([^""]*)"" that allows relay")]
    [Given(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть удалённый домен ""([^""]*)"" с разрешённой пересылкой")]
    [When(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть удалённый домен ""([^""]*)"" с разрешённой пересылкой")]
    public Task RelayDomain(string host, string name, string domain) => world.AddDomainAsync(host, name, "remote", domain, allowRelay: true);

    [StepDefinition(@"""([^""]*)"" is unreachable")]
    [StepDefinition(@"""([^""]*)"" becomes unreachable")]
    [StepDefinition(@"""([^""]*)"" недоступен")]
    [StepDefinition(@"""([^""]*)"" становится недоступен")]
    public Task Unreachable(string host) => world.SetReachableAsync(host, reachable: false);

    [StepDefinition(@"""([^""]*)"" becomes reachable")]
    [StepDefinition(@"""([^""]*)"" is reachable")]
    [StepDefinition(@"""([^""]*)"" (?:становится доступен|становится доступным|снова доступен)")]
    [StepDefinition(@"""([^""]*)"" доступен")]
    public Task Reachable(string host) => world.SetReachableAsync(host, reachable: true);
}
