using MailLab.Scenarios.Driver;
using TechTalk.SpecFlow;

namespace MailLab.Scenarios.Steps;

/// <summary>Typing SMTP by hand and checking the server's replies.</summary>
[Binding]
public sealed class DialogueSteps(ScenarioWorld world)
{
    [When(@"a client connects to SMTP on ""([^""]*)"" and sends:")]
    [Given(@"a client connects to SMTP on ""([^""]*)"" and sends:")]
    [When(@"клиент подключается к SMTP на ""([^""]*)"" и отправляет:")]
    public Task Converse(string host, string script) => world.ConverseAsync(host, script);

    [Then(@"the server replies:")]
    [Then(@"сервер отвечает:")]
    public void Replies(string expected) => world.CheckReplies(expected);
}
