using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Administration commands (maillab smtp …, winpop …) and what they print.</summary>
[Binding]
public sealed class AdminSteps(ScenarioWorld world)
{
    [StepDefinition(@"the administrator runs ""(.*)""")]
    [StepDefinition(@"the administrator has run ""(.*)""")]
    [StepDefinition(@"администратор (?:выполняет|запускает|вводит|выполнил|запустил|ввёл|ввел) ""(.*)""")]
    public Task Run(string commandLine) => world.RunAdminCommandAsync(commandLine);

    [StepDefinition(@"the command output is:")]
    [StepDefinition(@"(?:команда выводит|вывод команды):")]
    public void Output(string expected) => world.CheckCommandOutput(expected);

    [StepDefinition(@"the command fails")]
    [StepDefinition(@"команда завершается с ошибкой")]
    public void Fails() => world.CheckCommandFailed();

    [StepDefinition(@"the command succeeds")]
    [StepDefinition(@"команда выполняется успешно")]
    public void Succeeds() => world.CheckCommandSucceeded();
}
