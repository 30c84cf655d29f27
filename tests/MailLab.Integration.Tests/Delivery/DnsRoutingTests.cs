namespace MailLab.Integration.Tests.Delivery;

/// <summary>Routing by DNS without MX records (RFC 5321 §5.1): the A record, or nothing at all.</summary>
public sealed class DnsRoutingTests
{
    private static readonly string Yaml = $$"""
        hosts:
        {{Topologies.MailRu()}}
          - name: server.plain.example
            address: 192.0.2.25
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: plain.example, type: local }
            accounts:
              - { address: user@plain.example, password: user123 }

          - name: mx.orphan.example
            address: 192.0.2.40
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: mx.orphan.example, type: local }
                    - { name: orphan.example, type: remote, allowRelay: true }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: plain.example, type: A, value: 192.0.2.25 }
          - { name: orphan.example, type: MX, preference: 10, value: mx.orphan.example }
          - { name: mx.orphan.example, type: A, value: 192.0.2.40 }
        """;

    [Fact]
    public async Task NoMx_TheDomainsARecordIsTheImplicitMx()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("implicit MX", "user@plain.example");
        await world.IdleAsync();

        var stored = world.Host("server.plain.example").Mailboxes.Find("user@plain.example")!.Messages.Should().ContainSingle().Subject;
        stored.Sender.Should().Be("ivan@mail.ru");
        stored.Recipients.Should().Equal("user@plain.example");
        world.StageTexts(id).Should().ContainInOrder(
            "mail.ru MxLookup: MX plain.example: none; A record -> server.plain.example",
            "mail.ru Connecting: Connecting to server.plain.example",
            "server.plain.example DeliveredToMailbox: Delivered to the mailbox user@plain.example");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task AStaleARecord_NoComputerAnswers_TheMessageIsDeferred_AndGoesOnceTheRecordIsFixed()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        world.World.Dns.SetA("plain.example", System.Net.IPAddress.Parse("192.0.2.99"));
        var id = await world.SendAsIvanAsync("stale A", "user@plain.example");
        await world.IdleAsync();

        world.StageTexts(id).Should().ContainInOrder(
            "mail.ru MxLookup: MX plain.example: none; A record -> no host",
            "mail.ru Deferred: Deferred (attempt 1): <user@plain.example>: 451 4.4.1 No answer from plain.example at 192.0.2.99: no computer has that address");
        world.Vs("mail.ru").Queue.Count.Should().Be(1);

        world.World.Dns.SetA("plain.example", System.Net.IPAddress.Parse("192.0.2.25"));
        await world.AdvanceAsync(TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(1));
        world.Host("server.plain.example").Mailboxes.Find("user@plain.example")!.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task AnMxHostWhoseARecordLeadsNowhere_IsDeferredWith451_NotTheNoAddressReply()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        world.World.Dns.SetA("mx.orphan.example", System.Net.IPAddress.Parse("192.0.2.99"));
        var id = await world.SendAsIvanAsync("stale MX host", "someone@orphan.example");
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain("mail.ru Deferred: Deferred (attempt 1): <someone@orphan.example>: 451 4.4.1 No answer from mx.orphan.example at 192.0.2.99: no computer has that address");
    }

    [Fact]
    public async Task NoMxAndNoA_ReturnsAnImmediateNdr512()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("nowhere", "someone@void.example");
        await world.IdleAsync();

        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        ndr.Subject.Should().Be("Delivery Status Notification (Failure)");
        var dsn = Dsn.Read(ndr);
        dsn.Message.To.ToString().Should().Be("ivan@mail.ru");
        dsn.Message.From.Mailboxes.Single().Address.Should().Be("postmaster@mail.ru");
        dsn.PerMessage["Reporting-MTA"].Should().Be("dns; mail.ru");
        var group = dsn.Recipients.Should().ContainSingle().Subject;
        group["Final-Recipient"].Should().Be("rfc822; someone@void.example");
        group["Action"].Should().Be("failed");
        group["Status"].Should().Be("5.1.2");
        group["Diagnostic-Code"].Should().Be("smtp; 550 5.1.2 Host or domain name not found: void.example has no MX and no A record");
        group["Remote-MTA"].Should().BeNull("no server was contacted");
        dsn.Returned.Subject.Should().Be("nowhere");

        world.StageTexts(id).Should().ContainInOrder(
            "mail.ru Queued: Queued " + id + " for someone@void.example",
            "mail.ru MxLookup: MX void.example: none; A: none",
            "mail.ru Failed: <someone@void.example>: 550 5.1.2 Host or domain name not found: void.example has no MX and no A record");
        world.Stages(id).Should().NotContain(["mail.ru Deferred", "mail.ru Connecting"]);
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task RelayWhoseOnlyMxIsItself_ReturnsTheMail546_InsteadOfLoopingToItself()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("orphan", "someone@orphan.example");
        await world.IdleAsync();

        world.Stages(id).Count(s => s == "mx.orphan.example Received").Should().Be(1, "RFC 5321 §5.1: a relay never sends to itself as MX");
        world.StageTexts(id).Should().Contain(
            "mx.orphan.example MxLookup: MX orphan.example: 10 mx.orphan.example; this host is MX 10, so only preferences below 10 are tried");
        var dsn = Dsn.Read(world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject);
        dsn.PerMessage["Reporting-MTA"].Should().Be("dns; mx.orphan.example");
        dsn.For("someone@orphan.example")["Status"].Should().Be("5.4.6");
        dsn.For("someone@orphan.example")["Diagnostic-Code"].Should().Be(
            "smtp; 554 5.4.6 Mail for orphan.example loops back to myself: this host is its best MX but orphan.example is not a local domain here");
        world.Vs("mx.orphan.example").Queue.Count.Should().Be(0);
    }
}
