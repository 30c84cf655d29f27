using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Putting mail into the world: a user sends a message; a file lands in Pickup.</summary>
[Binding]
public sealed class MailSteps(ScenarioWorld world)
{
    [StepDefinition(@"""([^""]*)"" sends a message to ""([^""]*)"" with subject ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" отправляет письмо (?:для |на адрес )?""([^""]*)"" с темой ""([^""]*)""")]
    public Task Send(string from, string to, string subject) => world.SendMessageAsync(from, to, subject);

    [StepDefinition(@"a file is placed in the Pickup folder of ""([^""]*)"" with:")]
    [StepDefinition(@"в папку Pickup на ""([^""]*)"" кладут файл:")]
    public Task Pickup(string host, string content) => world.DropInPickupAsync(host, content);
}
