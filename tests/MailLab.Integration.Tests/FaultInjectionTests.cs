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

        // The hop mail.ru → rosnou.ru (the in-process wire): rosnou.ru answered DATA with 354, read
        // part of the content, and the connection was cut before the end of data.
        var cut = CutConnection();
        var octets = OctetsIntoTheContent(cut);
        octets.Should().BePositive();
        World.World.Trace.ForSession(cut.SessionId!.Value).Where(e => e.Kind == TraceKind.ServerReply).Select(e => e.Text)
            .Last().Should().StartWith("354 ", "the cut comes after the reply to DATA");

        await DeliveryPipelineTests.AdvanceAsync(World, TimeSpan.FromMinutes(15));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
            .Which.Data.Length.Should().BeGreaterThan((int)octets, "the retry sends the whole message");
    }

    [Fact]
    public async Task DropDuringData_OverTcp_Answers354_ThenCutsTheConnectionPartWayThroughTheContent()
    {
        (await Http.PostAsJsonAsync("/api/faults", new { kind = "drop", host = "rosnou.ru" })).EnsureSuccessStatusCode();
        await using var client = await World.ConnectTcpAsync(World.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220 ");
        (await client.CommandAsync("EHLO client.example")).Should().StartWith("250");
        (await client.CommandAsync("MAIL FROM:<a@example.org>")).Should().StartWith("250 ");
        (await client.CommandAsync("RCPT TO:<student@rosnou.ru>")).Should().StartWith("250 ");
        (await client.CommandAsync("DATA")).Should().StartWith("354 ", "the drop comes during DATA, not instead of its reply");

        var content = "Subject: cut short\r\n\r\n" + string.Concat(Enumerable.Repeat("A line of the body.\r\n", 20)) + ".\r\n";
        await client.SendRawAsync(content);
        (await client.ReadReplyAsync()).Should().BeNull("the connection is cut with no reply to the end of data");

        await World.World.Work.WhenIdleAsync();
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
        OctetsIntoTheContent(CutConnection()).Should().BeInRange(1, content.Length - 3, "part of the content, not all of it");
        (await Http.GetFromJsonAsync<JsonElement>("/api/faults")).GetArrayLength().Should().Be(0, "the fault was used up");

        await using var next = await World.ConnectTcpAsync(World.Rosnou);
        (await next.ReadReplyAsync()).Should().StartWith("220 ", "only one connection is cut");
    }

    /// <summary>rosnou.ru's end of the connection the fault cut.</summary>
    private TraceEvent CutConnection() => World.World.Trace.Snapshot()
        .Should().ContainSingle(e => e.Host == "rosnou.ru" && e.Kind == TraceKind.ConnectionClosed && e.Text.StartsWith("Connection cut by an injected fault", StringComparison.Ordinal)).Subject;

    /// <summary>"Connection cut by an injected fault, 120 octets into the message content": 120.</summary>
    private static long OctetsIntoTheContent(TraceEvent cut) =>
        long.Parse(cut.Text.Split(", ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

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
