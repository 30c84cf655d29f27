using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using MimeKit;

namespace MailLab.Integration.Tests;

/// <summary>mail.ru → rosnou.ru hop by hop: MX lookup, relay, retries on the virtual clock, DSNs.</summary>
public sealed class DeliveryPipelineTests
{
    [Fact]
    public async Task CanonicalFlow_OverTcp_RelaysByMxAndStoresWithOneReceivedPerHop()
    {
        await using var world = await TestWorld.StartAsync();
        await SubmitAsIvanAsync(world, "student@rosnou.ru", "Лабораторная 1");
        await world.World.Work.WhenIdleAsync();

        var stored = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        var parsed = MimeMessage.Load(new MemoryStream(stored.Data));
        parsed.Subject.Should().Be("Лабораторная 1");
        var received = parsed.Headers.Where(h => h.Id == HeaderId.Received).Select(h => h.Value).ToArray();
        received.Should().HaveCount(2);
        received[0].Should().Contain("from mail.ru ([198.51.100.10]) by rosnou.ru with ESMTP");
        received[1].Should().Contain("by mail.ru with ESMTPSA");
        TestWorld.Vs(world.MailRu).Queue.Count.Should().Be(0);

        var stages = world.World.Trace.ForTrace(stored.TraceId).Where(e => e.Kind is not (TraceKind.ClientLine or TraceKind.ServerReply or TraceKind.ClientData or TraceKind.ConnectionOpened or TraceKind.ConnectionClosed))
            .Select(e => $"{e.Host} {e.Kind}").ToArray();
        stages.Should().ContainInOrder(
            "mail.ru Received", "mail.ru Cleanup", "mail.ru Queued", "mail.ru MxLookup", "mail.ru Connecting",
            "rosnou.ru Received", "rosnou.ru Cleanup", "rosnou.ru DeliveredToMailbox", "mail.ru Relayed");
    }

    [Fact]
    public async Task Unreachable_DefersAndRetriesOnTheIisSchedule_ThenDeliversExactlyOnce()
    {
        await using var world = await TestWorld.StartAsync();
        world.World.Links.SetHostReachable("rosnou.ru", false);
        await SubmitAsIvanAsync(world, "student@rosnou.ru", "retry me");
        await world.World.Work.WhenIdleAsync();

        var start = world.Clock.GetUtcNow();
        var attempts = new List<double>();
        world.World.Trace.Appended += e =>
        {
            if (e.Kind == TraceKind.Deferred)
            {
                lock (attempts)
                {
                    attempts.Add((e.Time - start).TotalMinutes);
                }
            }
        };

        await AdvanceAsync(world, TimeSpan.FromMinutes(200));
        attempts.Should().Equal(15, 45, 105);
        world.World.Links.SetHostReachable("rosnou.ru", true);
        await AdvanceAsync(world, TimeSpan.FromMinutes(200));

        attempts.Should().Equal(15, 45, 105);
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
            .Which.Received.Should().Be(start + TimeSpan.FromMinutes(345));
        TestWorld.Vs(world.MailRu).Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task Unreachable_ForTwoDays_SendsDelayNoticeAt12HoursAndNdrAtExpiry()
    {
        await using var world = await TestWorld.StartAsync();
        world.World.Links.SetHostReachable("rosnou.ru", false);
        await SubmitAsIvanAsync(world, "student@rosnou.ru", "never arrives");
        await world.World.Work.WhenIdleAsync();
        var ivan = world.MailRu.Mailboxes.Find("ivan@mail.ru")!;

        await AdvanceAsync(world, TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        ivan.Count.Should().Be(0);
        await AdvanceAsync(world, TimeSpan.FromMinutes(2));
        var delay = ivan.Messages.Should().ContainSingle().Subject;
        delay.Subject.Should().Be("Delivery Status Notification (Delay)");
        delay.Sender.Should().BeEmpty();

        await AdvanceAsync(world, TimeSpan.FromDays(2));
        ivan.Messages.Select(m => m.Subject).Should().Equal("Delivery Status Notification (Delay)", "Delivery Status Notification (Failure)");
        var ndr = MimeMessage.Load(new MemoryStream(ivan.Messages[1].Data));
        var report = ndr.Body.Should().BeOfType<MultipartReport>().Subject;
        var status = report.OfType<MessageDeliveryStatus>().Single();
        status.StatusGroups[1]["Final-Recipient"].Should().Be("rfc822; student@rosnou.ru");
        status.StatusGroups[1]["Action"].Should().Be("failed");
        status.StatusGroups[1]["Status"].Should().Be("4.4.7");
        TestWorld.Vs(world.MailRu).Queue.Count.Should().Be(0);
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
    }

    [Fact]
    public async Task UnknownDomain_GetsAnImmediateNdr512()
    {
        await using var world = await TestWorld.StartAsync();
        await SubmitAsIvanAsync(world, "someone@nowhere.example", "lost");
        await world.World.Work.WhenIdleAsync();

        var ndr = world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var status = MimeMessage.Load(new MemoryStream(ndr.Data)).Body.Should().BeOfType<MultipartReport>().Subject.OfType<MessageDeliveryStatus>().Single();
        status.StatusGroups[1]["Status"].Should().Be("5.1.2");
    }

    internal static Task SubmitAsIvanAsync(TestWorld world, string to, string subject) =>
        MailKitClients.SubmitAsIvanAsync(world.Server, world.EndPoint(world.MailRu), to, subject);

    /// <summary>Moves the virtual clock in small steps, letting each step's work finish.</summary>
    internal static async Task AdvanceAsync(TestWorld world, TimeSpan total)
    {
        var step = TimeSpan.FromMinutes(1);
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            world.Clock.Advance(step);
            await world.World.Work.WhenIdleAsync();
        }
    }
}
