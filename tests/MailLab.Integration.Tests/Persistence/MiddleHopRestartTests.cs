using MailLab.Hosting;
using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

using static MailLab.Integration.Tests.Persistence.CrashWindow;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// The crash window of a three-server chain (mail.ru → relay.example, its smart host → rosnou.ru)
/// with a data directory: relay.example stored mail.ru's message and said 250, and mail.ru died
/// before recording it. Recreated on disk as RestartTests does for the last hop (mail.ru's Queue
/// files put back as they were before the relay): after the restart mail.ru relays again, and the
/// middle hop recognises the same previous hop and id — still in its queue, or already relayed on
/// (relayed.log) — answers 250 and does not queue it twice, so rosnou.ru gets one copy.
/// </summary>
public sealed class MiddleHopRestartTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-middle-{Guid.NewGuid():N}");

    /// <summary>The chain; rosnou.ru unreachable in the file when <paramref name="rosnouReachable"/> is false, so in the restarted world too.</summary>
    private static string Chain(bool rosnouReachable) => $$"""
        hosts:
        {{Topologies.MailRu("{ smartHost: relay.example }")}}
          - name: relay.example   # relays for mail.ru (198.51.100.10)
            address: 192.0.2.50
            smtp: { virtualServers: [ { name: Default SMTP Virtual Server, port: 0, access: { relay: { onlyListed: true, entries: [198.51.100.10] } }, domains: [ { name: relay.example, type: local } ] } ] }
        {{Topologies.RosnouRu}}
        dns:
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: relay.example, type: A, value: 192.0.2.50 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        unreachableHosts: [{{(rosnouReachable ? "" : "rosnou.ru")}}]
        """;

    [Fact]
    public async Task SentAgainWhileStillInTheMiddleHopsQueue_IsNotQueuedTwice()
    {
        await using var second = await CrashAfterTheMiddleHops250Async(rosnouReachable: false);

        second.World.Links.SetHostReachable("rosnou.ru", true);
        var clock = (FakeTimeProvider)second.World.Clock;
        clock.Advance(TimeSpan.FromMinutes(30)); // relay.example's next retry (its second attempt failed at the restart)
        await second.World.Work.WhenIdleAsync();

        Student(second.World).Should().Equal(["relayed twice, stored once"], "the middle hop kept one queue entry");
        second.World.Trace.Snapshot().Should().Contain(e => e.Host == "relay.example"
            && e.Text.StartsWith("Already queued as ", StringComparison.Ordinal) && e.Text.EndsWith("after a restart): not queued twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SentAgainAfterTheMiddleHopRelayedItOn_IsNotQueuedTwice()
    {
        await using var second = await CrashAfterTheMiddleHops250Async(rosnouReachable: true);

        Student(second.World).Should().Equal(["relayed twice, stored once"], "relay.example remembered that it had relayed it");
        Vs(second.World, "relay.example").Queue.Count.Should().Be(0);
        second.World.Trace.Snapshot().Should().Contain(e => e.Host == "relay.example"
            && e.Text.StartsWith("Already relayed mail.ru/ML", StringComparison.Ordinal) && e.Text.EndsWith("not queued twice", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(_dir, "relay.example", "mailroot", "relayed.log")).Should().MatchRegex(@"^mail\.ru/ML[0-9A-F]{8}\tstudent@rosnou\.ru\n$");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>
    /// mail.ru queues the message while relay.example is unreachable, relays it once relay.example
    /// is back (which queues it, or relays it on at once to rosnou.ru), then "crashes": its Queue
    /// folder is put back as before the relay, and a second MailLab starts on the directory and
    /// relays the entry again at once. Returns that second MailLab, idle.
    /// </summary>
    private async Task<MailLabServer> CrashAfterTheMiddleHops250Async(bool rosnouReachable)
    {
        var queue = Path.Combine(_dir, "mail.ru", "mailroot", "Queue");
        var before = Path.Combine(_dir, "queue-before-relay");
        var clock = new FakeTimeProvider(Start);
        await using (var first = await StartAsync(clock, rosnouReachable))
        {
            first.World.Links.SetHostReachable("relay.example", false);
            using var smtp = await MailKitClients.ConnectSmtpAsync(first, first.GetEndPoint(Vs(first.World, "mail.ru"))!);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse("student@rosnou.ru")], "relayed twice, stored once", new TextPart("plain") { Text = "Hello" }));
            await smtp.DisconnectAsync(quit: true);
            await first.World.Work.WhenIdleAsync();
            Directory.CreateDirectory(before);
            CopyFiles(queue, before);

            first.World.Links.SetHostReachable("relay.example", true);
            clock.Advance(TimeSpan.FromMinutes(15));
            await first.World.Work.WhenIdleAsync();
            Vs(first.World, "mail.ru").Queue.Count.Should().Be(0, "relay.example said 250");
            Vs(first.World, "relay.example").Queue.Count.Should().Be(rosnouReachable ? 0 : 1);
            Student(first.World).Should().HaveCount(rosnouReachable ? 1 : 0);
        }

        CopyFiles(before, queue); // the crash: mail.ru never recorded relay.example's 250
        var second = await StartAsync(new FakeTimeProvider(Start.AddMinutes(30)), rosnouReachable);
        second.Data!.Report.Queue.Should().Be(rosnouReachable ? 1 : 2, "mail.ru's entry is back, and relay.example's if it kept one");
        await second.World.Work.WhenIdleAsync(); // due: mail.ru relays again at once
        Vs(second.World, "mail.ru").Queue.Count.Should().Be(0, "relay.example answered 250 again");
        second.World.Trace.Snapshot().Should().Contain(e => e.Host == "mail.ru" && e.Text.StartsWith("Relayed to relay.example", StringComparison.Ordinal), "mail.ru did send it again");
        Vs(second.World, "relay.example").Queue.Count.Should().Be(rosnouReachable ? 0 : 1, "not queued a second time");
        return second;
    }

    private async Task<MailLabServer> StartAsync(FakeTimeProvider clock, bool rosnouReachable)
    {
        var server = new MailLabServer(TopologyLoader.LoadText(Chain(rosnouReachable), "chain.yaml", clock, portsToZero: true), dataDirectory: _dir);
        await server.StartAsync();
        return server;
    }

    private static IReadOnlyList<string> Student(MailWorld world) =>
        world.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).ToArray();
}
