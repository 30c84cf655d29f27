namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// rosnou.ru has two MX records: its own server (10) and backup.rosnou.ru (20). When the primary
/// cannot take the mail, mail.ru hands it to the backup, which queues it for rosnou.ru and passes
/// it on once the primary is back (RFC 5321 §5.1).
/// </summary>
public sealed class MxFailoverTests
{
    [Theory]
    [InlineData("unreachable", "mail.ru Connecting: Connecting to rosnou.ru: unreachable", "451 4.4.1 No answer from host rosnou.ru: it is unreachable")]
    [InlineData("stopped", "mail.ru Connecting: rosnou.ru: 451 4.4.1 Connection to rosnou.ru refused (ConnectionRefused)", "451 4.4.1 Connection to rosnou.ru refused (ConnectionRefused)")]
    [InlineData("paused", "mail.ru Connecting: rosnou.ru: 421 4.3.2 Service not available, closing transmission channel", "421 4.3.2 Service not available, closing transmission channel")]
    public async Task PrimaryDown_MailGoesToTheBackupMx_WhichDeliversOnceThePrimaryIsBack(string how, string failover, string backupError)
    {
        await using var world = await YamlWorld.StartAsync(Topologies.MxFailover);
        var primary = world.Vs("rosnou.ru");
        Action restore = how switch
        {
            "unreachable" => () => world.World.Links.SetHostReachable("rosnou.ru", true),
            _ => primary.Start,
        };
        switch (how)
        {
            case "unreachable": world.World.Links.SetHostReachable("rosnou.ru", false); break;
            case "stopped": primary.Stop(); break;
            default: primary.Pause(); break;
        }

        var id = await world.SendAsIvanAsync("via the backup", "student@rosnou.ru");
        await world.IdleAsync();

        var student = world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!;
        student.Count.Should().Be(0);
        world.Vs("mail.ru").Queue.Count.Should().Be(0, "the backup MX took responsibility for the message");
        var held = world.Vs("backup.rosnou.ru").Queue.Entries.Should().ContainSingle().Subject;
        held.Pending.Should().Equal("student@rosnou.ru");
        held.Message.Sender.Should().Be("ivan@mail.ru");

        var texts = world.StageTexts(id);
        texts.Should().ContainInOrder(
            "mail.ru MxLookup: MX rosnou.ru: 10 rosnou.ru, 20 backup.rosnou.ru",
            failover,
            "mail.ru Connecting: Connecting to backup.rosnou.ru");
        texts.Should().Contain(t => t.StartsWith("mail.ru Relayed: Relayed to backup.rosnou.ru for <student@rosnou.ru>: 250 2.6.0 <", StringComparison.Ordinal));
        world.Stages(id).Should().ContainInOrder(
            "mail.ru Received", "mail.ru Queued", "mail.ru MxLookup", "mail.ru Connecting", "mail.ru Connecting",
            "backup.rosnou.ru Received", "backup.rosnou.ru Cleanup", "backup.rosnou.ru Queued", "backup.rosnou.ru MxLookup",
            "backup.rosnou.ru Deferred", "backup.rosnou.ru RetryScheduled");
        texts.Should().ContainInOrder(
            "backup.rosnou.ru MxLookup: MX rosnou.ru: 10 rosnou.ru, 20 backup.rosnou.ru; this host is MX 20, so only preferences below 20 are tried",
            $"backup.rosnou.ru Deferred: Deferred (attempt 1): <student@rosnou.ru>: {backupError}");

        // RFC 5321 §5.1: the backup finds itself in the MX list and drops itself and anything less
        // preferred, so it never relays the message to itself.
        texts.Where(t => t.StartsWith("backup.rosnou.ru Connecting", StringComparison.Ordinal))
            .Should().NotContain(t => t.Contains("backup.rosnou.ru:", StringComparison.Ordinal) || t.EndsWith("Connecting to backup.rosnou.ru", StringComparison.Ordinal));
        world.Stages(id).Count(s => s == "backup.rosnou.ru Received").Should().Be(1);

        restore();
        await world.AdvanceAsync(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(1));
        student.Count.Should().Be(0, "the backup waits for its first retry, 15 minutes after queuing");
        await world.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        var stored = student.Messages.Should().ContainSingle().Subject;
        stored.Received.Should().Be(YamlWorld.Epoch + TimeSpan.FromMinutes(15));
        stored.Sender.Should().Be("ivan@mail.ru");
        stored.TraceId.Should().Be(id);
        world.Vs("backup.rosnou.ru").Queue.Count.Should().Be(0);
        world.StageTexts(id).Should().Contain(t => t.StartsWith("backup.rosnou.ru Relayed: Relayed to rosnou.ru for <student@rosnou.ru>: 250 2.6.0", StringComparison.Ordinal));

        var received = MimeKit.MimeMessage.Load(new MemoryStream(stored.Data)).Headers
            .Where(h => h.Id == MimeKit.HeaderId.Received).Select(h => h.Value).ToArray();
        received.Should().HaveCount(3);
        received[0].Should().Contain("from backup.rosnou.ru ([203.0.113.20]) by rosnou.ru");
        received[1].Should().Contain("from mail.ru ([198.51.100.10]) by backup.rosnou.ru");
        received[2].Should().Contain("by mail.ru with ESMTPA");

        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromMinutes(15));
        student.Count.Should().Be(1, "delivered exactly once");
        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(0, "no delay notice and no NDR");
    }

    [Fact]
    public async Task PrimaryUp_MailGoesStraightToIt_AndTheBackupSeesNothing()
    {
        await using var world = await YamlWorld.StartAsync(Topologies.MxFailover);
        var id = await world.SendAsIvanAsync("direct", "student@rosnou.ru");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle();
        world.Stages(id).Should().NotContain(s => s.StartsWith("backup.rosnou.ru", StringComparison.Ordinal));
        world.StageTexts(id).Should().ContainInOrder(
            "mail.ru MxLookup: MX rosnou.ru: 10 rosnou.ru, 20 backup.rosnou.ru",
            "mail.ru Connecting: Connecting to rosnou.ru");
    }
}
