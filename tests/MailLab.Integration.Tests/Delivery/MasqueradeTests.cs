using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Delivery tab → Advanced → masquerade domain: the local domain in MAIL FROM is replaced on the
/// first hop only. Later hops keep what they were given, and mail that mail.ru merely relays is not
/// masqueraded.
/// </summary>
public sealed class MasqueradeTests
{
    private static readonly string Yaml = $$"""
        hosts:
        {{Topologies.MailRu(
            "{ masqueradeDomain: masq.example }",
            extraDomains: "- { name: rosnou.ru, type: remote, smartHost: relay.example }").Replace("access: { basicAuthentication: true }", "access: { basicAuthentication: true, relay: { onlyListed: true, entries: [192.0.2.90] } }", StringComparison.Ordinal)}}
          - name: relay.example
            address: 192.0.2.50
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  access: { relay: { onlyListed: true, entries: [198.51.100.10] } }
                  delivery: { masqueradeDomain: relay-masq.example }   # only for relay.example's own senders
                  domains:
                    - { name: relay.example, type: local }

          - name: outpost.example
            address: 192.0.2.90
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  access: { relay: { onlyListed: true, entries: [127.0.0.1] } }
                  delivery: { smartHost: mail.ru }
                  domains:
                    - { name: outpost.example, type: local }

          - name: rosnou.ru
            address: 203.0.113.10
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: rosnou.ru, type: local }
            accounts:
              - { address: student@rosnou.ru, password: student123 }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: relay.example, type: A, value: 192.0.2.50 }
          - { name: outpost.example, type: A, value: 192.0.2.90 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    [Fact]
    public async Task LocalSender_IsMasqueradedOnTheFirstHop_AndKeptByLaterHops()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("masked", "student@rosnou.ru");
        await world.IdleAsync();

        // The wire of the first hop (mail.ru → relay.example; the trace also holds Ivan's submission to mail.ru).
        var firstHop = world.World.Trace.ForTrace(id).Single(e => e.Host == "mail.ru" && e.Peer == "relay.example" && e.Kind == TraceKind.ClientLine && e.Text.StartsWith("MAIL FROM:", StringComparison.Ordinal));
        firstHop.Text.Should().StartWith("MAIL FROM:<ivan@masq.example> ");
        world.StageTexts(id).Should().Contain(t => t.StartsWith("relay.example Received: Accepted ML", StringComparison.Ordinal) && t.Contains(" from <ivan@masq.example> for student@rosnou.ru ", StringComparison.Ordinal));

        // The second hop (relay.example → rosnou.ru) passes it on unchanged.
        var stored = world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        stored.Sender.Should().Be("ivan@masq.example");
        stored.HeaderFrom.Should().Be("ivan@mail.ru", "only the envelope is masqueraded");
    }

    [Fact]
    public async Task ForeignSender_IsNotMasqueraded()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        await world.SendAsync("mail.ru", "ivan@elsewhere.example", ["student@rosnou.ru"], "not ours", "ivan@mail.ru", "ivan123");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
            .Which.Sender.Should().Be("ivan@elsewhere.example");
    }

    [Fact]
    public async Task MailThatMailRuOnlyRelays_IsNotMasqueraded_BecauseItIsNotTheFirstHop()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        // Petr submits at the outpost, which sends everything through mail.ru.
        var id = await world.SendAsync("outpost.example", "petr@mail.ru", ["student@rosnou.ru"], "from the outpost");
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain(t => t.StartsWith("mail.ru Received: Accepted ML", StringComparison.Ordinal) && t.Contains(" from <petr@mail.ru> ", StringComparison.Ordinal));
        var stored = world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        stored.Sender.Should().Be("petr@mail.ru", "mail.ru is the message's second hop, so its masquerade domain does not apply");
    }
}
