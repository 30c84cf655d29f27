using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Messages tab → limit number of recipients per message: outbound, the recipients past the limit
/// go in another transaction over a new connection (IIS), until every one is delivered.
/// </summary>
public sealed class RecipientsPerMessageTests
{
    private static readonly string Yaml = $$"""
        hosts:
        {{Topologies.MailRu()}}
          - name: rosnou.ru
            address: 203.0.113.10
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: rosnou.ru, type: local }

        dns:
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    [Fact]
    public async Task FiveRecipientsWithALimitOfTwo_GoInThreeTransactionsOnThreeConnections()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        string[] to = ["s1@rosnou.ru", "s2@rosnou.ru", "s3@rosnou.ru", "s4@rosnou.ru", "s5@rosnou.ru"];

        // The same box also limits inbound recipients (452 4.5.3 past it), so the five-recipient
        // message is queued first, and the administrator lowers the limit while it waits.
        world.World.Links.SetHostReachable("rosnou.ru", false);
        var id = await world.SendAsIvanAsync("five", to);
        await world.IdleAsync();
        world.Vs("mail.ru").Configure(s => s with { Limits = s.Limits with { MaxRecipientsPerMessage = 2 } });
        world.World.Links.SetHostReachable("rosnou.ru", true);
        await world.AdvanceAsync(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1));

        var drop = world.Vs("rosnou.ru").HomeDirectory.Drop.Files;
        drop.Select(f => f.Message.Recipients).Should().BeEquivalentTo(
            new[] { new[] { "s1@rosnou.ru", "s2@rosnou.ru" }, ["s3@rosnou.ru", "s4@rosnou.ru"], ["s5@rosnou.ru"] },
            o => o.WithStrictOrdering());
        drop.SelectMany(f => f.Message.Recipients).Should().BeEquivalentTo(to, "all five are delivered, each once");

        var events = world.StageEvents(id);
        events.Where(e => e.Host == "rosnou.ru" && e.Kind == TraceKind.Received).Select(e => e.Text[e.Text.IndexOf(" for ", StringComparison.Ordinal)..e.Text.IndexOf(" (", StringComparison.Ordinal)])
            .Should().Equal(" for s1@rosnou.ru, s2@rosnou.ru", " for s3@rosnou.ru, s4@rosnou.ru", " for s5@rosnou.ru");
        var relayed = events.Where(e => e.Host == "mail.ru" && e.Kind == TraceKind.Relayed).ToArray();
        relayed.Should().HaveCount(5);
        var sessions = relayed.Select(e => e.SessionId!.Value).Distinct().ToArray();
        sessions.Should().HaveCount(3, "each transaction has its own connection");
        sessions.Select(s => world.World.Trace.ForSession(s).Count(e => e.Kind == TraceKind.ClientLine && e.Text.StartsWith("RCPT TO:", StringComparison.Ordinal)))
            .Should().Equal(2, 2, 1);
        sessions.Select(s => world.World.Trace.ForSession(s).Count(e => e.Kind == TraceKind.ConnectionOpened))
            .Should().Equal(1, 1, 1);
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }
}
