using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Steps;

namespace MailLab.Specs.Runtime;

/// <summary>
/// The binding classes called the way SpecFlow calls them (constructor injection of one
/// ScenarioWorld, then the step methods): a wrong expectation throws the exception SpecFlow
/// reports, and its message reads the same as the runtime runner's.
/// </summary>
public sealed class SpecFlowBindingTests
{
    [Fact]
    public async Task WrongMailboxCount_ThrowsAReadableAssertion()
    {
        await using var world = new ScenarioWorld();
        var mail = new MailSteps(world);
        var checks = new DeliveryCheckSteps(world);
        var hooks = new ScenarioHooks(world);

        hooks.BeginStep();
        await mail.Send("ivan@mail.ru", "student@rosnou.ru", "Only one");
        hooks.BeginStep();
        var act = () => checks.MailboxCount("student@rosnou.ru", 2);

        var failure = (await act.Should().ThrowAsync<ScenarioAssertionException>()).Which;
        failure.Message.Should().StartWith("""
            The mailbox "student@rosnou.ru" holds 1 message, not 2.
              Expected: 2 messages
              Actual:   1 message: "Only one"
              Transcript around this step:
            """.ReplaceLineEndings());
        failure.Message.Should().Contain("[rosnou.ru] S: 250 2.6.0 <ML00000002@rosnou.ru> Queued mail for delivery");
    }

    [Fact]
    public async Task WrongReplies_NameTheReplyThatDiffers()
    {
        await using var world = new ScenarioWorld();
        var dialogue = new DialogueSteps(world);

        await dialogue.Converse("rosnou.ru", "EHLO client.example\nMAIL FROM:<a@b.example>\nQUIT");
        var act = () => dialogue.Replies("220\n250\n550\n221");

        act.Should().Throw<ScenarioAssertionException>()
            .Which.Message.Should().StartWith("The server's replies differ: reply 3 (to the client's line 2) is \"250 2.1.0 Sender OK\", expected \"550\".");
    }

    [Fact]
    public async Task EveryStepOfAScenario_SharesOneWorld_AndTheHookDisposesIt()
    {
        var world = new ScenarioWorld();
        await new TopologySteps(world).DefaultTopology();
        world.IsStarted.Should().BeTrue();
        await new ScenarioHooks(world).EndScenarioAsync();
        await world.DisposeAsync();
    }
}
