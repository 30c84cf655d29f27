namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Delivery tab → Advanced → smart host: all remote mail goes there, unless a remote domain's own
/// route overrides it (technet cc779371). A smart host may be a world host or a real server on loopback.
/// </summary>
public sealed class SmartHostTests
{
    private static string Yaml(string delivery, params string[] extraDomains) => $$"""
        hosts:
        {{Topologies.MailRu(delivery, extraDomains: extraDomains)}}
          - name: relay.example
            address: 192.0.2.50
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  access: { relay: { onlyListed: true, entries: [198.51.100.10] } }   # relays for mail.ru
                  domains:
                    - { name: relay.example, type: local }

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

          - name: other.example
            address: 192.0.2.60
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: other.example, type: local }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: relay.example, type: A, value: 192.0.2.50 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
          - { name: other.example, type: MX, preference: 10, value: other.example }
          - { name: other.example, type: A, value: 192.0.2.60 }
        """;

    [Fact]
    public async Task VirtualServerSmartHost_TakesAllRemoteMail_ButNotLocalMail()
    {
        await using var world = await YamlWorld.StartAsync(Yaml("{ smartHost: relay.example }"));
        var id = await world.SendAsIvanAsync("via the smart host", "student@rosnou.ru", "someone@other.example", "petr@mail.ru");
        await world.IdleAsync();

        world.Host("mail.ru").Mailboxes.Find("petr@mail.ru")!.Count.Should().Be(1, "local mail never goes to the smart host");
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
            .Which.Data.Should().NotBeEmpty();
        world.Vs("other.example").HomeDirectory.Drop.Files.Should().ContainSingle()
            .Which.Message.Recipients.Should().Equal("someone@other.example");

        var texts = world.StageTexts(id);
        texts.Should().Contain("mail.ru MxLookup: Smart host relay.example for rosnou.ru -> relay.example");
        texts.Should().Contain("mail.ru MxLookup: Smart host relay.example for other.example -> relay.example");
        texts.Where(t => t.StartsWith("mail.ru Connecting", StringComparison.Ordinal))
            .Should().Equal("mail.ru Connecting: Connecting to relay.example", "mail.ru Connecting: Connecting to relay.example");
        texts.Where(t => t.StartsWith("mail.ru Relayed", StringComparison.Ordinal))
            .Should().OnlyContain(t => t.StartsWith("mail.ru Relayed: Relayed to relay.example for <", StringComparison.Ordinal)).And.HaveCount(2);

        // The smart host routes by DNS on its side.
        texts.Should().Contain("relay.example MxLookup: MX rosnou.ru: 10 rosnou.ru");
        texts.Should().Contain("relay.example MxLookup: MX other.example: 10 other.example");
        texts.Should().Contain(t => t.StartsWith("relay.example Relayed: Relayed to rosnou.ru for <student@rosnou.ru>: 250", StringComparison.Ordinal));
        world.Stages(id).Count(s => s == "relay.example Received").Should().Be(2, "one transaction per remote domain");
    }

    [Fact]
    public async Task RemoteDomainSmartHost_OverridesTheVirtualServersSmartHost()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(
            "{ smartHost: relay.example }",
            "- { name: rosnou.ru, type: remote, smartHost: '[203.0.113.10]' }"));
        var id = await world.SendAsIvanAsync("two routes", "student@rosnou.ru", "someone@other.example");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
        world.Vs("other.example").HomeDirectory.Drop.Count.Should().Be(1);
        var texts = world.StageTexts(id);
        texts.Should().Contain("mail.ru MxLookup: Smart host [203.0.113.10] for rosnou.ru -> rosnou.ru");
        texts.Should().Contain("mail.ru MxLookup: Smart host relay.example for other.example -> relay.example");
        texts.Should().Contain(t => t.StartsWith("mail.ru Relayed: Relayed to rosnou.ru for <student@rosnou.ru>: 250", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith("mail.ru Relayed: Relayed to relay.example for <someone@other.example>: 250", StringComparison.Ordinal));
        world.Stages(id).Count(s => s == "relay.example Received").Should().Be(1, "only other.example's mail goes through the smart host");
    }

    [Theory]
    [InlineData(false, "ESMTP")]
    [InlineData(true, "ESMTPS")]
    public async Task LoopbackSmartHost_DeliversOverTcpToARealServer(bool outboundTls, string protocol)
    {
        // The "external" server: a second MailLab world, listening on TCP (port 0).
        await using var external = await YamlWorld.StartAsync(Topologies.ExternalExample, listenOnTcp: true);
        var port = external.TcpEndPoint("external.example").Port;
        await using var world = await YamlWorld.StartAsync(Yaml($"{{ smartHost: '[127.0.0.1]:{port}', outboundTls: {(outboundTls ? "true" : "false")} }}"));

        var id = await world.SendAsIvanAsync("over TCP", "user@external.example");
        await world.IdleAsync();

        var stored = external.Host("external.example").Mailboxes.Find("user@external.example")!.Messages.Should().ContainSingle().Subject;
        stored.Sender.Should().Be("ivan@mail.ru");
        stored.Subject.Should().Be("over TCP");
        var received = MimeKit.MimeMessage.Load(new MemoryStream(stored.Data)).Headers
            .Where(h => h.Id == MimeKit.HeaderId.Received).Select(h => h.Value).ToArray();
        received.Should().HaveCount(2);
        received[0].Should().Contain($"from mail.ru ([127.0.0.1]) by external.example with {protocol} id", "IIS sends without TLS unless outbound TLS is ticked");

        var texts = world.StageTexts(id);
        texts.Should().ContainInOrder(
            $"mail.ru MxLookup: Smart host [127.0.0.1]:{port} for external.example -> 127.0.0.1:{port}",
            $"mail.ru Connecting: Connecting to 127.0.0.1:{port}");
        texts.Should().Contain(t => t.StartsWith($"mail.ru Relayed: Relayed to 127.0.0.1:{port} for <user@external.example>: 250 2.6.0 <", StringComparison.Ordinal)
            && t.EndsWith("@external.example> Queued mail for delivery", StringComparison.Ordinal));
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
        external.World.Trace.Snapshot().Should().Contain(e => e.Kind == Mail.Tracing.TraceKind.Received && e.Peer == "127.0.0.1");
    }

    [Fact]
    public async Task SilentTcpSmartHost_TimesOutOnTheWorldClock_AndTheMessageIsDeferred()
    {
        // A server that accepts the connection and never greets: only the outbound time-out ends the attempt.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        await using var world = await YamlWorld.StartAsync(Yaml($"{{ smartHost: '[127.0.0.1]:{port}', outboundTimeoutMinutes: 10 }}"));

        var id = await world.SendAsIvanAsync("nobody answers", "user@external.example");
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(20));
        world.Clock.Advance(TimeSpan.FromMinutes(9));
        world.Vs("mail.ru").Queue.Entries.Should().ContainSingle().Which.Attempts.Should().Be(0, "nine virtual minutes are within the time-out");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain($"mail.ru Connecting: 127.0.0.1:{port}: 451 4.4.2 Connection to 127.0.0.1:{port} timed out");
        world.Vs("mail.ru").Queue.Entries.Should().ContainSingle().Which.Attempts.Should().Be(1);
    }
}
