using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>POP3: typing it by hand, a mail client retrieving mail, and the service's setup.</summary>
[Binding]
public sealed class Pop3Steps(ScenarioWorld world)
{
    [StepDefinition(@"on ""([^""]*)"" the POP3 service has ""([^""]*)"" set to ""([^""]*)""")]
    [StepDefinition(@"на ""([^""]*)"" у службы POP3 параметр ""([^""]*)"" равен ""([^""]*)""")]
    public Task Setting(string host, string setting, string value) => world.SetPop3SettingAsync(host, setting, value);

    [StepDefinition(@"on ""([^""]*)"" the POP3 service's ""([^""]*)"" is ""([^""]*)""")]
    [StepDefinition(@"на ""([^""]*)"" параметр службы POP3 ""([^""]*)"" имеет значение ""([^""]*)""")]
    [ReadsOnly]
    public Task SettingIs(string host, string setting, string value) => world.CheckPop3SettingAsync(host, setting, value);

    [StepDefinition(@"a client connects to POP3 on ""([^""]*)"" and sends:")]
    [StepDefinition(@"клиент подключается к POP3 на ""([^""]*)"" и отправляет:")]
    public Task Converse(string host, string script) => world.ConversePop3Async(host, script);

    [StepDefinition(@"""([^""]*)"" with password ""([^""]*)"" retrieves mail over POP3 from ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" с паролем ""([^""]*)"" забирает почту по POP3 с ""([^""]*)""")]
    public Task Retrieve(string address, string password, string host) => world.RetrieveAsync(address, password, host);

    [StepDefinition(@"""([^""]*)"" with password ""([^""]*)"" retrieves mail over POP3 from ""([^""]*)"" and deletes (?:them|it)")]
    [StepDefinition(@"""([^""]*)"" с паролем ""([^""]*)"" забирает почту по POP3 с ""([^""]*)"" и удаляет (?:её|ее|письма)")]
    public Task RetrieveAndDelete(string address, string password, string host) => world.RetrieveAsync(address, password, host, delete: true);

    [StepDefinition(@"""([^""]*)"" with password ""([^""]*)"" retrieves mail over POP3 from ""([^""]*)"" using ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" с паролем ""([^""]*)"" забирает почту по POP3 с ""([^""]*)"" через ""([^""]*)""")]
    public Task RetrieveUsing(string address, string password, string host, string method) => world.RetrieveAsync(address, password, host, method);

    [StepDefinition(@"""([^""]*)"" retrieves (\d+) messages? over POP3")]
    [StepDefinition(@"""([^""]*)"" получает (\d+) (?:писем|письмо|письма) по POP3")]
    public void Retrieved(string address, int count) => world.CheckRetrievedCount(address, count);

    [StepDefinition(@"""([^""]*)"" retrieves (\d+) messages? over POP3 and deletes (?:them|it)")]
    [StepDefinition(@"""([^""]*)"" получает (\d+) (?:писем|письмо|письма) по POP3 и удаляет (?:их|его)")]
    public void RetrievedAndDeleted(string address, int count) => world.CheckRetrievedCount(address, count, deleted: true);

    [StepDefinition(@"the POP3 logon of ""([^""]*)"" is refused with ""([^""]*)""")]
    [StepDefinition(@"вход ""([^""]*)"" по POP3 отклон(?:ён|ен) с ответом ""([^""]*)""")]
    public void LogonRefused(string address, string reply) => world.CheckPop3LogonRefused(address, reply);

    [StepDefinition(@"the POP3 logon of ""([^""]*)"" succeeds")]
    [StepDefinition(@"вход ""([^""]*)"" по POP3 выполнен")]
    public void LogonSucceeded(string address) => world.CheckPop3LogonSucceeded(address);

    [StepDefinition(@"the message ""([^""]*)"" was retrieved over POP3 by ""([^""]*)""")]
    [StepDefinition(@"письмо ""([^""]*)"" забрано по POP3 пользователем ""([^""]*)""")]
    [ReadsOnly]
    public Task RetrievedStage(string subject, string address) => world.CheckRetrievedStageAsync(subject, address);

    [StepDefinition(@"the POP3 authentication method on ""([^""]*)"" is ""([^""]*)""")]
    [StepDefinition(@"на ""([^""]*)"" метод проверки подлинности POP3 ""([^""]*)""")]
    public Task AuthenticationMethod(string host, string method) => world.SetPop3AuthenticationAsync(host, method);

    [StepDefinition(@"POP3 on ""([^""]*)"" requires secure password authentication")]
    [StepDefinition(@"POP3 на ""([^""]*)"" требует безопасную проверку пароля")]
    public Task SpaRequired(string host) => world.SetPop3SpaRequiredAsync(host, required: true);

    [StepDefinition(@"POP3 on ""([^""]*)"" does not require secure password authentication")]
    [StepDefinition(@"POP3 на ""([^""]*)"" не требует безопасную проверку пароля")]
    public Task SpaNotRequired(string host) => world.SetPop3SpaRequiredAsync(host, required: false);

    [StepDefinition(@"the POP3 mailbox ""([^""]*)"" with password ""([^""]*)""")]
    [StepDefinition(@"почтовый ящик POP3 ""([^""]*)"" с паролем ""([^""]*)""")]
    public Task Mailbox(string address, string password) => world.CreatePop3MailboxAsync(address, password);

    [StepDefinition(@"""([^""]*)"" with password ""([^""]*)"" stays logged on over POP3 to ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" с паролем ""([^""]*)"" остаётся в сеансе POP3 на ""([^""]*)""")]
    public Task StayLoggedOn(string address, string password, string host) => world.OpenPop3SessionAsync(address, password, host);

    [StepDefinition(@"the open POP3 session of ""([^""]*)"" quits")]
    [StepDefinition(@"открытый сеанс POP3 ""([^""]*)"" завершается")]
    public Task Quit(string address) => world.ClosePop3SessionAsync(address);
}
