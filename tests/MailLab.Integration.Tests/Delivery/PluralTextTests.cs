using System.Net;
using MailLab.Integration.Tests.Admin;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>Counts in the trace take the singular for one ("in 1 minute", not "in 1 minutes"), as the API and the page show them.</summary>
public sealed class PluralTextTests : AdminApiTestBase
{
    [Fact]
    public async Task RetryAndExpiry_OfOneMinuteAndOneHour_AreSingular_AndOthersPlural()
    {
        TestWorld.Vs(World.MailRu).Configure(s => s with
        {
            Delivery = s.Delivery with { RetryIntervals = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], Expiration = TimeSpan.FromHours(1) },
        });
        World.World.Links.SetHostReachable("rosnou.ru", false);
        await SendAsIvanAsync("student@rosnou.ru", "waits");
        await World.World.Work.WhenIdleAsync();
        await DeliveryPipelineTests.AdvanceAsync(World, TimeSpan.FromMinutes(70));

        var list = await Json(await Http.GetAsync("/api/traces"), HttpStatusCode.OK);
        var id = list.EnumerateArray().First(m => m.GetProperty("subject").GetString() == "waits").GetProperty("id").GetString();
        var texts = (await Json(await Http.GetAsync($"/api/traces/{id}"), HttpStatusCode.OK)).GetProperty("stages").EnumerateArray()
            .Select(s => (Stage: s.GetProperty("stage").GetString(), Text: s.GetProperty("text").GetString()!)).ToArray();

        var retries = texts.Where(s => s.Stage == "RetryScheduled").Select(s => s.Text[s.Text.IndexOf('(')..]).ToArray();
        retries.Should().StartWith(["(in 1 minute)", "(in 2 minutes)"]);
        texts.Should().Contain(s => s.Stage == "Expired" && s.Text == "Expired after 1 hour in the queue");
    }
}
