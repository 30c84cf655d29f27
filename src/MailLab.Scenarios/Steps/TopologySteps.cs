using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Setting the scene: topology, states, settings, mailboxes, domains, the network. A phrasing that
/// reads the same as a state check of <see cref="LabCheckSteps"/> (a state, a setting, a domain)
/// answers to Given and When only (<see cref="GivenOrWhenAttribute"/>): after Then it checks instead of setting.
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

    [GivenOrWhen(@"the virtual server ""([^""]*)"" on ""([^""]*)"" is (paused|stopped|running)")]
    [GivenOrWhen(@"виртуальный сервер ""([^""]*)"" на ""([^""]*)"" (приостановлен|остановлен|запущен)")]
    public Task VirtualServerState(string name, string host, string state) => world.SetVirtualServerStateAsync(name, host, state);

    [GivenOrWhen(@"the SMTP service on ""([^""]*)"" is (stopped|paused|running)")]
    [GivenOrWhen(@"служба SMTP на ""([^""]*)"" (остановлена|приостановлена|запущена)")]
    public Task ServiceState(string host, string state) => world.SetServiceStateAsync(host, state);

    [GivenOrWhen(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [GivenOrWhen(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task Setting(string host, string name, string setting, string value) => world.SetSettingAsync(host, name, setting, value);

    [StepDefinition(@"the mailbox ""([^""]*)"" with password ""([^""]*)""")]
    [StepDefinition(@"почтовый ящик ""([^""]*)"" с паролем ""([^""]*)""")]
    public Task Mailbox(string address, string password) => world.CreateMailboxAsync(address, password);

    [GivenOrWhen(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the (alias|remote) domain ""([^""]*)""")]
    [GivenOrWhen(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть (домен-псевдоним|удалённый домен) ""([^""]*)""")]
    public Task Domain(string host, string name, string type, string domain) => world.AddDomainAsync(host, name, type, domain, allowRelay: false);

    [GivenOrWhen(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the remote domain ""([^""]*)"" that allows relay")]
    [GivenOrWhen(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть удалённый домен ""([^""]*)"" с разрешённой пересылкой")]
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
