using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests;

/// <summary>
/// <c>GET /api/messages</c> on a real Kestrel listener: a long-poll answered by a delivery over SMTP
/// (MailKit, mail.ru relaying to rosnou.ru), a wait that ends empty, and cursors that skip earlier mail.
/// </summary>
public sealed class MessageWaitApiTests : ApiTestBase
{
    [Fact]
    public async Task LongPoll_IsAnsweredByTheMessageSentDuringTheWait()
    {
        // The wait (60 s) outlasts the client's patience (20 s): only the delivery's wake-up answers in time.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20), TimeProvider.System);
        var poll = Http.GetFromJsonAsync<JsonElement>("/api/messages?to=student@rosnou.ru&wait=60", patience.Token);

        await MailKitClients.SubmitAsIvanAsync(World.Server, World.EndPoint(World.MailRu), "student@rosnou.ru", "during the wait");
        var answer = await poll;

        var item = answer.GetProperty("messages").EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("cursor").GetInt64().Should().Be(1);
        item.GetProperty("host").GetString().Should().Be("rosnou.ru");
        item.GetProperty("mailbox").GetString().Should().Be("student@rosnou.ru");
        item.GetProperty("from").GetString().Should().Contain("ivan@mail.ru");
        item.GetProperty("to").EnumerateArray().Select(t => t.GetString()).Should().Equal("student@rosnou.ru");
        item.GetProperty("subject").GetString().Should().Be("during the wait");
        item.GetProperty("received").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.MinValue);
        answer.GetProperty("next").GetInt64().Should().Be(1);
        var stored = World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        item.GetProperty("id").GetString().Should().Be(stored.Id);
        (await Http.GetAsync($"/api/messages/{stored.Id}/raw")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LongPoll_WithNothingMatching_EndsEmptyAtTheEndOfTheWait()
    {
        var answer = await Http.GetFromJsonAsync<JsonElement>("/api/messages?to=nobody@rosnou.ru&wait=1");

        answer.GetProperty("messages").GetArrayLength().Should().Be(0);
        answer.GetProperty("next").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task Cursor_ExcludesEarlierMail_AndSubjectFilters()
    {
        await MailKitClients.SubmitAsIvanAsync(World.Server, World.EndPoint(World.MailRu), "student@rosnou.ru", "first");
        var first = await Http.GetFromJsonAsync<JsonElement>("/api/messages?to=student@rosnou.ru&wait=30");
        var cursor = first.GetProperty("next").GetInt64();
        first.GetProperty("messages")[0].GetProperty("subject").GetString().Should().Be("first");

        await MailKitClients.SubmitAsIvanAsync(World.Server, World.EndPoint(World.MailRu), "student@rosnou.ru", "other");
        await MailKitClients.SubmitAsIvanAsync(World.Server, World.EndPoint(World.MailRu), "student@rosnou.ru", "wanted");
        var wanted = await Http.GetFromJsonAsync<JsonElement>($"/api/messages?to=STUDENT@rosnou.ru&subject=WANT&after={cursor}&wait=30");

        var item = wanted.GetProperty("messages").EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("subject").GetString().Should().Be("wanted");
        item.GetProperty("cursor").GetInt64().Should().BeGreaterThan(cursor);
        wanted.GetProperty("next").GetInt64().Should().Be(item.GetProperty("cursor").GetInt64());

        var after = await Http.GetFromJsonAsync<JsonElement>($"/api/messages?after={cursor}");
        after.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("subject").GetString()).Should().NotContain("first");
        // mail.ru relays "other" and "wanted" on their own connections, so either may be stored first: the last is the later of the two.
        var other = await Http.GetFromJsonAsync<JsonElement>($"/api/messages?to=student@rosnou.ru&subject=other&after={cursor}&wait=30");
        var last = Math.Max(wanted.GetProperty("next").GetInt64(), other.GetProperty("next").GetInt64());
        var none = await Http.GetFromJsonAsync<JsonElement>($"/api/messages?to=student@rosnou.ru&after={last}");
        none.GetProperty("messages").GetArrayLength().Should().Be(0, "wait=0 answers at once with what is there: nothing after the last");
    }

    [Fact]
    public async Task AfterAWorldReset_TheLongPollSeesTheNewWorldsMail_AndCursorsGoOn()
    {
        await MailKitClients.SubmitAsIvanAsync(World.Server, World.EndPoint(World.MailRu), "student@rosnou.ru", "before the reset");
        var before = await Http.GetFromJsonAsync<JsonElement>("/api/messages?to=student@rosnou.ru&wait=30");
        (await Http.PostAsync("/api/world/reset", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20), TimeProvider.System);
        var poll = Http.GetFromJsonAsync<JsonElement>($"/api/messages?to=student@rosnou.ru&after={before.GetProperty("next").GetInt64()}&wait=60", patience.Token);
        await MailKitClients.SubmitAsIvanAsync(World.Server, World.EndPoint(World.Server.World.FindHost("mail.ru")!), "student@rosnou.ru", "after the reset");

        var item = (await poll).GetProperty("messages").EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("subject").GetString().Should().Be("after the reset");
        item.GetProperty("cursor").GetInt64().Should().Be(2);
    }

    [Theory]
    [InlineData("wait=61", "\"wait\" must be whole seconds from 0 to 60")]
    [InlineData("wait=-1", "\"wait\" must be whole seconds")]
    [InlineData("wait=soon", "\"wait\" must be whole seconds")]
    [InlineData("after=-3", "\"after\" must be a cursor")]
    [InlineData("after=1&after=2", "\"after\" is given 2 times")]
    [InlineData("to=", "\"to\" must be an address")]
    [InlineData("from=ivan@mail.ru", "Unknown parameter \"from\"")]
    public async Task BadParameters_Are400WithTheReason(string query, string reason)
    {
        var response = await Http.GetAsync($"/api/messages?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Contain(reason);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheLongPoll()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/openapi/v1.json"));
        var get = doc.RootElement.GetProperty("paths").GetProperty("/api/messages").GetProperty("get");
        get.GetProperty("operationId").GetString().Should().Be("WaitForMessages");
        get.GetProperty("description").GetString().Should().Contain("wait=SECONDS");
        get.GetProperty("responses").TryGetProperty("400", out _).Should().BeTrue();
    }
}
