using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests;

/// <summary>Fault injection through the API: chosen replies, dropped connections, unreachable hosts.</summary>
public sealed class FaultInjectionTests : ApiTestBase
{
    [Fact]
    public async Task Injected451AtData_DefersTheRelay_ThenTheRetryDelivers()
    {
        var fault = await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "data", code = 451, enhancedCode = "4.3.0", text = "Try again later", count = 1 });
        (await fault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString().Should().Be("451 4.3.0 Try again later");

        await DeliveryPipelineTests.SubmitAsIvanAsync(World, "student@rosnou.ru", "after a 451");
        await World.World.Work.WhenIdleAsync();
        World.World.Trace.Snapshot().Should().Contain(e => e.Kind == TraceKind.Deferred && e.Text.Contains("451 4.3.0 Try again later"));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
        (await Http.GetFromJsonAsync<JsonElement>("/api/faults")).GetArrayLength().Should().Be(0, "the fault was used up");

        await DeliveryPipelineTests.AdvanceAsync(World, TimeSpan.FromMinutes(15));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("after a 451");
    }

    [Fact]
    public async Task InjectedConnectReply_RefusesTheGreeting()
    {
        (await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "connect", code = 554, enhancedCode = "5.3.2", text = "Not accepting mail", count = 1 }))
            .EnsureSuccessStatusCode();
        await using (var refused = await World.ConnectTcpAsync(World.Rosnou))
        {
            (await refused.ReadReplyAsync()).Should().Be("554 5.3.2 Not accepting mail");
            (await refused.IsClosedAsync()).Should().BeTrue();
        }

        await using var next = await World.ConnectTcpAsync(World.Rosnou);
        (await next.ReadReplyAsync()).Should().StartWith("220 ");
    }

    [Fact]
    public async Task DropDuringData_CutsTheConnection_StoresNothing_AndTheRelayRetries()
    {
        (await Http.PostAsJsonAsync("/api/faults", new { kind = "drop", host = "rosnou.ru", count = 1 })).EnsureSuccessStatusCode();
        await DeliveryPipelineTests.SubmitAsIvanAsync(World, "student@rosnou.ru", "dropped once");
        await World.World.Work.WhenIdleAsync();

        World.World.Trace.Snapshot().Should().Contain(e => e.Kind == TraceKind.Deferred && e.Host == "mail.ru");
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);

        await DeliveryPipelineTests.AdvanceAsync(World, TimeSpan.FromMinutes(15));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task UnreachableHost_ThroughTheApi_QueuesUntilReachable()
    {
        (await Http.PostAsync("/api/network/hosts/rosnou.ru/unreachable", null)).EnsureSuccessStatusCode();
        var network = await Http.GetFromJsonAsync<JsonElement>("/api/network");
        network.GetProperty("unreachableHosts")[0].GetString().Should().Be("rosnou.ru");
        network.GetProperty("dns").EnumerateArray().Should().Contain(r => r.GetProperty("type").GetString() == "MX" && r.GetProperty("name").GetString() == "rosnou.ru");

        await DeliveryPipelineTests.SubmitAsIvanAsync(World, "student@rosnou.ru", "wait for me");
        await World.World.Work.WhenIdleAsync();
        TestWorld.Vs(World.MailRu).Queue.Count.Should().Be(1);

        (await Http.PostAsync("/api/network/hosts/rosnou.ru/reachable", null)).EnsureSuccessStatusCode();
        await DeliveryPipelineTests.AdvanceAsync(World, TimeSpan.FromMinutes(15));
        TestWorld.Vs(World.MailRu).Queue.Count.Should().Be(0);
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task BadFaultRequests_SayWhatIsWrong()
    {
        var badStage = await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "helo", code = 451 });
        (await badStage.Content.ReadAsStringAsync()).Should().Contain("use connect, mail, rcpt or data");
        var badCode = await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 250 });
        (await badCode.Content.ReadAsStringAsync()).Should().Contain("4xx or 5xx");
        (await Http.PostAsJsonAsync("/api/faults", new { kind = "drop", host = "nowhere.example" })).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
