using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Simulation;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using MailLab.Web;

namespace MailLab.Integration.Tests;

/// <summary>Simulation mode: the world on a virtual clock that the API steps and advances.</summary>
public sealed class SimulationTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ClockApi_AdvancesThroughADeferralAndARetry()
    {
        var clock = new SimulationClock(Start);
        var world = DefaultTopology.Create(clock, portOffsetToZero: true);
        await using var runtime = new MailLabServer(world);
        await runtime.StartAsync();
        await using var app = MailLabWebApp.Build(runtime, port: 0);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(app) };

        world.Links.SetHostReachable("rosnou.ru", false);
        await SendInMemoryAsync(runtime, world.FindHost("rosnou.ru")!, world.FindHost("mail.ru")!);
        await world.Work.WhenIdleAsync();
        TestWorld.Vs(world.FindHost("mail.ru")!).Queue.Entries.Should().ContainSingle().Which.Attempts.Should().Be(1);

        var clockState = await http.GetFromJsonAsync<JsonElement>("/api/clock");
        clockState.GetProperty("mode").GetString().Should().Be("simulate");
        clockState.GetProperty("nextDue").GetDateTimeOffset().Should().Be(Start + TimeSpan.FromMinutes(15));

        (await http.PostAsync("/api/clock/advance?by=PT14M", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        TestWorld.Vs(world.FindHost("mail.ru")!).Queue.Entries.Single().Attempts.Should().Be(1);

        world.Links.SetHostReachable("rosnou.ru", true);
        var step = await (await http.PostAsync("/api/clock/step", null)).Content.ReadFromJsonAsync<JsonElement>();
        step.GetProperty("now").GetDateTimeOffset().Should().Be(Start + TimeSpan.FromMinutes(15));
        step.GetProperty("stepped").GetBoolean().Should().BeTrue();

        world.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
            .Which.Received.Should().Be(Start + TimeSpan.FromMinutes(15));
        (await http.PostAsync("/api/clock/advance?by=banana", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SameInputs_GiveTheSameRun()
    {
        var first = await RunScenarioAsync();
        var second = await RunScenarioAsync();
        first.Should().NotBeEmpty();
        second.Should().Equal(first);
    }

    [Fact]
    public async Task SlowLink_TheHopTakesItsLatencyOnTheVirtualClock_AndAdvanceDoesNotHang()
    {
        var clock = new SimulationClock(Start);
        var world = DefaultTopology.Create(clock, portOffsetToZero: true);
        world.Links.SetLink("mail.ru", "rosnou.ru", reachable: true, TimeSpan.FromSeconds(30));
        await using var runtime = new MailLabServer(world, listenOnTcp: false);
        await runtime.StartAsync();
        await SendInMemoryAsync(runtime, world.FindHost("rosnou.ru")!, world.FindHost("mail.ru")!);
        await world.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var mailbox = world.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!;
        mailbox.Count.Should().Be(0, "the hop is still on the wire");

        await runtime.Simulator!.AdvanceAsync(TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(20));
        mailbox.Messages.Should().ContainSingle().Which.Received.Should().Be(Start + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task LiveMode_RefusesToMoveTheClock()
    {
        await using var world = await TestWorld.StartAsync();
        await using var app = MailLabWebApp.Build(world.Server, port: 0);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(app) };
        (await http.PostAsync("/api/clock/step", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    private static async Task<IReadOnlyList<string>> RunScenarioAsync()
    {
        var clock = new SimulationClock(Start);
        var world = DefaultTopology.Create(clock, portOffsetToZero: true);
        await using var runtime = new MailLabServer(world, listenOnTcp: false);
        await runtime.StartAsync();
        world.Links.SetHostReachable("rosnou.ru", false);
        await SendInMemoryAsync(runtime, world.FindHost("rosnou.ru")!, world.FindHost("mail.ru")!);
        await world.Work.WhenIdleAsync();
        await runtime.Simulator!.AdvanceAsync(TimeSpan.FromHours(13));
        world.Links.SetHostReachable("rosnou.ru", true);
        await runtime.Simulator.AdvanceAsync(TimeSpan.FromHours(4));
        return world.Trace.Snapshot()
            .Where(e => e.Kind is not (TraceKind.ClientLine or TraceKind.ServerReply or TraceKind.ClientData or TraceKind.ConnectionOpened or TraceKind.ConnectionClosed))
            .Select(e => $"{e.Time:O} {e.Host} {e.Kind} {e.Text}")
            .ToArray();
    }

    /// <summary>ivan submits over the in-memory transport (as the web page and scenarios will).</summary>
    private static async Task SendInMemoryAsync(MailLabServer runtime, MailHost rosnou, MailHost mailRu)
    {
        _ = rosnou;
        await using var client = new RawSmtpClient(runtime.InMemory.Connect(TestWorld.Vs(mailRu)));
        (await client.ReadReplyAsync()).Should().StartWith("220");
        await client.CommandAsync("EHLO client.test");
        (await client.CommandAsync("AUTH PLAIN AGl2YW5AbWFpbC5ydQBpdmFuMTIz")).Should().StartWith("235");
        await client.CommandAsync("MAIL FROM:<ivan@mail.ru>");
        (await client.CommandAsync("RCPT TO:<student@rosnou.ru>")).Should().StartWith("250");
        await client.CommandAsync("DATA");
        (await client.CommandAsync("Subject: simulated\r\nMessage-ID: <fixed@mail.ru>\r\nDate: Tue, 1 Sep 2026 09:00:00 +0000\r\n\r\nhello\r\n.")).Should().StartWith("250 2.6.0");
        await client.CommandAsync("QUIT");
    }
}
