using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// What <c>GET /api/traces</c> says about a message is what its trace shows, per recipient: relayed
/// out of the world to a real server, delivered, deferred, bounced, with a summary that keeps partial
/// outcomes; and a delivery status notification is a message of its own, linked to the original.
/// </summary>
public sealed class DeliveryStatusApiTests
{
    private static readonly string TwoHosts = $$"""
        hosts:
        {{Topologies.MailRu()}}
        {{Topologies.RosnouRu}}

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    private static string WithSmartHost(int port) => $$"""
        hosts:
        {{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{port}' }}")}}
        """;

    [Fact]
    public async Task MailRelayedToARealServer_IsRelayedOutOfTheWorld_EvenAfterARetry_AndItsHeadersSayWhereItWent()
    {
        // A real SMTP server on loopback (TCP), refusing the first attempt with a 4xx.
        await using var remote = new ScriptedSmtpServer();
        remote.RecipientReplies["far@scripted.example"] = "450 4.2.1 Mailbox busy";
        await using var world = await YamlWorld.StartAsync(WithSmartHost(remote.Port));
        await using var api = await Api.StartAsync(world);
        var id = await world.SendAsIvanAsync("out of the world", "far@scripted.example");
        await world.IdleAsync();

        var entry = await api.EntryAsync(id);
        entry.GetProperty("status").GetString().Should().Be("deferred");
        remote.RecipientReplies.Remove("far@scripted.example");
        await world.AdvanceAsync(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

        var target = $"127.0.0.1:{remote.Port}";
        remote.Accepted.Should().ContainSingle().Which.Recipients.Should().Equal("far@scripted.example");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
        world.StageTexts(id).Should().Contain($"mail.ru Relayed: Relayed to {target} for <far@scripted.example>: 250 2.0.0 Message accepted");

        entry = await api.EntryAsync(id);
        entry.GetProperty("status").GetString().Should().Be("relayed");
        entry.GetProperty("statusSummary").GetString().Should().Be("relayed");
        var recipient = entry.GetProperty("recipientStatus").EnumerateArray().Should().ContainSingle().Subject;
        recipient.GetProperty("address").GetString().Should().Be("far@scripted.example");
        recipient.GetProperty("status").GetString().Should().Be("relayed");
        recipient.GetProperty("host").GetString().Should().Be("mail.ru");
        recipient.GetProperty("where").GetString().Should().Be(target);

        var detail = await api.Http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}");
        detail.GetProperty("storedCopy").ValueKind.Should().Be(JsonValueKind.Null);
        detail.GetProperty("noCopyLeft").GetString().Should().StartWith($"No stored copy of \"{id}\" is left in MailLab: <far@scripted.example> relayed out of the world");
        detail.GetProperty("message").GetProperty("recipientStatus")[0].GetProperty("detail").GetString()
            .Should().Be($"Relayed to {target} for <far@scripted.example>: 250 2.0.0 Message accepted");

        // No copy is left in the world: the answer says where it went, not "bounced or retrieved".
        using var headers = await api.Http.GetAsync($"/api/traces/{id}/headers");
        headers.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var error = (await headers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        error.Should().Be($"No stored copy of \"{id}\" is left in MailLab: <far@scripted.example> relayed out of the world by mail.ru to {target} (Relayed to {target} for <far@scripted.example>: 250 2.0.0 Message accepted).");
    }

    [Fact]
    public async Task TwoOfThreeRecipientsDelivered_IsPartial_WithEachRecipientsOutcome_AndTheNdrIsAMessageOfItsOwn()
    {
        await using var world = await YamlWorld.StartAsync(TwoHosts);
        await using var api = await Api.StartAsync(world);
        var id = await world.SendAsIvanAsync("two of three", "petr@mail.ru", "student@rosnou.ru", "ghost@nowhere.example");
        await world.IdleAsync();

        var entry = await api.EntryAsync(id);
        entry.GetProperty("status").GetString().Should().Be("partial");
        entry.GetProperty("statusSummary").GetString().Should().Be("delivered 2/3, bounced 1");
        entry.GetProperty("statusCounts").EnumerateArray().Select(c => $"{c.GetProperty("status").GetString()} {c.GetProperty("count").GetInt32()}")
            .Should().Equal("delivered 2", "bounced 1");
        entry.GetProperty("recipientStatus").EnumerateArray()
            .Select(r => $"{r.GetProperty("address").GetString()} {r.GetProperty("status").GetString()} {r.GetProperty("host").GetString()} {r.GetProperty("where").GetString()}")
            .Should().Equal(
                "petr@mail.ru delivered mail.ru mailbox",
                "student@rosnou.ru delivered rosnou.ru mailbox",
                "ghost@nowhere.example bounced mail.ru ");
        entry.GetProperty("kind").GetString().Should().Be("message");

        // The NDR to ivan: its own entry, linked both ways; its delivery is its own status.
        var ndrId = entry.GetProperty("notifications").EnumerateArray().Should().ContainSingle().Subject.GetString()!;
        ndrId.Should().NotBe(id);
        var ndr = await api.EntryAsync(ndrId);
        ndr.GetProperty("kind").GetString().Should().Be("nonDeliveryReport");
        ndr.GetProperty("original").GetString().Should().Be(id);
        ndr.GetProperty("from").GetString().Should().BeEmpty();
        ndr.GetProperty("status").GetString().Should().Be("delivered");
        ndr.GetProperty("recipientStatus")[0].GetProperty("address").GetString().Should().Be("ivan@mail.ru");
        world.Stages(id).Should().Contain("mail.ru NdrGenerated");
        world.Stages(id).Count(s => s == "mail.ru DeliveredToMailbox").Should().Be(1, "petr's copy is this message's; the NDR's delivery to ivan is the NDR's");
        world.Stages(ndrId).Should().Equal("mail.ru NdrGenerated", "mail.ru DeliveredToMailbox");
    }

    [Fact]
    public async Task DelayNotice_IsAMessageOfItsOwn_AndTheQueuedOriginalStaysDeferred()
    {
        await using var world = await YamlWorld.StartAsync(TwoHosts);
        await using var api = await Api.StartAsync(world);
        world.World.Links.SetHostReachable("rosnou.ru", false);
        var id = await world.SendAsIvanAsync("still waiting", "student@rosnou.ru");
        await world.AdvanceAsync(TimeSpan.FromHours(13), TimeSpan.FromMinutes(15));

        world.Vs("mail.ru").Queue.Count.Should().Be(1, "the message is still in mail.ru's queue");
        var entry = await api.EntryAsync(id);
        entry.GetProperty("status").GetString().Should().Be("deferred");
        entry.GetProperty("recipientStatus")[0].GetProperty("status").GetString().Should().Be("deferred");

        var notice = (await api.Http.GetFromJsonAsync<JsonElement>("/api/traces")).EnumerateArray()
            .Should().ContainSingle(e => e.GetProperty("id").GetString() != id).Subject;
        var noticeId = notice.GetProperty("id").GetString()!;
        notice.GetProperty("kind").GetString().Should().Be("delayNotification");
        notice.GetProperty("subject").GetString().Should().Be("Delivery Status Notification (Delay)");
        notice.GetProperty("original").GetString().Should().Be(id);
        notice.GetProperty("status").GetString().Should().Be("delivered");
        entry.GetProperty("notifications").EnumerateArray().Select(n => n.GetString()).Should().Equal(noticeId);

        // The original's trace holds the delay notice as a stage, not the notice's delivery to ivan.
        var stages = (await api.Http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}")).GetProperty("stages").EnumerateArray()
            .Select(s => $"{s.GetProperty("host").GetString()} {s.GetProperty("stage").GetString()}").ToArray();
        stages.Should().Contain("mail.ru DelayNotification").And.NotContain("mail.ru NdrGenerated").And.NotContain("mail.ru DeliveredToMailbox");
        var noticeStages = (await api.Http.GetFromJsonAsync<JsonElement>($"/api/traces/{noticeId}")).GetProperty("stages").EnumerateArray()
            .Select(s => $"{s.GetProperty("host").GetString()} {s.GetProperty("stage").GetString()}").ToArray();
        noticeStages.Should().Equal("mail.ru DelayNotification", "mail.ru DeliveredToMailbox");

        // The original's headers and body are its own queued copy's, with its Received header.
        var headers = await api.Http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}/headers");
        headers.GetProperty("messageId").GetString().Should().Be(id);
        headers.GetProperty("headers").EnumerateArray().Should().Contain(h => h.GetProperty("name").GetString() == "Subject" && h.GetProperty("value").GetString() == "still waiting");
        headers.GetProperty("received").EnumerateArray().Should().ContainSingle().Which.GetProperty("host").GetString().Should().Be("mail.ru");
        headers.GetProperty("bodyHtml").GetString().Should().NotContain("could not be delivered yet");
    }

    /// <summary>The admin API on a real Kestrel listener (port 0) over a <see cref="YamlWorld"/>.</summary>
    private sealed class Api : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Api(WebApplication app)
        {
            _app = app;
            Http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(app) };
        }

        public HttpClient Http { get; }

        public static async Task<Api> StartAsync(YamlWorld world)
        {
            var app = MailLabWebApp.Build(world.Server, port: 0);
            await app.StartAsync();
            return new Api(app);
        }

        /// <summary>The message's entry in the list (GET /api/traces), as the page reads it.</summary>
        public async Task<JsonElement> EntryAsync(string id) =>
            (await Http.GetFromJsonAsync<JsonElement>("/api/traces")).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
