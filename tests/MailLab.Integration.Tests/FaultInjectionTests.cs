using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;

namespace MailLab.Integration.Tests;

/// <summary>Fault injection through the API: chosen replies, dropped connections, unreachable hosts.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private TestWorld _world = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync();
        _app = MailLabWebApp.Build(_world.Server, port: 0);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(_app) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Injected451AtData_DefersTheRelay_ThenTheRetryDelivers()
    {
        var fault = await _http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "data", code = 451, enhancedCode = "4.3.0", text = "Try again later", count = 1 });
        (await fault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString().Should().Be("451 4.3.0 Try again later");

        await DeliveryPipelineTests.SubmitAsIvanAsync(_world, "student@rosnou.ru", "after a 451");
        await _world.World.Work.WhenIdleAsync();
        _world.World.Trace.Snapshot().Should().Contain(e => e.Kind == TraceKind.Deferred && e.Text.Contains("451 4.3.0 Try again later"));
        _world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
        (await _http.GetFromJsonAsync<JsonElement>("/api/faults")).GetArrayLength().Should().Be(0, "the fault was used up");

        await DeliveryPipelineTests.AdvanceAsync(_world, TimeSpan.FromMinutes(15));
        _world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("after a 451");
    }

    [Fact]
    public async Task InjectedConnectReply_RefusesTheGreeting()
    {
        (await _http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "connect", code = 554, enhancedCode = "5.3.2", text = "Not accepting mail", count = 1 }))
            .EnsureSuccessStatusCode();
        await using (var refused = await _world.ConnectTcpAsync(_world.Rosnou))
        {
            (await refused.ReadReplyAsync()).Should().Be("554 5.3.2 Not accepting mail");
            (await refused.IsClosedAsync()).Should().BeTrue();
        }

        await using var next = await _world.ConnectTcpAsync(_world.Rosnou);
        (await next.ReadReplyAsync()).Should().StartWith("220 ");
    }

    [Fact]
    public async Task DropDuringData_CutsTheConnection_StoresNothing_AndTheRelayRetries()
    {
        (await _http.PostAsJsonAsync("/api/faults", new { kind = "drop", host = "rosnou.ru", count = 1 })).EnsureSuccessStatusCode();
        await DeliveryPipelineTests.SubmitAsIvanAsync(_world, "student@rosnou.ru", "dropped once");
        await _world.World.Work.WhenIdleAsync();

        _world.World.Trace.Snapshot().Should().Contain(e => e.Kind == TraceKind.Deferred && e.Host == "mail.ru");
        _world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);

        await DeliveryPipelineTests.AdvanceAsync(_world, TimeSpan.FromMinutes(15));
        _world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task UnreachableHost_ThroughTheApi_QueuesUntilReachable()
    {
        (await _http.PostAsync("/api/network/hosts/rosnou.ru/unreachable", null)).EnsureSuccessStatusCode();
        var network = await _http.GetFromJsonAsync<JsonElement>("/api/network");
        network.GetProperty("unreachableHosts")[0].GetString().Should().Be("rosnou.ru");
        network.GetProperty("dns").EnumerateArray().Should().Contain(r => r.GetProperty("type").GetString() == "MX" && r.GetProperty("name").GetString() == "rosnou.ru");

        await DeliveryPipelineTests.SubmitAsIvanAsync(_world, "student@rosnou.ru", "wait for me");
        await _world.World.Work.WhenIdleAsync();
        TestWorld.Vs(_world.MailRu).Queue.Count.Should().Be(1);

        (await _http.PostAsync("/api/network/hosts/rosnou.ru/reachable", null)).EnsureSuccessStatusCode();
        await DeliveryPipelineTests.AdvanceAsync(_world, TimeSpan.FromMinutes(15));
        TestWorld.Vs(_world.MailRu).Queue.Count.Should().Be(0);
        _world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task BadFaultRequests_SayWhatIsWrong()
    {
        var badStage = await _http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "helo", code = 451 });
        (await badStage.Content.ReadAsStringAsync()).Should().Contain("use connect, mail, rcpt or data");
        var badCode = await _http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 250 });
        (await badCode.Content.ReadAsStringAsync()).Should().Contain("4xx or 5xx");
        (await _http.PostAsJsonAsync("/api/faults", new { kind = "drop", host = "nowhere.example" })).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
