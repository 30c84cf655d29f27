using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Exactly once: a recipient delivered by a retry is never sent again, whatever timers fire later;
/// a recipient refused for good is bounced once; the others expire on their own.
/// </summary>
public sealed class RecoveryTests
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
            accounts:
              - { address: student@rosnou.ru, password: student123 }

          - name: far.example
            address: 192.0.2.60
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: far.example, type: local }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
          - { name: far.example, type: MX, preference: 10, value: far.example }
          - { name: far.example, type: A, value: 192.0.2.60 }

        unreachableHosts: [rosnou.ru, far.example]
        """;

    [Fact]
    public async Task PartialRecovery_DeliversTheRecoveredRecipientOnce_AndOnlyTheOtherExpires()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("half way", "student@rosnou.ru", "user@far.example");
        await world.AdvanceAsync(TimeSpan.FromHours(3), TimeSpan.FromMinutes(15));
        world.World.Links.SetHostReachable("rosnou.ru", true);
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));

        // Retries at 15, 45, 105 and 345 minutes: the fourth one reaches rosnou.ru.
        var stored = world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        stored.Received.Should().Be(YamlWorld.Epoch + TimeSpan.FromMinutes(345));
        stored.Recipients.Should().Equal("student@rosnou.ru");
        world.StageEvents(id).Count(e => e.Kind == TraceKind.Relayed && e.Host == "mail.ru").Should().Be(1);
        world.Vs("far.example").HomeDirectory.Drop.Count.Should().Be(0);

        var ivan = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages;
        ivan.Select(m => m.Subject).Should().Equal("Delivery Status Notification (Delay)", "Delivery Status Notification (Failure)");
        ivan[0].Received.Should().Be(YamlWorld.Epoch + TimeSpan.FromHours(12));
        ivan[1].Received.Should().Be(YamlWorld.Epoch + TimeSpan.FromDays(2));
        var delay = Dsn.Read(ivan[0]).Recipients.Should().ContainSingle("student@rosnou.ru was delivered by then").Subject;
        delay["Final-Recipient"].Should().Be("rfc822; user@far.example");
        delay["Action"].Should().Be("delayed");
        var failure = Dsn.Read(ivan[1]).Recipients.Should().ContainSingle().Subject;
        failure["Final-Recipient"].Should().Be("rfc822; user@far.example");
        failure["Action"].Should().Be("failed");
        failure["Status"].Should().Be("4.4.7");
        failure["Diagnostic-Code"].Should().Be("smtp; 451 4.4.7 Delivery time expired; last error: 451 4.4.1 No answer from host far.example: it is unreachable");

        world.Stages(id).Count(s => s == "mail.ru Expired").Should().Be(1);
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task OneRecipientRefusedAndOneAccepted_InOneTransaction_DeliveredOnceAndBouncedOnce()
    {
        await using var remote = new ScriptedSmtpServer();
        remote.RecipientReplies["bad@scripted.example"] = "550 5.1.1 <bad@scripted.example>: Recipient address rejected: User unknown";
        await using var world = await YamlWorld.StartAsync(WithSmartHost(remote.Port));
        var id = await world.SendAsIvanAsync("one of two", "good@scripted.example", "bad@scripted.example");
        await world.IdleAsync();

        var transaction = remote.Accepted.Should().ContainSingle().Subject;
        transaction.Sender.Should().Be("ivan@mail.ru");
        transaction.Recipients.Should().Equal("good@scripted.example");
        transaction.Data.Should().Contain("Subject: one of two");
        remote.Connections.Should().Be(1, "both recipients were offered in one transaction");

        var target = $"127.0.0.1:{remote.Port}";
        var texts = world.StageTexts(id);
        texts.Should().Contain($"mail.ru Relayed: Relayed to {target} for <good@scripted.example>: 250 2.0.0 Message accepted");
        texts.Should().Contain("mail.ru Failed: <bad@scripted.example>: 550 5.1.1 <bad@scripted.example>: Recipient address rejected: User unknown");

        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var group = Dsn.Read(ndr).Recipients.Should().ContainSingle().Subject;
        group["Final-Recipient"].Should().Be("rfc822; bad@scripted.example");
        group["Action"].Should().Be("failed");
        group["Status"].Should().Be("5.1.1");
        group["Remote-MTA"].Should().Be("dns; 127.0.0.1", "RFC 3464 §2.3.5: the MTA's name, without the port");
        group["Diagnostic-Code"].Should().Be("smtp; 550 5.1.1 <bad@scripted.example>: Recipient address rejected: User unknown");

        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));
        remote.Connections.Should().Be(1, "nothing is left to retry");
        remote.Accepted.Should().HaveCount(1);
        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(1);
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task RefusedBusyAndAccepted_InOneTransaction_OnlyTheBusyOneIsRetried()
    {
        await using var remote = new ScriptedSmtpServer();
        remote.RecipientReplies["bad@scripted.example"] = "550 5.1.1 User unknown";
        remote.RecipientReplies["busy@scripted.example"] = "450 4.2.1 Mailbox busy";
        await using var world = await YamlWorld.StartAsync(WithSmartHost(remote.Port));
        var id = await world.SendAsIvanAsync("three ways", "good@scripted.example", "bad@scripted.example", "busy@scripted.example");
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain("mail.ru Deferred: Deferred (attempt 1): <busy@scripted.example>: 450 4.2.1 Mailbox busy");
        remote.RecipientReplies.Remove("busy@scripted.example");
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));

        remote.Offered.Should().Equal("good@scripted.example", "bad@scripted.example", "busy@scripted.example", "busy@scripted.example");
        remote.Accepted.Select(t => t.Recipients).Should().BeEquivalentTo(
            new[] { new[] { "good@scripted.example" }, ["busy@scripted.example"] }, o => o.WithStrictOrdering());
        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        Dsn.Read(ndr).Recipients.Should().ContainSingle().Which["Final-Recipient"].Should().Be("rfc822; bad@scripted.example");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task TransientFailureAfterData_IsRetried_AndDeliveredOnce()
    {
        await using var remote = new ScriptedSmtpServer();
        remote.DataReplies.Enqueue("451 4.3.0 Queue full, try again later");
        await using var world = await YamlWorld.StartAsync(WithSmartHost(remote.Port));
        var id = await world.SendAsIvanAsync("try again", "a@scripted.example", "b@scripted.example");
        await world.IdleAsync();

        remote.Accepted.Should().BeEmpty();
        world.StageTexts(id).Should().Contain(
            "mail.ru Deferred: Deferred (attempt 1): <a@scripted.example>: 451 4.3.0 Queue full, try again later; <b@scripted.example>: 451 4.3.0 Queue full, try again later");

        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));
        remote.Accepted.Should().ContainSingle().Which.Recipients.Should().Equal("a@scripted.example", "b@scripted.example");
        remote.Connections.Should().Be(2);
        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(0, "no delay notice (delivered after 15 minutes) and no NDR");
    }

    [Fact]
    public async Task ServerHangsUpInsteadOfAnsweringQuit_TheMessageStillCountsAsDelivered()
    {
        await using var remote = new ScriptedSmtpServer { HangUpAfterData = true };
        await using var world = await YamlWorld.StartAsync(WithSmartHost(remote.Port));
        var id = await world.SendAsIvanAsync("hang up", "a@scripted.example");
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));

        // RFC 5321 §6.1: the 250 after DATA hands over responsibility; QUIT's fate does not matter.
        remote.Accepted.Should().ContainSingle();
        remote.Connections.Should().Be(1);
        world.Stages(id).Should().NotContain("mail.ru Deferred");
        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(0);
    }

    private static string WithSmartHost(int port) => $$"""
        hosts:
        {{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{port}' }}")}}
        """;
}
