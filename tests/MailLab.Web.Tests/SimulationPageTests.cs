using System.Net.Http.Json;
using MailLab.Mail.Tracing;
using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>Simulation mode on the page: a deferral and its retries stepped through, play and pause, a chosen duration, and a reset.</summary>
public sealed class SimulationPageTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public SimulationPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task UnreachableRosnou_DefersTheMessage_StepRetries_AdvanceDelivers_AndResetStartsAgain()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, simulate: true);
        await session.RunAsync(nameof(UnreachableRosnou_DefersTheMessage_StepRetries_AdvanceDelivers_AndResetStartsAgain), async () =>
        {
            var page = session.Page;
            using var api = session.Api();
            await session.OpenAsync();
            await Expect(page.Locator("#sim")).ToBeVisibleAsync();
            await Expect(page.Locator("#clock-now")).ToHaveTextAsync("2026-09-01 09:00:00 UTC");

            // rosnou.ru switched off from its details panel.
            await page.Locator("#topology g.host[data-host='rosnou.ru'] .host-name").ClickAsync();
            await Expect(page.Locator("#host-details .hd-address[data-addressing='static']")).ToContainTextAsync("203.0.113.10");
            await page.Locator("#host-reachability[data-unreachable='false']").ClickAsync();
            await Expect(page.Locator("#topology g.host.down[data-host='rosnou.ru']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#host-reachability")).ToHaveAttributeAsync("data-unreachable", "true");
            session.World.Links.UnreachableHosts.Should().Contain("rosnou.ru");

            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Lab 3 report" });
            await Expect(row).ToHaveAttributeAsync("data-status", "deferred");
            await row.ClickAsync();
            var deferrals = page.Locator("#stages tbody tr[data-stage='Deferred']");
            await Expect(deferrals).ToHaveCountAsync(1);
            await Expect(page.Locator("#stages tbody tr[data-stage='RetryScheduled']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#clock-next")).ToContainTextAsync("2026-09-01 09:15:00");

            // One step: the first retry (15 minutes later) fails again.
            await page.Locator("#clock-step").ClickAsync();
            await Expect(page.Locator("#clock-now")).ToHaveTextAsync("2026-09-01 09:15:00 UTC");
            await Expect(deferrals).ToHaveCountAsync(2);
            await Expect(page.Locator("#topology g.message.problem")).ToHaveCountAsync(0);
            await page.Locator("#stages tbody tr[data-stage='Deferred']").Last.ClickAsync();
            await Expect(page.Locator("#topology g.message.problem")).ToHaveCountAsync(1);

            // Play steps on by itself until paused.
            await page.Locator("#sim-speed").SelectOptionAsync("4");
            await page.Locator("#sim-play").ClickAsync();

            // At least one more retry by itself (a loaded machine may see several land between two looks).
            await page.WaitForFunctionAsync("() => document.querySelectorAll(\"#stages tbody tr[data-stage='Deferred']\").length >= 3");
            await page.Locator("#sim-pause").ClickAsync();
            // Play comes back once a step already sent has landed; the page then shows every deferral the server recorded.
            await Expect(page.Locator("#sim-play")).ToBeEnabledAsync();
            var traceId = (await row.GetAttributeAsync("data-id"))!;
            var count = session.World.Trace.ForTrace(traceId).Count(e => e.Kind == TraceKind.Deferred);
            await Expect(deferrals).ToHaveCountAsync(count);
            var paused = await page.Locator("#clock-now").TextContentAsync();
            await page.WaitForTimeoutAsync(600); // paused: nothing may move in the meantime
            (await page.Locator("#clock-now").TextContentAsync()).Should().Be(paused);
            (await deferrals.CountAsync()).Should().Be(count);

            // rosnou.ru comes back; advancing the clock by a chosen duration (a day) reaches the next retry.
            await page.Locator("#host-reachability[data-unreachable='true']").ClickAsync();
            await Expect(page.Locator("#topology g.host.down")).ToHaveCountAsync(0);
            await page.Locator("#advance-amount").FillAsync("0");
            await page.Locator("#clock-advance").ClickAsync();
            await Expect(page.Locator("#error")).ToContainTextAsync("whole number");
            await page.Locator("#advance-amount").FillAsync("1");
            await page.Locator("#advance-unit").SelectOptionAsync("D");
            await page.Locator("#clock-advance").ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(page.Locator("#stages tbody tr[data-stage='DeliveredToMailbox'][data-host='rosnou.ru']")).ToHaveCountAsync(1);

            // The cursor stayed where it was put; Next walks it to the end, where both Received headers are.
            await Expect(page.Locator("#received li.received")).ToHaveCountAsync(1);
            while (await page.Locator("#cursor-next").IsEnabledAsync())
            {
                await page.Locator("#cursor-next").ClickAsync();
            }

            await Expect(page.Locator("#topology g.message")).ToHaveAttributeAsync("data-at", "store:rosnou.ru");
            await Expect(page.Locator("#received li.received")).ToHaveCountAsync(2);
            var now = session.World.Clock.GetUtcNow();
            now.Should().BeOnOrAfter(PageSession.SimulationStart.AddDays(1));

            // Scrub back to the first deferral and forward again.
            await page.Locator("#stages tbody tr[data-stage='Deferred']").First.ClickAsync();
            await Expect(page.Locator("#topology g.message.problem")).ToHaveCountAsync(1);
            await Expect(page.Locator("#received li.received")).ToHaveCountAsync(1);
            await page.Locator("#cursor").FillAsync(await page.Locator("#cursor").GetAttributeAsync("max") ?? "0");
            await Expect(page.Locator("#received li.received")).ToHaveCountAsync(2);

            // Reset: an empty world on a fresh clock, on the same ports, still live.
            await page.Locator("#world-reset").ClickAsync();
            await Expect(page.Locator("#deliveries-empty")).ToBeVisibleAsync();
            await Expect(page.Locator("#clock-now")).ToHaveTextAsync("2026-09-01 09:00:00 UTC");
            await Expect(page.Locator("#detail-empty")).ToBeVisibleAsync();
            session.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
            (await api.GetFromJsonAsync<object[]>("/api/traces")).Should().BeEmpty();
            await Expect(page.Locator("body[data-live='on']")).ToBeVisibleAsync();

            await session.SendAsIvanAsync("student@rosnou.ru", "After the reset");
            await Expect(page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "After the reset" })).ToHaveAttributeAsync("data-status", "delivered");
            session.Errors.Where(e => !e.Contains("/api/events", StringComparison.Ordinal)).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Pause_WhileAStepIsUnderWay_GivesPlayBackOnlyOnceThatStepHasLanded()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, simulate: true);
        await session.RunAsync(nameof(Pause_WhileAStepIsUnderWay_GivesPlayBackOnlyOnceThatStepHasLanded), async () =>
        {
            var page = session.Page;
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var steps = 0;
            await page.RouteAsync("**/api/clock/step", async route =>
            {
                Interlocked.Increment(ref steps);
                sent.TrySetResult();
                await release.Task;
                await route.ContinueAsync();
            });
            await session.OpenAsync();
            await Expect(page.Locator("#sim")).ToBeVisibleAsync();

            await page.Locator("#sim-play").ClickAsync();
            await sent.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await page.Locator("#sim-pause").ClickAsync();
            await Expect(page.Locator("#sim-pause")).ToBeDisabledAsync();
            await Expect(page.Locator("#sim-play")).ToBeDisabledAsync();

            release.SetResult();
            await Expect(page.Locator("#sim-play")).ToBeEnabledAsync();
            steps.Should().Be(1, "a pause while the step was under way sends no further step");
            session.Errors.Where(e => !e.Contains("/api/events", StringComparison.Ordinal)).Should().BeEmpty();
        });
    }
}
