using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Infrastructure;
using MimeKit;

namespace MailLab.Integration.Tests;

/// <summary>The admin HTTP API on a real Kestrel listener (port 0).</summary>
public sealed class AdminApiTests : ApiTestBase
{
    [Fact]
    public async Task Servers_ListsBothHostsWithStateEndpointAndIisDefaults()
    {
        var servers = await Http.GetFromJsonAsync<JsonElement>("/api/servers");
        servers.GetArrayLength().Should().Be(2);
        var mailRu = servers[0];
        mailRu.GetProperty("name").GetString().Should().Be("mail.ru");
        var vs = mailRu.GetProperty("smtp").GetProperty("virtualServers")[0];
        vs.GetProperty("name").GetString().Should().Be("Default SMTP Virtual Server");
        vs.GetProperty("state").GetString().Should().Be("Running");
        vs.GetProperty("endpoint").GetString().Should().Be(World.EndPoint(World.MailRu).ToString());
        var limits = vs.GetProperty("limits");
        limits.GetProperty("maxMessageSizeKb").GetInt64().Should().Be(2048);
        limits.GetProperty("maxSessionSizeKb").GetInt64().Should().Be(10240);
        limits.GetProperty("maxRecipientsPerMessage").GetInt32().Should().Be(100);
        limits.GetProperty("maxMessagesPerConnection").GetInt32().Should().Be(20);
        limits.GetProperty("connectionTimeoutMinutes").GetDouble().Should().Be(10);
        limits.GetProperty("maxConnections").ValueKind.Should().Be(JsonValueKind.Null);
        vs.GetProperty("access").GetProperty("basicAuthentication").GetBoolean().Should().BeTrue();
        mailRu.GetProperty("listeners")[0].GetProperty("protocol").GetString().Should().Be("smtp");
    }

    [Fact]
    public async Task PauseThroughTheApi_RefusesTheNextConnection_AndStartRestores()
    {
        var vsPath = "/api/servers/rosnou.ru/smtp/Default%20SMTP%20Virtual%20Server";
        var paused = await Http.PostAsync($"{vsPath}/pause", null);
        paused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("Paused");

        await using (var client = await World.ConnectTcpAsync(World.Rosnou))
        {
            (await client.ReadReplyAsync()).Should().StartWith("421 4.3.2");
        }

        (await Http.PostAsync($"{vsPath}/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var again = await World.ConnectTcpAsync(World.Rosnou);
        (await again.ReadReplyAsync()).Should().StartWith("220");
    }

    [Fact]
    public async Task ServiceStop_ThroughTheApi_ClosesTheListener()
    {
        var response = await Http.PostAsync("/api/servers/mail.ru/smtp/service/stop", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("smtp").GetProperty("state").GetString().Should().Be("Stopped");
        body.GetProperty("listeners").EnumerateArray().Select(l => l.GetProperty("protocol").GetString()).Should().Equal(["pop3", "imap", "imaps"], "the POP3 and IMAP services are not part of the SMTP service");
    }

    [Fact]
    public async Task Errors_NameWhatIsWrong()
    {
        var unknownServer = await Http.PostAsync("/api/servers/yandex.ru/smtp/service/start", null);
        unknownServer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknownServer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("No server \"yandex.ru\".");

        var badAction = await Http.PostAsync("/api/servers/mail.ru/smtp/Default%20SMTP%20Virtual%20Server/explode", null);
        badAction.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await Http.GetAsync("/api/mailboxes/nobody@mail.ru/messages")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/api/messages/ML99999999/raw")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SentMessage_IsListedAndItsRawBytesServed()
    {
        using (var smtp = await MailKitClients.ConnectSmtpAsync(World.Server, World.EndPoint(World.MailRu)))
        {
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
            message.To.Add(MailboxAddress.Parse("ivan@mail.ru"));
            message.Subject = "<script>alert(1)</script> API";
            message.Body = new TextPart("plain") { Text = "raw me" };
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        var list = await Http.GetFromJsonAsync<JsonElement>("/api/mailboxes/ivan@mail.ru/messages");
        var entry = list.EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("subject").GetString().Should().Be("<script>alert(1)</script> API");
        entry.GetProperty("from").GetString().Should().Be("ivan@mail.ru");
        entry.GetProperty("to")[0].GetString().Should().Be("ivan@mail.ru");
        entry.GetProperty("received").GetDateTimeOffset().Should().Be(World.Clock.GetUtcNow());

        var raw = await Http.GetAsync($"/api/messages/{entry.GetProperty("id").GetString()}/raw");
        raw.Content.Headers.ContentType!.MediaType.Should().Be("message/rfc822");
        var parsed = await MimeMessage.LoadAsync(await raw.Content.ReadAsStreamAsync());
        parsed.TextBody.Should().Contain("raw me");
        entry.GetProperty("size").GetInt64().Should().Be((await raw.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var doc = await Http.GetStringAsync("/openapi/v1.json");
        doc.Should().Contain("/api/servers").And.Contain("/api/mailboxes/{address}/messages").And.Contain("/api/messages/{id}/raw");
    }

    [Fact]
    public async Task Traces_ListTheMessageAndEveryHopWithItsTranscript()
    {
        await DeliveryPipelineTests.SubmitAsIvanAsync(World, "student@rosnou.ru", "traced");
        await World.World.Work.WhenIdleAsync();

        var list = await Http.GetFromJsonAsync<JsonElement>("/api/traces");
        var item = list.EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("from").GetString().Should().Be("ivan@mail.ru");
        item.GetProperty("recipients")[0].GetString().Should().Be("student@rosnou.ru");
        item.GetProperty("subject").GetString().Should().Be("traced");
        item.GetProperty("status").GetString().Should().Be("delivered");

        var detail = await Http.GetFromJsonAsync<JsonElement>($"/api/traces/{item.GetProperty("id").GetString()}");
        var stages = detail.GetProperty("stages").EnumerateArray().Select(s => $"{s.GetProperty("host").GetString()} {s.GetProperty("stage").GetString()}").ToArray();
        stages.Should().ContainInOrder("mail.ru Received", "mail.ru Queued", "mail.ru MxLookup", "rosnou.ru Received", "rosnou.ru DeliveredToMailbox", "mail.ru Relayed");

        var hops = detail.GetProperty("hops").EnumerateArray().ToArray();
        hops.Select(h => $"{h.GetProperty("host").GetString()}/{h.GetProperty("role").GetString()}").Should().Equal("mail.ru/server", "mail.ru/client", "rosnou.ru/server");
        var submission = hops[0].GetProperty("transcript").EnumerateArray().Select(l => $"{l.GetProperty("direction").GetString()}: {l.GetProperty("text").GetString()}").ToArray();
        submission.Should().Contain(l => l.StartsWith("C: EHLO", StringComparison.Ordinal));
        submission.Should().ContainInOrder("C: AUTH CRAM-MD5", "C: ****", "S: 235 2.7.0 Authentication successful");
        submission.Should().NotContain(l => l.Contains("aXZhbjEyMw", StringComparison.Ordinal) || l.Contains("ivan123", StringComparison.Ordinal));
        hops[0].GetProperty("reply").GetString().Should().StartWith("250 2.6.0");
        hops[2].GetProperty("peer").GetString().Should().Be("198.51.100.10");
        hops[2].GetProperty("reply").GetString().Should().StartWith("250 2.6.0");

        (await Http.GetAsync("/api/traces/ML0000FFFF")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_StreamTraceEventsLive()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        using var reader = new StreamReader(stream);

        await DeliveryPipelineTests.SubmitAsIvanAsync(World, "ivan@mail.ru", "live");
        string? line;
        var seen = new List<string>();
        while ((line = await reader.ReadLineAsync(cts.Token)) is not null)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var e = JsonDocument.Parse(line[6..]).RootElement;
                seen.Add(e.GetProperty("kind").GetString()!);
                if (e.GetProperty("kind").GetString() == "DeliveredToMailbox")
                {
                    break;
                }
            }
        }

        seen.Should().ContainInOrder("ConnectionOpened", "ClientLine", "ServerReply", "Received", "DeliveredToMailbox");
    }
}
