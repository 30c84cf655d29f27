using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Hosting;
using MailLab.Mail.Simulation;
using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;

namespace MailLab.Web.Tests;

/// <summary>The visualiser's API over HTTP: DNS, a message's headers, and resetting the world.</summary>
public sealed class WorldApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private SimulatedWebApp _web = null!;

    private MailLabServer _runtime => _web.Runtime;

    private HttpClient _http => _web.Http;

    public async Task InitializeAsync() => _web = await SimulatedWebApp.StartAsync(Start);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Dns_ListsTheRecords_AndEachMailDomainsMxHostsWithAddresses()
    {
        var dns = await _http.GetFromJsonAsync<JsonElement>("/api/dns");

        dns.GetProperty("records").EnumerateArray().Select(r => $"{r.GetProperty("name")} {r.GetProperty("type")} {r.GetProperty("value")}")
            .Should().Contain(["rosnou.ru MX rosnou.ru", "rosnou.ru A 203.0.113.10", "mail.ru A 198.51.100.10"]);
        var rosnou = dns.GetProperty("mailDomains").EnumerateArray().Single(d => d.GetProperty("domain").GetString() == "rosnou.ru");
        var mx = rosnou.GetProperty("mx").EnumerateArray().Single();
        mx.GetProperty("preference").GetInt32().Should().Be(10);
        mx.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()).Should().Equal("203.0.113.10");
    }

    [Fact]
    public async Task Headers_TieEachReceivedHeaderToTheHopThatAddedIt_AndGiveTheBodyAsEscapedHtml()
    {
        var id = await SendThroughPickupAsync("Headers", "1 < 2 <script>alert(1)</script>");

        var headers = await _http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}/headers");

        headers.GetProperty("host").GetString().Should().Be("rosnou.ru");
        var received = headers.GetProperty("received").EnumerateArray().ToArray();
        received.Select(r => r.GetProperty("host").GetString()).Should().Equal("mail.ru", "rosnou.ru");
        received[1].GetProperty("value").GetString().Should().StartWith("from mail.ru").And.Contain("by rosnou.ru");
        received[0].GetProperty("sequence").GetInt64().Should().BeLessThan(received[1].GetProperty("sequence").GetInt64());
        headers.GetProperty("headers").EnumerateArray().Should().Contain(h => h.GetProperty("name").GetString() == "Subject" && h.GetProperty("value").GetString() == "Headers");
        headers.GetProperty("bodyHtml").GetString().Should().Contain("1 &lt; 2 &lt;script&gt;").And.NotContain("<script>");

        (await _http.GetAsync("/api/traces/ML0000FFFF/headers")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TraceDetail_WithHeaders_CarriesWhatHeadersGives_FromTheSameCopy()
    {
        var id = await SendThroughPickupAsync("Detail with headers", "hello");

        var detail = await _http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}?headers=true");
        var headers = await _http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}/headers");

        detail.GetProperty("storedCopy").GetString().Should().NotBeNullOrEmpty();
        detail.GetProperty("headers").GetRawText().Should().Be(headers.GetRawText());
        (await _http.GetFromJsonAsync<JsonElement>($"/api/traces/{id}")).GetProperty("headers").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Reset_RebuildsTheWorldFromItsTopology_OnAFreshClock_OnTheSamePorts()
    {
        var vs = _runtime.World.FindHost("rosnou.ru")!.Smtp.Find(DefaultTopology.VirtualServerName)!;
        var port = _runtime.GetEndPoint(vs)!.Port;
        var pop3Port = _runtime.GetPop3EndPoint(_runtime.World.FindHost("rosnou.ru")!.Pop3)!.Port;
        var before = await SendThroughPickupAsync("Before", "x");
        var first = await SendThroughPickupAsync("Before, too", "x");
        (await _http.GetFromJsonAsync<JsonElement[]>($"/api/traces?after={before}"))!.Select(t => t.GetProperty("id").GetString()).Should().Equal(first);
        (await _http.GetFromJsonAsync<JsonElement[]>($"/api/traces?after={first}")).Should().BeEmpty();
        (await _http.PostAsync("/api/clock/advance?by=PT2H", null)).EnsureSuccessStatusCode();
        (await _http.PostAsync("/api/network/hosts/rosnou.ru/unreachable", null)).EnsureSuccessStatusCode();
        (await _http.PostAsync("/api/servers/mail.ru/smtp/Default SMTP Virtual Server/pause", null)).EnsureSuccessStatusCode();
        var old = _runtime.World;

        var response = await _http.PostAsync("/api/world/reset", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var clock = await response.Content.ReadFromJsonAsync<JsonElement>();
        clock.GetProperty("now").GetDateTimeOffset().Should().Be(Start);
        clock.GetProperty("mode").GetString().Should().Be("simulate");
        _runtime.World.Should().NotBeSameAs(old);
        old.Outbound.Should().BeNull();
        (await _http.GetFromJsonAsync<JsonElement[]>("/api/traces")).Should().BeEmpty();
        (await _http.GetAsync($"/api/traces?after={first}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var network = await _http.GetFromJsonAsync<JsonElement>("/api/network");
        network.GetProperty("unreachableHosts").GetArrayLength().Should().Be(0);
        var servers = await _http.GetFromJsonAsync<JsonElement[]>("/api/servers");
        servers!.Select(s => s.GetProperty("smtp").GetProperty("virtualServers")[0].GetProperty("state").GetString()).Should().Equal("Running", "Running");
        var newVs = _runtime.World.FindHost("rosnou.ru")!.Smtp.Find(DefaultTopology.VirtualServerName)!;
        _runtime.GetEndPoint(newVs)!.Port.Should().Be(port);
        _runtime.GetPop3EndPoint(_runtime.World.FindHost("rosnou.ru")!.Pop3)!.Port.Should().Be(pop3Port);
        _runtime.Simulator!.World.Should().BeSameAs(_runtime.World);

        // The new world works: a message travels and lands in the (empty again) mailbox.
        await SendThroughPickupAsync("After", "y");
        _runtime.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("After");
    }

    /// <summary>Drops a message in mail.ru's Pickup folder over the API and waits until it is delivered; returns its trace id.</summary>
    private async Task<string> SendThroughPickupAsync(string subject, string body)
    {
        var before = (await _http.GetFromJsonAsync<JsonElement[]>("/api/traces"))!.Length;
        var message = $"From: ivan@mail.ru\r\nTo: student@rosnou.ru\r\nSubject: {subject}\r\n\r\n{body}\r\n";
        var response = await _http.PostAsync("/api/servers/mail.ru/smtp/Default SMTP Virtual Server/pickup", new StringContent(message, Encoding.ASCII, "message/rfc822"));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await _runtime.Simulator!.RunUntilIdleAsync();
        var traces = await _http.GetFromJsonAsync<JsonElement[]>("/api/traces");
        traces!.Length.Should().Be(before + 1);
        var trace = traces[^1];
        trace.GetProperty("status").GetString().Should().Be("delivered");
        return trace.GetProperty("id").GetString()!;
    }
}
