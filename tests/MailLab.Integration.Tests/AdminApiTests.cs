using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;
using MimeKit;

namespace MailLab.Integration.Tests;

/// <summary>The admin HTTP API on a real Kestrel listener (port 0).</summary>
public sealed class AdminApiTests : IAsyncLifetime
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
    public async Task Servers_ListsBothHostsWithStateEndpointAndIisDefaults()
    {
        var servers = await _http.GetFromJsonAsync<JsonElement>("/api/servers");
        servers.GetArrayLength().Should().Be(2);
        var mailRu = servers[0];
        mailRu.GetProperty("name").GetString().Should().Be("mail.ru");
        var vs = mailRu.GetProperty("smtp").GetProperty("virtualServers")[0];
        vs.GetProperty("name").GetString().Should().Be("Default SMTP Virtual Server");
        vs.GetProperty("state").GetString().Should().Be("Running");
        vs.GetProperty("endpoint").GetString().Should().Be(_world.EndPoint(_world.MailRu).ToString());
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
        var paused = await _http.PostAsync($"{vsPath}/pause", null);
        paused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("Paused");

        await using (var client = await _world.ConnectTcpAsync(_world.Rosnou))
        {
            (await client.ReadReplyAsync()).Should().StartWith("421 4.3.2");
        }

        (await _http.PostAsync($"{vsPath}/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var again = await _world.ConnectTcpAsync(_world.Rosnou);
        (await again.ReadReplyAsync()).Should().StartWith("220");
    }

    [Fact]
    public async Task ServiceStop_ThroughTheApi_ClosesTheListener()
    {
        var response = await _http.PostAsync("/api/servers/mail.ru/smtp/service/stop", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("smtp").GetProperty("state").GetString().Should().Be("Stopped");
        body.GetProperty("listeners").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Errors_NameWhatIsWrong()
    {
        var unknownServer = await _http.PostAsync("/api/servers/yandex.ru/smtp/service/start", null);
        unknownServer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknownServer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("No server \"yandex.ru\".");

        var badAction = await _http.PostAsync("/api/servers/mail.ru/smtp/Default%20SMTP%20Virtual%20Server/explode", null);
        badAction.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await _http.GetAsync("/api/mailboxes/nobody@mail.ru/messages")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _http.GetAsync("/api/messages/ML99999999/raw")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SentMessage_IsListedAndItsRawBytesServed()
    {
        using (var smtp = await MailKitClients.ConnectSmtpAsync(_world.Server, _world.EndPoint(_world.MailRu)))
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

        var list = await _http.GetFromJsonAsync<JsonElement>("/api/mailboxes/ivan@mail.ru/messages");
        var entry = list.EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("subject").GetString().Should().Be("<script>alert(1)</script> API");
        entry.GetProperty("from").GetString().Should().Be("ivan@mail.ru");
        entry.GetProperty("to")[0].GetString().Should().Be("ivan@mail.ru");
        entry.GetProperty("received").GetDateTimeOffset().Should().Be(_world.Clock.GetUtcNow());

        var raw = await _http.GetAsync($"/api/messages/{entry.GetProperty("id").GetString()}/raw");
        raw.Content.Headers.ContentType!.MediaType.Should().Be("message/rfc822");
        var parsed = await MimeMessage.LoadAsync(await raw.Content.ReadAsStreamAsync());
        parsed.TextBody.Should().Contain("raw me");
        entry.GetProperty("size").GetInt64().Should().Be((await raw.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var doc = await _http.GetStringAsync("/openapi/v1.json");
        doc.Should().Contain("/api/servers").And.Contain("/api/mailboxes/{address}/messages").And.Contain("/api/messages/{id}/raw");
    }
}
