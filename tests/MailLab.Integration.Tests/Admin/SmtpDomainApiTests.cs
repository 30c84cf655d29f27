using System.Net;
using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Admin;

/// <summary>The Domains node over the API: list, add (local, alias, remote with options), change, remove.</summary>
public sealed class SmtpDomainApiTests : AdminApiTestBase
{
    private const string Domains = DefaultVs + "/domains";

    [Fact]
    public async Task List_ShowsTheDefaultLocalDomain()
    {
        var domains = await Json(await Http.GetAsync(Domains), HttpStatusCode.OK);
        domains.GetArrayLength().Should().Be(1);
        domains[0].GetProperty("name").GetString().Should().Be("rosnou.ru");
        domains[0].GetProperty("type").GetString().Should().Be("Local");
        domains[0].GetProperty("isDefault").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task AddAlias_ThenMailForItIsDelivered_RemoveIt_ThenItIsRelayDenied()
    {
        var added = await Json(await SendAsync(HttpMethod.Post, Domains, new { name = "students.rosnou.ru", type = "Alias" }), HttpStatusCode.Created);
        added.GetProperty("type").GetString().Should().Be("Alias");
        added.GetProperty("isDefault").GetBoolean().Should().BeFalse();

        await using (var client = await Session())
        {
            await client.SendLineAsync("RCPT TO:<anyone@students.rosnou.ru>");
            (await client.ReadReplyAsync()).Should().StartWith("250");
        }

        (await SendAsync(HttpMethod.Delete, $"{Domains}/students.rosnou.ru")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await using (var client = await Session())
        {
            await client.SendLineAsync("RCPT TO:<anyone@students.rosnou.ru>");
            (await client.ReadReplyAsync()).Should().StartWith("550 5.7.1");
        }
    }

    [Fact]
    public async Task RemoteDomain_WithSmartHostAndPort_RoutesThere()
    {
        await using var smartHost = new ScriptedSmtpServer();
        var added = await Json(
            await SendAsync(HttpMethod.Post, "/api/servers/mail.ru/smtp/Default%20SMTP%20Virtual%20Server/domains",
                new { name = "partner.example", type = "Remote", smartHost = "[127.0.0.1]", outboundPort = smartHost.Port }),
            HttpStatusCode.Created);
        added.GetProperty("smartHost").GetString().Should().Be("[127.0.0.1]");
        added.GetProperty("outboundPort").GetInt32().Should().Be(smartHost.Port);

        await SendAsIvanAsync("bob@partner.example", "via the domain's smart host");

        await World.World.Work.WhenIdleAsync();
        smartHost.Accepted.Should().ContainSingle().Which.Recipients.Should().Equal("bob@partner.example");
    }

    [Fact]
    public async Task Put_ChangesRemoteOptions_AndMakesAnAliasTheDefault()
    {
        await Json(await SendAsync(HttpMethod.Post, Domains, new { name = "*.partner.example", type = "Remote", allowRelay = true }), HttpStatusCode.Created);
        var changed = await Json(await SendAsync(HttpMethod.Put, $"{Domains}/*.partner.example", new { requireTls = true, smartHost = "relay.partner.example" }), HttpStatusCode.OK);
        changed.GetProperty("allowRelay").GetBoolean().Should().BeFalse("PUT replaces the options");
        changed.GetProperty("requireTls").GetBoolean().Should().BeTrue();
        changed.GetProperty("smartHost").GetString().Should().Be("relay.partner.example");

        await Json(await SendAsync(HttpMethod.Post, Domains, new { name = "new.rosnou.ru", type = "Alias" }), HttpStatusCode.Created);
        (await Json(await SendAsync(HttpMethod.Put, $"{Domains}/new.rosnou.ru", new { isDefault = true }), HttpStatusCode.OK))
            .GetProperty("type").GetString().Should().Be("Local");

        var domains = await Json(await Http.GetAsync(Domains), HttpStatusCode.OK);
        domains.EnumerateArray().Select(d => $"{d.GetProperty("name").GetString()} {d.GetProperty("type").GetString()}")
            .Should().Equal("rosnou.ru Alias", "*.partner.example Remote", "new.rosnou.ru Local");
    }

    [Theory]
    [InlineData("""{"type": "Alias"}""", "name is required: the domain, e.g. rosnou.ru (a remote domain may be *.example.com).")]
    [InlineData("""{"name": "x.example", "type": "Foreign"}""", "type must be Local, Alias or Remote, not \"Foreign\".")]
    [InlineData("""{"name": "x.example", "type": "Alias", "smartHost": "relay.example"}""", "\"x.example\" is a local domain: allowRelay, smartHost, requireTls and outboundPort apply to remote domains only.")]
    [InlineData("""{"name": "*.x.example", "type": "Alias"}""", "Only remote domains may use wildcards: \"*.x.example\".")]
    [InlineData("""{"name": "not a domain", "type": "Remote"}""", "\"not a domain\" is not a domain name such as rosnou.ru.")]
    [InlineData("""{"name": "x.example", "type": "Remote", "smartHost": "[127.0.0.1]", "outboundPort": 0}""", "outboundPort 0 is not a TCP port: use 1 to 65535.")]
    [InlineData("""{"name": "x.example", "type": "Remote", "outboundPort": true}""", "outboundPort has the wrong type or is malformed.")]
    [InlineData("""{"name": "x.example", "type": "Remote", "smartHost": "bad host!"}""", "smartHost \"bad host!\" is not a host name or [IP address], optionally followed by :port.")]
    [InlineData("""{"name": "x.example", "type": "Remote", "isDefault": true}""", "isDefault: only a local domain can be the default.")]
    public async Task Post_BadInput_Is400NamingTheField(string body, string error) =>
        (await Error(await SendAsync(HttpMethod.Post, Domains, body), HttpStatusCode.BadRequest)).Should().Be(error);

    [Fact]
    public async Task Conflicts_And_Missing()
    {
        (await Error(await SendAsync(HttpMethod.Post, Domains, new { name = "ROSNOU.ru", type = "Alias" }), HttpStatusCode.Conflict))
            .Should().Be("The domain \"rosnou.ru\" already exists.");
        (await Error(await SendAsync(HttpMethod.Delete, $"{Domains}/rosnou.ru"), HttpStatusCode.Conflict))
            .Should().Be("\"rosnou.ru\" is the default domain and cannot be deleted.");
        (await Error(await SendAsync(HttpMethod.Put, $"{Domains}/rosnou.ru", new { isDefault = false }), HttpStatusCode.Conflict))
            .Should().Be("rosnou.ru is the default domain: make another local domain the default instead.");
        (await Error(await SendAsync(HttpMethod.Put, $"{Domains}/rosnou.ru", new { type = "Remote" }), HttpStatusCode.BadRequest))
            .Should().Be("type: rosnou.ru is Local; its type cannot be changed (delete it and add it again).");
        (await Error(await SendAsync(HttpMethod.Delete, $"{Domains}/nowhere.example"), HttpStatusCode.NotFound))
            .Should().Be("No domain \"nowhere.example\"; the domains are rosnou.ru.");
        (await SendAsync(HttpMethod.Put, $"{Domains}/nowhere.example", new { isDefault = true })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/api/servers/rosnou.ru/smtp/Other/domains")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>A TCP session on rosnou.ru up to MAIL FROM, as an outside client (relay not granted).</summary>
    private async Task<RawSmtpClient> Session()
    {
        var client = await World.ConnectTcpAsync(World.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220");
        await client.SendLineAsync("HELO client.example");
        (await client.ReadReplyAsync()).Should().StartWith("250");
        await client.SendLineAsync("MAIL FROM:<ivan@mail.ru>");
        (await client.ReadReplyAsync()).Should().StartWith("250");
        return client;
    }
}
