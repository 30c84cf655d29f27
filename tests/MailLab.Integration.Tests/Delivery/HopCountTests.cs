using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Delivery tab → Advanced → maximum hop count (15, counted from Received headers): two servers that
/// forward loop.example to each other return the message with an NDR (5.4.6) instead of looping forever.
/// </summary>
public sealed class HopCountTests
{
    internal static string Yaml(string delivery = "{}") => $$"""
        hosts:
        {{Topologies.MailRu(delivery, extraDomains: "- { name: loop.example, type: remote, allowRelay: true, smartHost: other.ru }")}}
          - name: other.ru
            address: 192.0.2.70
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  delivery: {{delivery}}
                  domains:
                    - { name: other.ru, type: local }
                    - { name: loop.example, type: remote, allowRelay: true, smartHost: mail.ru }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: other.ru, type: A, value: 192.0.2.70 }
        """;

    [Fact]
    public async Task TwoServersForwardingToEachOther_ReturnTheMessageAfter15Hops()
    {
        await using var world = await YamlWorld.StartAsync(Yaml());
        var id = await world.SendAsIvanAsync("round and round", "someone@loop.example");
        await world.IdleAsync(); // a real-time limit: a loop that never ends fails here

        // Hop n is the n-th Received header: mail.ru takes the odd ones, other.ru the even ones, and
        // the 16th is one more than the limit.
        var hops = world.StageEvents(id).Where(e => e.Kind == TraceKind.Received && e.Text.Contains("from <ivan@mail.ru>", StringComparison.Ordinal))
            .Select(e => e.Host).ToArray();
        hops.Should().HaveCount(16);
        hops.Should().Equal(Enumerable.Range(1, 16).Select(n => n % 2 == 1 ? "mail.ru" : "other.ru"));
        world.StageEvents(id).Count(e => e.Kind == TraceKind.Relayed && e.Text.Contains("for <someone@loop.example>", StringComparison.Ordinal))
            .Should().Be(15);
        var texts = world.StageTexts(id);
        var failed = Array.IndexOf(texts, "other.ru Failed: <someone@loop.example>: 554 5.4.6 Routing loop detected: more than 15 hops");
        failed.Should().BePositive();
        texts[failed + 1].Should().MatchRegex(@"^other\.ru NdrGenerated: Non-delivery report ML[0-9A-F]{8} from <> to ivan@mail\.ru$");

        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var dsn = Dsn.Read(ndr);
        dsn.PerMessage["Reporting-MTA"].Should().Be("dns; other.ru");
        var group = dsn.Recipients.Should().ContainSingle().Subject;
        group["Final-Recipient"].Should().Be("rfc822; someone@loop.example");
        group["Action"].Should().Be("failed");
        group["Status"].Should().Be("5.4.6");
        group["Diagnostic-Code"].Should().Be("smtp; 554 5.4.6 Routing loop detected: more than 15 hops");
        group["Remote-MTA"].Should().BeNull();
        dsn.Returned.Headers.Count(h => h.Id == MimeKit.HeaderId.Received).Should().Be(16);

        world.Vs("mail.ru").Queue.Count.Should().Be(0);
        world.Vs("other.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task LowerHopLimit_IsCountedFromReceivedHeaders()
    {
        // maxHopCount 3 on both: hops 1-3 pass, the 4th Received (on other.ru) is over the limit.
        await using var world = await YamlWorld.StartAsync(Yaml("{ maxHopCount: 3 }"));
        var id = await world.SendAsIvanAsync("short loop", "someone@loop.example");
        await world.IdleAsync();

        world.StageEvents(id).Where(e => e.Kind == TraceKind.Received && e.Text.Contains("from <ivan@mail.ru>", StringComparison.Ordinal))
            .Select(e => e.Host).Should().Equal("mail.ru", "other.ru", "mail.ru", "other.ru");
        var dsn = Dsn.Read(world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject);
        dsn.For("someone@loop.example")["Diagnostic-Code"].Should().Be("smtp; 554 5.4.6 Routing loop detected: more than 3 hops");
    }
}
