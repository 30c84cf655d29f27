using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Several mailboxes, settings or messages in one step, as a data table.</summary>
[Binding]
public sealed class TableSteps(ScenarioWorld world)
{
    [StepDefinition(@"the mailboxes:")]
    [StepDefinition(@"почтовые ящики:")]
    public Task Mailboxes(Table table) => world.CreateMailboxesAsync(table);

    [StepDefinition(@"the POP3 mailboxes:")]
    [StepDefinition(@"почтовые ящики POP3:")]
    public Task Pop3Mailboxes(Table table) => world.CreatePop3MailboxesAsync(table);

    [StepDefinition(@"on ""([^""]*)"" the virtual server ""([^""]*)"" has these settings:")]
    [StepDefinition(@"на ""([^""]*)"" у виртуального сервера ""([^""]*)"" параметры:")]
    public Task Settings(string host, string name, Table table) => world.SetSettingsAsync(host, name, table);

    [StepDefinition(@"""([^""]*)"" sends these messages:")]
    [StepDefinition(@"""([^""]*)"" отправляет письма:")]
    public Task Messages(string from, Table table) => world.SendMessagesAsync(from, table);
}
