using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Steps;

namespace MailLab.Specs.Runtime;

/// <summary>
/// The step classes called the way both runners' <see cref="Scenarios.Runner.StepDispatcher"/> calls
/// them (one ScenarioWorld given to each constructor, then the step methods): a wrong expectation
/// throws the exception SpecFlow reports, and its message reads the same as the runtime runner's.
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
    public async Task WrongPop3RetrievalCount_ThrowsAReadableAssertion()
    {
        await using var world = new ScenarioWorld();
        var pop3 = new Pop3Steps(world);
        var hooks = new ScenarioHooks(world);

        await pop3.Mailbox("petr@rosnou.ru", "Secret1");
        await new MailSteps(world).Send("ivan@mail.ru", "petr@rosnou.ru", "Only one");
        await pop3.Retrieve("petr@rosnou.ru", "Secret1", "rosnou.ru");
        hooks.BeginStep();
        var act = () => pop3.Retrieved("petr@rosnou.ru", 2);

        act.Should().Throw<ScenarioAssertionException>().Which.Message.Should().StartWith("""
            "petr@rosnou.ru" retrieved 1 message over POP3, not 2.
              Expected: 2 messages
              Actual:   petr@rosnou.ru logged on to rosnou.ru over POP3 (USER) and retrieved 1 message: "Only one"
            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task WrongPop3Replies_NameTheResponseThatDiffers()
    {
        await using var world = new ScenarioWorld();
        var pop3 = new Pop3Steps(world);

        await pop3.Converse("rosnou.ru", "USER student@rosnou.ru\nPASS wrong\nQUIT");
        var act = () => new DialogueSteps(world).Replies("+OK\n+OK\n+OK\n+OK");

        act.Should().Throw<ScenarioAssertionException>()
            .Which.Message.Should().StartWith("The server's replies differ: reply 3 (to the client's line 2) is \"-ERR [AUTH] invalid user name or password\", expected \"+OK\".");
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
