using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

using static MailLab.Integration.Tests.Persistence.CrashWindow;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// The crash window of the last hop when its mailbox store is dismounted, with a data directory:
/// rosnou.ru (Exchange) took mail.ru's message into its Local Delivery queue and said 250, and mail.ru
/// died before recording it (its Queue files put back as they were, as MiddleHopRestartTests does).
/// After the restart mail.ru relays again; rosnou.ru finds the same previous hop and id still waiting
/// in its queue, answers 250 and does not queue it twice, so mounting the store delivers one copy.
/// </summary>
public sealed class WaitingForAStoreRestartTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-waiting-{Guid.NewGuid():N}");

    /// <summary>The shipped Exchange topology with rosnou.ru's mailbox store dismounted in the file, so in the restarted world too.</summary>
    private static readonly string Topology = File.ReadAllText(RepositoryFiles.Topology("exchange-rosnou.yaml"))
        .Replace("            - name: Mailbox Store (ROSNOU)\n", "            - name: Mailbox Store (ROSNOU)\n              mounted: false\n", StringComparison.Ordinal);

    [Fact]
    public async Task SentAgainWhileItWaitsForTheDismountedStore_IsNotQueuedTwice_AndMountDeliversItOnce()
    {
        Topology.Should().Contain("mounted: false");
        var queue = Path.Combine(_dir, "mail.ru", "mailroot", "Queue");
        var before = Path.Combine(_dir, "queue-before-relay");
        var clock = new FakeTimeProvider(Start);
        await using (var first = await StartAsync(clock))
        {
            first.World.Links.SetHostReachable("rosnou.ru", false);
            using var smtp = await MailKitClients.ConnectSmtpAsync(first, first.GetEndPoint(Vs(first.World, "mail.ru"))!);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse("student@rosnou.ru")], "waiting for the store", new TextPart("plain") { Text = "Hello" }));
            await smtp.DisconnectAsync(quit: true);
            await first.World.Work.WhenIdleAsync();
            Directory.CreateDirectory(before);
            CopyFiles(queue, before);

            first.World.Links.SetHostReachable("rosnou.ru", true);
            clock.Advance(TimeSpan.FromMinutes(15));
            await first.World.Work.WhenIdleAsync();
            Vs(first.World, "mail.ru").Queue.Count.Should().Be(0, "rosnou.ru said 250");
            Vs(first.World, "rosnou.ru").Queue.Count.Should().Be(1, "it waits in the Local Delivery queue");
        }

        CopyFiles(before, queue); // the crash: mail.ru never recorded rosnou.ru's 250
        await using var second = await StartAsync(new FakeTimeProvider(Start.AddMinutes(30)));
        await second.World.Work.WhenIdleAsync(); // due: mail.ru relays again at once
        Vs(second.World, "mail.ru").Queue.Count.Should().Be(0, "rosnou.ru answered 250 again");
        second.World.Trace.Snapshot().Should().Contain(e => e.Host == "mail.ru" && e.Text.StartsWith("Relayed to rosnou.ru", StringComparison.Ordinal), "mail.ru did send it again");
        Vs(second.World, "rosnou.ru").Queue.Count.Should().Be(1, "the copy sent again is the one already waiting");
        second.World.Trace.Snapshot().Should().Contain(e => e.Host == "rosnou.ru"
            && e.Text.StartsWith("Already queued as ", StringComparison.Ordinal) && e.Text.EndsWith("after a restart): not queued twice", StringComparison.Ordinal));

        var exchange = second.World.FindHost("rosnou.ru")!.Exchange!;
        exchange.Mount(exchange.FindStore("Mailbox Store (ROSNOU)")!);
        await second.World.Work.WhenIdleAsync();
        second.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal(["waiting for the store"], "delivered once");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<MailLabServer> StartAsync(FakeTimeProvider clock)
    {
        var server = new MailLabServer(TopologyLoader.LoadText(Topology, "exchange-rosnou.yaml", clock, portsToZero: true), dataDirectory: _dir);
        await server.StartAsync();
        return server;
    }
}
