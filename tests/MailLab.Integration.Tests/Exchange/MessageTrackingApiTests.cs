using System.Net;
using MailLab.Integration.Tests.Admin;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>GET /api/traces/search, the Message Tracking Center: sender, recipient and a received-between range over the trace.</summary>
public sealed class MessageTrackingApiTests : AdminApiTestBase
{
    [Fact]
    public async Task Search_BySenderRecipientAndRange_FindsOnlyTheMatchingMessages_WithTheirStatus()
    {
        await SendAsIvanAsync("student@rosnou.ru", "To the student");
        await SendAsIvanAsync("petr@mail.ru", "To Petr");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var found = await Json(await Http.GetAsync("/api/traces/search?sender=IVAN@mail.ru&recipient=student"), HttpStatusCode.OK);
        var only = found.EnumerateArray().Should().ContainSingle().Subject;
        only.GetProperty("subject").GetString().Should().Be("To the student");
        only.GetProperty("status").GetString().Should().Be("delivered");

        (await Json(await Http.GetAsync("/api/traces/search?sender=ivan"), HttpStatusCode.OK)).GetArrayLength().Should().Be(2);
        (await Json(await Http.GetAsync("/api/traces/search?recipient=nobody"), HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
        var received = DateTimeOffset.Parse(only.GetProperty("received").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var after = Uri.EscapeDataString(received.AddDays(1).ToString("O"));
        (await Json(await Http.GetAsync($"/api/traces/search?since={after}"), HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
        var around = $"since={Uri.EscapeDataString(received.AddMinutes(-1).ToString("O"))}&until={Uri.EscapeDataString(received.AddMinutes(1).ToString("O"))}&recipient=student";
        (await Json(await Http.GetAsync($"/api/traces/search?{around}"), HttpStatusCode.OK)).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task WithMessageTrackingTurnedOff_TheServersLaterMessagesAreNotFound_AndTheEarlierOnesStill()
    {
        var exchange = Infrastructure.ExchangeSetup.Install(World.Rosnou, Mail.Exchange.ExchangeEdition.Standard);
        const string Properties = "/api/servers/rosnou.ru/exchange/properties";
        await SendAsIvanAsync("student@rosnou.ru", "While tracking");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var changed = await Json(await SendAsync(HttpMethod.Put, Properties, new { messageTrackingEnabled = false, removeLogFiles = true }), HttpStatusCode.OK);
        await SendAsIvanAsync("student@rosnou.ru", "Not tracked");
        await SendAsIvanAsync("petr@mail.ru", "Only mail.ru");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        changed.GetProperty("messageTrackingEnabled").GetBoolean().Should().BeFalse();
        changed.GetProperty("trackingOffSince").ValueKind.Should().Be(System.Text.Json.JsonValueKind.String);
        changed.GetProperty("trackingLogDirectory").GetString().Should().Be(@"C:\Program Files\Exchsrvr\ROSNOU.log");
        var found = await Json(await Http.GetAsync("/api/traces/search?sender=ivan"), HttpStatusCode.OK);
        found.EnumerateArray().Select(m => m.GetProperty("subject").GetString()).Should().BeEquivalentTo("While tracking", "Only mail.ru");

        await SendAsync(HttpMethod.Put, Properties, new { messageTrackingEnabled = true });
        await SendAsIvanAsync("student@rosnou.ru", "Tracked again");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        (await Json(await Http.GetAsync("/api/traces/search?recipient=student"), HttpStatusCode.OK)).EnumerateArray().Select(m => m.GetProperty("subject").GetString())
            .Should().BeEquivalentTo("While tracking", "Tracked again");
        exchange.WasTracking(World.World.Trace.Views.LastSequence() + 1).Should().BeTrue();
    }

    [Fact]
    public async Task DiagnosticsLogging_AndLocales_AreChangedByName_AndABadLevelIs400()
    {
        Infrastructure.ExchangeSetup.Install(World.Rosnou, Mail.Exchange.ExchangeEdition.Standard);
        const string Properties = "/api/servers/rosnou.ru/exchange/properties";

        var changed = await Json(await SendAsync(HttpMethod.Put, Properties, new Dictionary<string, object> { ["MSExchangeTransport/Categorizer"] = "Maximum", ["locales"] = new[] { "en-US", "ru-RU" } }), HttpStatusCode.OK);

        changed.GetProperty("settings").GetProperty("MSExchangeTransport/Categorizer").GetString().Should().Be("Maximum");
        changed.GetProperty("settings").GetProperty("MSExchangeSA/NSPI Proxy").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "None is null, as the settings tables write \"none\"");
        changed.GetProperty("settings").GetProperty("locales").GetArrayLength().Should().Be(2);
        (await Error(await SendAsync(HttpMethod.Put, Properties, new Dictionary<string, object> { ["MSExchangeTransport/Categorizer"] = "Loud" }), HttpStatusCode.BadRequest)).Should().Contain("Maximum");
        (await Error(await SendAsync(HttpMethod.Put, Properties, new { locales = Array.Empty<string>() }), HttpStatusCode.BadRequest)).Should().Contain("at least one locale");
        (await Error(await Http.GetAsync("/api/servers/mail.ru/exchange/properties"), HttpStatusCode.NotFound)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Search_WithARangeEndingBeforeItStarts_Is400()
    {
        (await Error(await Http.GetAsync("/api/traces/search?since=2026-09-02T00:00:00Z&until=2026-09-01T00:00:00Z"), HttpStatusCode.BadRequest))
            .Should().Be("since must not be after until.");
    }
}
