using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>
/// mail.ru relays to rosnou.ru over the in-process wire while rosnou.ru's LDAP routing waits for a
/// directory that answers only when the test lets it (slapd behind a <see cref="GatedTcpForwarder"/>).
/// Each hop's RCPT waits for its lookup without holding a thread: the wire's call comes back unfinished
/// while every lookup is still unanswered, and the hops finish once the directory answers.
/// </summary>
public sealed class SlowDirectoryRelayTests(Slapd slapd) : IClassFixture<Slapd>
{
    private const int Relays = 4;

    [SkippableFact]
    public async Task SeveralRelays_WaitingForTheDirectoryAtOnce_HoldNoThread_AndAreDeliveredWhenItAnswers()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var gate = new GatedTcpForwarder(slapd.Port);
        // One message per connection, so each message is a hop of its own.
        await using var world = await YamlWorld.StartAsync(SlapdTopology.Yaml(gate.Server, mailRuLimits: "{ maxMessagesPerConnection: 1 }"));
        var wire = ReturnedEarlyOutbound.Install(world.World);

        for (var i = 0; i < Relays; i++)
        {
            await world.SendAsIvanAsync($"relay {i}", "student@rosnou.ru");
        }

        // Every hop has its lookup at the directory and none has an answer, yet every wire call is back.
        await gate.HeldAsync(Relays);
        await wire.ReturnedEarlyAsync(Relays);
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);

        gate.Open();
        await world.IdleAsync();
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject)
            .Should().BeEquivalentTo(Enumerable.Range(0, Relays).Select(i => $"relay {i}"));
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }
}
