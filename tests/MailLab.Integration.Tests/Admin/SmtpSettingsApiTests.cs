using System.Net;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Admin;

/// <summary>GET / PATCH of a virtual server's settings by property-sheet tab, and their effect on the wire.</summary>
public sealed class SmtpSettingsApiTests : AdminApiTestBase
{
    [Fact]
    public async Task Get_GroupsTheIisDefaultsByTab()
    {
        var settings = await Json(await Http.GetAsync($"{DefaultVs}/settings"), HttpStatusCode.OK);

        settings.EnumerateObject().Select(p => p.Name).Should().Equal("general", "access", "messages", "delivery", "ldapRouting");
        var general = settings.GetProperty("general");
        general.GetProperty("maxConnections").ValueKind.Should().Be(JsonValueKind.Null);
        general.GetProperty("connectionTimeoutMinutes").GetDouble().Should().Be(10);
        general.GetProperty("loggingEnabled").GetBoolean().Should().BeTrue();
        general.GetProperty("fqdn").GetString().Should().Be("rosnou.ru");
        var access = settings.GetProperty("access");
        access.GetProperty("anonymousAccess").GetBoolean().Should().BeTrue();
        access.GetProperty("relayOnlyListed").GetBoolean().Should().BeTrue();
        access.GetProperty("relayList").GetArrayLength().Should().Be(0);
        var messages = settings.GetProperty("messages");
        messages.GetProperty("maxMessageSizeKb").GetInt64().Should().Be(2048);
        messages.GetProperty("maxRecipientsPerMessage").GetInt32().Should().Be(100);
        messages.GetProperty("ndrCopyTo").ValueKind.Should().Be(JsonValueKind.Null);
        var delivery = settings.GetProperty("delivery");
        delivery.GetProperty("retryIntervalsMinutes").EnumerateArray().Select(e => e.GetDouble()).Should().Equal(15, 30, 60, 240);
        delivery.GetProperty("expirationHours").GetDouble().Should().Be(48);
        delivery.GetProperty("smartHost").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Patch_MaxRecipients_TakesEffectOnTheWire_452()
    {
        var patched = await Json(await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", new { maxRecipientsPerMessage = 2 }), HttpStatusCode.OK);
        patched.GetProperty("messages").GetProperty("maxRecipientsPerMessage").GetInt32().Should().Be(2);

        await using var client = await World.ConnectTcpAsync(World.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220");
        await client.SendLineAsync("HELO client.example");
        (await client.ReadReplyAsync()).Should().StartWith("250");
        await client.SendLineAsync("MAIL FROM:<ivan@mail.ru>");
        (await client.ReadReplyAsync()).Should().StartWith("250");
        for (var i = 0; i < 2; i++)
        {
            await client.SendLineAsync("RCPT TO:<student@rosnou.ru>");
            (await client.ReadReplyAsync()).Should().StartWith("250");
        }

        await client.SendLineAsync("RCPT TO:<student@rosnou.ru>");
        (await client.ReadReplyAsync()).Should().StartWith("452 4.5.3");
    }

    [Fact]
    public async Task Patch_SeveralTabsAtOnce_TypedOrText_AndListsAsArrays()
    {
        var body = """
            {"maxMessageSizeKb": 20000, "maxSessionSizeKb": 30000, "basicAuthentication": "true",
             "relayList": ["127.0.0.1", "10.0.0.0/8"], "retryIntervalsMinutes": [1, 2.5], "smartHost": null, "fqdn": "smtp.rosnou.ru"}
            """;
        var settings = await Json(await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", body), HttpStatusCode.OK);

        settings.GetProperty("messages").GetProperty("maxMessageSizeKb").GetInt64().Should().Be(20000);
        settings.GetProperty("messages").GetProperty("maxSessionSizeKb").GetInt64().Should().Be(30000);
        settings.GetProperty("access").GetProperty("basicAuthentication").GetBoolean().Should().BeTrue();
        settings.GetProperty("access").GetProperty("relayList").EnumerateArray().Select(e => e.GetString()).Should().Equal("127.0.0.1", "10.0.0.0/8");
        settings.GetProperty("delivery").GetProperty("retryIntervalsMinutes").EnumerateArray().Select(e => e.GetDouble()).Should().Equal(1, 2.5);

        // The greeting carries the new FQDN.
        await using var client = await World.ConnectTcpAsync(World.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220 smtp.rosnou.ru");
    }

    [Fact]
    public async Task Patch_SizeLimit_IsAdvertisedAndEnforced_WithMailKit()
    {
        (await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", new { maxMessageSizeKb = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);

        using var smtp = await MailKitClients.ConnectSmtpAsync(World.Server, World.EndPoint(World.Rosnou));
        smtp.MaxSize.Should().Be(1024);
        var send = () => smtp.SendAsync(Message("ivan@mail.ru", "student@rosnou.ru", "too big", new string('x', 4000)));
        (await send.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.ExceededStorageAllocation);
    }

    [Theory]
    [InlineData("""{"maxRecipients": 5}""", "Unknown setting \"maxRecipients\" (did you mean \"maxRecipientsPerMessage\"?). Valid settings are limits: maxConnections")]
    [InlineData("""{"maxHopCount": "many"}""", "\"many\" is not a valid value for \"maxHopCount\": expected a whole number of at least 1.")]
    [InlineData("""{"relayList": ["127.0.0.1", "not an address!"]}""", "\"not an address!\" is not a valid value for \"relayList\"")]
    [InlineData("""{"smartHost": "bad host!"}""", "\"bad host!\" is not a valid value for \"smartHost\": expected a host name or [IP address], optionally :port.")]
    [InlineData("""{"ndrCopyTo": "postmaster"}""", "\"postmaster\" is not a valid value for \"ndrCopyTo\": expected an address user@domain.")]
    [InlineData("""{"maxSessionSizeKb": 1}""", "IIS would refuse this: maxSessionSizeKb must be at least maxMessageSizeKb.")]
    [InlineData("""{"smartHost": {"name": "x"}}""", "\"smartHost\" takes a number, true/false, a string, null or a list of those, not an object.")]
    [InlineData("""[1, 2]""", "The body must be a JSON object of setting name to value")]
    [InlineData("""{"maxHopCount": """, "The request body is not valid JSON.")]
    public async Task Patch_BadInput_Is400NamingIt_AndNothingChanges(string body, string error)
    {
        var before = await Http.GetStringAsync($"{DefaultVs}/settings");

        var response = await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", body);
        (await Error(response, HttpStatusCode.BadRequest)).Should().StartWith(error);

        (await Http.GetStringAsync($"{DefaultVs}/settings")).Should().Be(before, "a PATCH is all or nothing");
    }

    [Fact]
    public async Task Patch_AllOrNothing_AnEarlierGoodValueIsRolledBack()
    {
        var response = await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", """{"maxRecipientsPerMessage": 3, "relayList": ["127.0.0.1"], "outboundPort": 70000}""");
        (await Error(response, HttpStatusCode.BadRequest)).Should().Be("\"70000\" is not a valid value for \"outboundPort\": expected a whole number from 1 to 65535.");

        var settings = await Json(await Http.GetAsync($"{DefaultVs}/settings"), HttpStatusCode.OK);
        settings.GetProperty("messages").GetProperty("maxRecipientsPerMessage").GetInt32().Should().Be(100);
        settings.GetProperty("access").GetProperty("relayList").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task UnknownServerOrVirtualServer_Is404()
    {
        (await Error(await Http.GetAsync("/api/servers/yandex.ru/smtp/Default%20SMTP%20Virtual%20Server/settings"), HttpStatusCode.NotFound))
            .Should().Be("No server \"yandex.ru\".");
        (await Error(await SendAsync(HttpMethod.Patch, "/api/servers/rosnou.ru/smtp/Other/settings", new { maxHopCount = 3 }), HttpStatusCode.NotFound))
            .Should().Be("No SMTP virtual server \"Other\" on rosnou.ru.");
    }
}
