using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// The second hop refuses to relay (IIS's default relay restrictions): RCPT gets 550 5.7.1, which is
/// permanent, so the sender gets an NDR at once naming the server that refused.
/// </summary>
public sealed class RelayDenialTests
{
    private static readonly string Yaml = $$"""
        hosts:
        {{Topologies.MailRu(extraDomains: "- { name: far.example, type: remote, smartHost: gateway.example }")}}
          - name: gateway.example
            address: 192.0.2.80
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: gateway.example, type: local }

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
          - { name: gateway.example, type: A, value: 192.0.2.80 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    [Fact]
    public async Task SecondHopDeniesRelay_SenderGetsAnNdrWith550571AndTheRemoteMta()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("let me through", "someone@far.example", "student@rosnou.ru");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1, "the other domain is not held back");
        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var dsn = Dsn.Read(ndr);
        dsn.PerMessage["Reporting-MTA"].Should().Be("dns; mail.ru");
        var group = dsn.Recipients.Should().ContainSingle("only the refused recipient is reported").Subject;
        group["Final-Recipient"].Should().Be("rfc822; someone@far.example");
        group["Action"].Should().Be("failed");
        group["Status"].Should().Be("5.7.1");
        group["Remote-MTA"].Should().Be("dns; gateway.example");
        group["Diagnostic-Code"].Should().Be("smtp; 550 5.7.1 Unable to relay");

        // The refusal on the wire, in mail.ru's outbound session to the gateway.
        var relayFailure = world.StageEvents(id).Single(e => e.Kind == TraceKind.Failed);
        relayFailure.Host.Should().Be("mail.ru");
        relayFailure.Text.Should().Be("<someone@far.example>: 550 5.7.1 Unable to relay");
        relayFailure.Peer.Should().Be("gateway.example");
        var session = world.World.Trace.ForTrace(id).Where(e => e.Host == "mail.ru" && e.Peer == "gateway.example" && e.SessionId is not null)
            .Select(e => e.SessionId).First();
        var lines = world.World.Trace.ForSession(session!.Value).Select(e => $"{e.Kind} {e.Text}").ToArray();
        lines.Should().ContainInOrder(
            "ClientLine EHLO mail.ru",
            "ClientLine RCPT TO:<someone@far.example>",
            "ServerReply 250 2.1.0 Sender OK", // MAIL and RCPT pipelined (RFC 2920), one reply each
            "ServerReply 550 5.7.1 Unable to relay",
            "ConnectionClosed Connection closed");
        lines.Should().Contain(l => l.StartsWith("ClientLine MAIL FROM:<ivan@mail.ru>", StringComparison.Ordinal));
        lines.Count(l => l.StartsWith("ConnectionClosed", StringComparison.Ordinal)).Should().Be(1);
        lines.Should().NotContain(l => l.StartsWith("ClientLine DATA", StringComparison.Ordinal));

        world.Stages(id).Should().NotContain(["gateway.example Received", "mail.ru Deferred"]);
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));
        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(1, "a permanent failure is reported once and never retried");
    }
}
