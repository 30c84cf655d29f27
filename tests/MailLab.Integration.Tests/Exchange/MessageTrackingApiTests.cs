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
    public async Task Search_WithARangeEndingBeforeItStarts_Is400()
    {
        (await Error(await Http.GetAsync("/api/traces/search?since=2026-09-02T00:00:00Z&until=2026-09-01T00:00:00Z"), HttpStatusCode.BadRequest))
            .Should().Be("since must not be after until.");
    }
}
