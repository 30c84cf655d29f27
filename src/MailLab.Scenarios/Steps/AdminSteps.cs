using MailLab.Scenarios.Driver;
using TechTalk.SpecFlow;

namespace MailLab.Scenarios.Steps;

/// <summary>Administration commands (maillab smtp …, winpop …) and what they print.</summary>
[Binding]
public sealed class AdminSteps(ScenarioWorld world)
{
    [When(@"the administrator runs ""(.*)""")]
    [Given(@"the administrator runs ""(.*)""")]
    [Given(@"the administrator has run ""(.*)""")]
    [When(@"администратор (?:выполняет|запускает|вводит) ""(.*)""")]
    [Given(@"администратор (?:выполняет|запускает|вводит|выполнил) ""(.*)""")]
    public Task Run(string commandLine) => world.RunAdminCommandAsync(commandLine);

    [Then(@"the command output is:")]
    [Then(@"(?:команда выводит|вывод команды):")]
    public void Output(string expected) => world.CheckCommandOutput(expected);

    [Then(@"the command fails")]
    [Then(@"команда завершается с ошибкой")]
    public void Fails() => world.CheckCommandFailed();

    [Then(@"the command succeeds")]
    [Then(@"команда выполняется успешно")]
    public void Succeeds() => world.CheckCommandSucceeded();
}
