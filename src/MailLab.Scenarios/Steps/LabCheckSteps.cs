using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// State checks, the steps a lab's tasks are graded with (courseware/labs/*/lab.yaml): they read the
/// world and change nothing. The ones that read like a Given of <see cref="TopologySteps"/> (a
/// state, a setting, a domain) answer to Then only, so "Given … is paused" pauses and "Then … is
/// paused" checks.
/// </summary>
[Binding]
public sealed class LabCheckSteps(ScenarioWorld world)
{
    [Then(@"the virtual server ""([^""]*)"" on ""([^""]*)"" is (paused|stopped|running)")]
    [Then(@"виртуальный сервер ""([^""]*)"" на ""([^""]*)"" (приостановлен|остановлен|запущен)")]
    public Task VirtualServerState(string name, string host, string state) => world.CheckVirtualServerStateAsync(name, host, state);

    [Then(@"the SMTP service on ""([^""]*)"" is (stopped|paused|running)")]
    [Then(@"служба SMTP на ""([^""]*)"" (остановлена|приостановлена|запущена)")]
    public Task ServiceState(string host, string state) => world.CheckServiceStateAsync(host, state);

    [Then(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has ""([^""]*)"" set to ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task Setting(string host, string name, string setting, string value) => world.CheckSettingAsync(host, name, setting, value);

    [Then(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the (local|alias|remote) domain ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть (локальный домен|домен-псевдоним|удалённый домен) ""([^""]*)""")]
    public Task Domain(string host, string name, string type, string domain) => world.CheckDomainAsync(host, name, type, domain);

    [Then(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the remote domain ""([^""]*)"" that allows relay")]
    [Then(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть удалённый домен ""([^""]*)"" с разрешённой пересылкой")]
    public Task RelayDomain(string host, string name, string domain) => world.CheckDomainAsync(host, name, "remote", domain, allowsRelay: true);

    [Then(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has the remote domain ""([^""]*)"" with the smart host ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" есть удалённый домен ""([^""]*)"" со смарт-хостом ""([^""]*)""")]
    public Task SmartHostDomain(string host, string name, string domain, string smartHost) => world.CheckDomainSmartHostAsync(host, name, domain, smartHost);

    [Then(@"on ""([^""]*)"" the default domain of the virtual server ""([^""]*)"" is ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" домен по умолчанию виртуального сервера ""([^""]*)"" — ""([^""]*)""")]
    public Task DefaultDomain(string host, string name, string domain) => world.CheckDefaultDomainAsync(host, name, domain);

    [Then(@"on ""([^""]*)"" there is the virtual server ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" есть виртуальный сервер ""([^""]*)""")]
    public Task VirtualServerExists(string host, string name) => world.CheckVirtualServerExistsAsync(host, name);

    [Then(@"on ""([^""]*)"" the home directory of the virtual server ""([^""]*)"" is ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" домашний каталог виртуального сервера ""([^""]*)"" — ""([^""]*)""")]
    public Task HomeDirectory(string host, string name, string path) => world.CheckHomeDirectoryAsync(host, name, path);

    [Then(@"on ""([^""]*)"" ""([^""]*)"" is an operator of the virtual server ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" ""([^""]*)"" — оператор виртуального сервера ""([^""]*)""")]
    public Task Operator(string host, string account, string name) => world.CheckOperatorAsync(host, name, account);

    [Then(@"the mailbox ""([^""]*)"" exists")]
    [Then(@"почтовый ящик ""([^""]*)"" существует")]
    public Task MailboxExists(string address) => world.CheckMailboxExistsAsync(address);

    [Then(@"the POP3 mailbox ""([^""]*)"" exists")]
    [Then(@"почтовый ящик POP3 ""([^""]*)"" существует")]
    public Task Pop3MailboxExists(string address) => world.CheckPop3MailboxExistsAsync(address);

    [Then(@"the POP3 mailbox ""([^""]*)"" has a quota of (\d+) MB")]
    [Then(@"у почтового ящика POP3 ""([^""]*)"" квота (\d+) МБ")]
    public Task Quota(string address, int megabytes) => world.CheckQuotaAsync(address, megabytes);

    [Then(@"the POP3 mailbox ""([^""]*)"" is locked")]
    [Then(@"почтовый ящик POP3 ""([^""]*)"" заблокирован")]
    public Task Locked(string address) => world.CheckPop3LockAsync(address, locked: true);

    [Then(@"the POP3 mailbox ""([^""]*)"" is unlocked")]
    [Then(@"почтовый ящик POP3 ""([^""]*)"" разблокирован")]
    public Task Unlocked(string address) => world.CheckPop3LockAsync(address, locked: false);

    [Then(@"on ""([^""]*)"" the POP3 service has the domain ""([^""]*)""")]
    [Then(@"на ""([^""]*)"" у службы POP3 есть домен ""([^""]*)""")]
    public Task Pop3Domain(string host, string domain) => world.CheckPop3DomainAsync(host, domain);

    [Then(@"""([^""]*)"" is an account of the Active Directory of ""([^""]*)""")]
    [Then(@"""([^""]*)"" — учётная запись Active Directory на ""([^""]*)""")]
    public Task DirectoryAccount(string address, string host) => world.CheckDirectoryAccountAsync(address, host);

    [Then(@"the MX record of ""([^""]*)"" points at ""([^""]*)""")]
    [Then(@"MX-запись домена ""([^""]*)"" указывает на ""([^""]*)""")]
    public Task Mx(string domain, string host) => world.CheckMxAsync(domain, host);

    [Then(@"the MX record of ""([^""]*)"" matches the name of its server")]
    [Then(@"MX-запись домена ""([^""]*)"" соответствует имени его сервера")]
    public Task MxMatchesServer(string domain) => world.CheckMxMatchesServerAsync(domain);

    [Then(@"the message ""([^""]*)"" was relayed by ""([^""]*)"" to a server outside MailLab")]
    [Then(@"письмо ""([^""]*)"" передано с ""([^""]*)"" серверу за пределами MailLab")]
    public Task RelayedOutside(string subject, string host) => world.CheckRelayedOutsideAsync(subject, host);

    [Then(@"the server of ""([^""]*)"" has a static address")]
    [Then(@"у сервера домена ""([^""]*)"" статический адрес")]
    public Task StaticAddress(string domain) => world.CheckStaticAddressAsync(domain);

    [Then(@"the A record of ""([^""]*)"" points at its server's address")]
    [Then(@"A-запись домена ""([^""]*)"" указывает на адрес его сервера")]
    public Task ARecord(string domain) => world.CheckARecordAsync(domain);

    [Then(@"""([^""]*)"" can reach ""([^""]*)""")]
    [Then(@"""([^""]*)"" может связаться с ""([^""]*)""")]
    public Task CanReach(string from, string to) => world.CheckReachAsync(from, to, reachable: true);

    [Then(@"""([^""]*)"" cannot reach ""([^""]*)""")]
    [Then(@"""([^""]*)"" не может связаться с ""([^""]*)""")]
    public Task CannotReach(string from, string to) => world.CheckReachAsync(from, to, reachable: false);
}
