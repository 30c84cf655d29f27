using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Typing SMTP by hand, and checking the server's replies (of an SMTP or a POP3 dialogue).</summary>
[Binding]
public sealed class DialogueSteps(ScenarioWorld world)
{
    [StepDefinition(@"a client connects to SMTP on ""([^""]*)"" and sends:")]
    [StepDefinition(@"клиент подключается к SMTP на ""([^""]*)"" и отправляет:")]
    public Task Converse(string host, string script) => world.ConverseAsync(host, script);

    [StepDefinition(@"the server replies:")]
    [StepDefinition(@"сервер отвечает:")]
    public void Replies(string expected) => world.CheckReplies(expected);
}
