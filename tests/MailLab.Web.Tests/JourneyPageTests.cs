using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// One delivery's journey on the page: the message moving hop by hop over the topology with the
/// timeline cursor, the Received header each hop added, scrubbing back and forth, the body in a
/// sandboxed frame, and a host's details.
/// </summary>
public sealed class JourneyPageTests : IClassFixture<BrowserFixture>
{
    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    private readonly BrowserFixture _browser;

    public JourneyPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task SelectedDelivery_MovesHopByHop_AndEachHopShowsTheReceivedHeaderItAdded()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(SelectedDelivery_MovesHopByHop_AndEachHopShowsTheReceivedHeaderItAdded), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Lab 3 report" });
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");

            // Selecting it plays the journey: the message starts at mail.ru and ends in rosnou.ru's store.
            // (Every position the envelope takes is recorded in the page, so a slow test machine misses none.)
            await page.EvaluateAsync(@"() => {
                window.visits = [];
                new MutationObserver(() => {
                    const at = document.querySelector('#topology g.message')?.dataset.at;
                    if (at && window.visits.at(-1) !== at) { window.visits.push(at); }
                }).observe(document.getElementById('topology'), { childList: true, subtree: true });
            }");
            await row.ClickAsync();
            var message = page.Locator("#topology g.message");
            await Expect(page.Locator("#cursor-play")).ToHaveTextAsync("Play", new() { Timeout = 15_000 });
            await Expect(message).ToHaveAttributeAsync("data-at", "store:rosnou.ru");
            var visited = await page.EvaluateAsync<string[]>("() => window.visits");
            visited.Should().ContainInOrder("host:mail.ru", "dns:dns", "host:rosnou.ru", "store:rosnou.ru");
            await Expect(page.Locator("#stages tbody tr[data-stage='Relayed']")).ToHaveCountAsync(1);
            var stages = await page.Locator("#stages tbody tr").CountAsync();
            await Expect(page.Locator("#cursor")).ToHaveValueAsync((stages - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.Locator("#stages tbody tr.cursor")).ToHaveAttributeAsync("data-stage", "Relayed");

            // At the end both Received headers are there, newest on top, each tied to its hop.
            var received = page.Locator("#received li.received");
            await Expect(received).ToHaveCountAsync(2);
            (await received.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.host)")).Should().Equal("rosnou.ru", "mail.ru");
            await Expect(received.Nth(0).Locator("code")).ToContainTextAsync("by rosnou.ru with ESMTP");
            await Expect(received.Nth(1).Locator("code")).ToContainTextAsync("by mail.ru with ESMTPSA");

            // Back to the first stage: mail.ru has the message and has added the first header only.
            await page.Locator("#cursor").FillAsync("0");
            await Expect(page.Locator("#stages tbody tr.cursor")).ToHaveAttributeAsync("data-stage", "Received");
            await Expect(message).ToHaveAttributeAsync("data-at", "host:mail.ru");
            await Expect(received).ToHaveCountAsync(1);
            await Expect(received.First).ToHaveAttributeAsync("data-host", "mail.ru");
            await Expect(page.Locator(".hop.current")).ToHaveAttributeAsync("data-host", "mail.ru");
            await Expect(page.Locator("#topology g.host.on-path")).ToHaveCountAsync(1);
            await Expect(page.Locator("#cursor-prev")).ToBeDisabledAsync();

            // Forward one stage at a time to the MX lookup: the message is at DNS, mail.ru's DNS link lit.
            var mx = await page.Locator("#stages tbody tr[data-stage='MxLookup']").GetAttributeAsync("data-index");
            while (await page.Locator("#stages tbody tr.cursor").GetAttributeAsync("data-index") != mx)
            {
                await page.Locator("#cursor-next").ClickAsync();
            }

            await Expect(message).ToHaveAttributeAsync("data-at", "dns:dns");
            await Expect(page.Locator("#topology line.dns-link.on-path")).ToHaveAttributeAsync("data-dns-link", "mail.ru");
            await Expect(page.Locator("#topology g.dns.on-path")).ToHaveCountAsync(1);
            await Expect(received).ToHaveCountAsync(1);

            // A click on the rosnou.ru arrival jumps there: the second header appears.
            await page.Locator("#stages tbody tr[data-stage='Received'][data-host='rosnou.ru']").ClickAsync();
            await Expect(message).ToHaveAttributeAsync("data-at", "host:rosnou.ru");
            await Expect(received).ToHaveCountAsync(2);
            await Expect(page.Locator("#received li.latest")).ToHaveAttributeAsync("data-host", "rosnou.ru");
            await Expect(page.Locator("#topology line.link.on-path[data-link]")).ToHaveCountAsync(1);
            await Expect(page.Locator("#all-headers-list")).ToContainTextAsync("Subject: Lab 3 report");

            // The last hop: the student reads it by POP3. The stage, its transcript, and the message at the reader's client.
            await session.RetrieveAsStudentAsync();
            await Expect(page.Locator("#stages tbody tr[data-stage='RetrievedByPop3'][data-host='rosnou.ru']")).ToHaveCountAsync(1);
            var pop3 = page.Locator(".hop[data-role='pop3'][data-host='rosnou.ru']");
            await Expect(pop3.Locator(".line.client", new() { HasText = "RETR 1" })).ToHaveCountAsync(1);
            await Expect(pop3.Locator(".line.server", new() { HasText = "+OK" }).First).ToBeVisibleAsync();
            await page.Locator("#stages tbody tr[data-stage='RetrievedByPop3']").ClickAsync();
            await Expect(message).ToHaveAttributeAsync("data-at", "reader:student@rosnou.ru");
            await Expect(page.Locator("#topology g.client.on-path[data-client='student@rosnou.ru']")).ToHaveCountAsync(1);
            await Expect(pop3).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("current"));
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Journey_EndsAtTheClientOfEachAccountThatRetrievedIt_NotAtTheHostsFirstAccount()
    {
        // petr is rosnou.ru's alphabetically first account, so the page's default right-hand client.
        var world = DefaultTopology.Create(TimeProvider.System, portOffsetToZero: true);
        world.FindHost("rosnou.ru")!.Pop3.AddMailbox("petr@rosnou.ru", "petr123"); // a POP3 mailbox of rosnou.ru's POP3 domain
        await using var session = await PageSession.StartAsync(_browser.Browser, world);
        await session.RunAsync(nameof(Journey_EndsAtTheClientOfEachAccountThatRetrievedIt_NotAtTheHostsFirstAccount), async () =>
        {
            var page = session.Page;
            using var api = session.Api();
            var topology = page.Locator("#topology");
            var message = topology.Locator("g.message");
            var retrieved = page.Locator("#stages tbody tr[data-stage='RetrievedByPop3']");
            await session.OpenAsync();
            await Expect(topology.Locator("g.client[data-client='petr@rosnou.ru']")).ToHaveCountAsync(1);

            // The student reads a message for the student: the envelope flies to the student's client.
            await session.SendAsIvanAsync("student@rosnou.ru", "For the student");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "For the student" });
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
            await session.RetrieveAllAsync("student@rosnou.ru", "student123");
            await row.ClickAsync();
            await Expect(retrieved).ToHaveCountAsync(1);
            await retrieved.ClickAsync();
            await Expect(message).ToHaveAttributeAsync("data-at", "reader:student@rosnou.ru");
            await Expect(topology.Locator("g.client.on-path[data-client='student@rosnou.ru']")).ToHaveCountAsync(1);
            await Expect(topology.Locator("g.client[data-client='petr@rosnou.ru']")).ToHaveCountAsync(0);
            await Expect(topology.Locator("g.client[data-client='ivan@mail.ru']")).ToHaveCountAsync(1);
            await Expect(page.Locator(".hop[data-role='pop3']")).ToHaveAttributeAsync("data-reader", "student@rosnou.ru");
            await Expect(page.Locator(".hop[data-role='pop3'] h4")).ToContainTextAsync("student@rosnou.ru");

            // The API says who retrieved it, on the POP3 hop.
            var id = await row.GetAttributeAsync("data-id");
            var detail = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, $"/api/traces/{id}");
            detail.GetProperty("hops").EnumerateArray().Where(h => h.GetProperty("role").GetString() == "pop3")
                .Select(h => h.GetProperty("reader").GetString()).Should().Equal("student@rosnou.ru");

            // A message for both, read by each: two readers, each stage at its own reader's client.
            await session.SendAsIvanAsync("student@rosnou.ru, petr@rosnou.ru", "For both");
            var both = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "For both" });
            await Expect(both).ToHaveAttributeAsync("data-status", "delivered");
            await session.RetrieveAllAsync("petr@rosnou.ru", "petr123");
            await session.RetrieveAllAsync("student@rosnou.ru", "student123");
            await both.ClickAsync();
            await Expect(page.Locator("#d-subject")).ToHaveTextAsync("For both");
            await Expect(retrieved).ToHaveCountAsync(2);
            (await page.Locator(".hop[data-role='pop3']").EvaluateAllAsync<string[]>("hops => hops.map(h => h.dataset.reader)"))
                .Should().Equal("petr@rosnou.ru", "student@rosnou.ru");
            await Expect(topology.Locator("g.client[data-client='petr@rosnou.ru']")).ToHaveCountAsync(1);
            await Expect(topology.Locator("g.client[data-client='student@rosnou.ru']")).ToHaveCountAsync(1);
            await retrieved.Nth(0).ClickAsync();
            await Expect(message).ToHaveAttributeAsync("data-at", "reader:petr@rosnou.ru");
            await retrieved.Nth(1).ClickAsync();
            await Expect(message).ToHaveAttributeAsync("data-at", "reader:student@rosnou.ru");
            await Expect(topology.Locator("g.client.on-path")).ToHaveCountAsync(3);

            var readers = await topology.Locator("g.client > rect").EvaluateAllAsync<double[][]>(
                "rects => rects.map(r => { const b = r.getBBox(); return [b.x, b.y, b.width, b.height]; })");
            readers.Should().HaveCount(3);
            readers.Where((a, i) => readers.Skip(i + 1).Any(b => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]))
                .Should().BeEmpty("the clients do not overlap");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task MessagesSharingAConnection_EachJourneyShowsItsOwnTransaction_WithTheConnectionsGreetingAndEhlo()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(MessagesSharingAConnection_EachJourneyShowsItsOwnTransaction_WithTheConnectionsGreetingAndEhlo), async () =>
        {
            var page = session.Page;
            using var api = session.Api();
            await session.OpenAsync();

            // mail.ru's connection to rosnou.ru is held open while the second message comes, so both leave on it;
            // rosnou.ru refuses the first one's recipient with 550 5.1.1.
            var held = Integration.Tests.Infrastructure.HeldOutbound.Install(session.World);
            await session.SendAsIvanAsync("petr@rosnou.ru", "First on the connection");
            await held.Opened.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await session.SendAsIvanAsync("student@rosnou.ru", "Second on the connection");
            await Integration.Tests.Infrastructure.HeldOutbound.WaitingAsync(session.World.FindHost("mail.ru")!.Smtp.VirtualServers[0].OutboundConnections, 1);
            var fault = new { kind = "reply", host = "rosnou.ru", stage = "rcpt", code = 550, enhancedCode = "5.1.1", text = "No such user" };
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/faults", fault)).EnsureSuccessStatusCode();
            held.Release.SetResult();

            var first = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "First on the connection" });
            var second = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Second on the connection" });
            await Expect(first).ToHaveAttributeAsync("data-status", "bounced");
            await Expect(second).ToHaveAttributeAsync("data-status", "delivered");

            await second.ClickAsync();
            await Expect(page.Locator("#d-subject")).ToHaveTextAsync("Second on the connection");
            var sessions = new List<string?>();
            foreach (var (host, role) in new[] { ("mail.ru", "client"), ("rosnou.ru", "server") })
            {
                var hop = page.Locator($".hop[data-host='{host}'][data-role='{role}']");
                await Expect(hop.Locator(".line.client", new() { HasText = "RCPT TO:<student@rosnou.ru>" })).ToHaveCountAsync(1);
                await Expect(hop.Locator(".line", new() { HasText = "petr@rosnou.ru" })).ToHaveCountAsync(0);
                await Expect(hop.Locator(".line.server", new() { HasText = "550 5.1.1" })).ToHaveCountAsync(0);
                await Expect(hop.Locator(".line.client", new() { HasText = "MAIL FROM:" })).ToHaveCountAsync(1);
                await Expect(hop.Locator(".line.client", new() { HasText = "EHLO mail.ru" })).ToHaveCountAsync(1);
                await Expect(hop.Locator(".line.server", new() { HasText = "220 rosnou.ru" })).ToHaveCountAsync(1);
                await Expect(hop.Locator(".line.client", new() { HasText = "QUIT" })).ToHaveCountAsync(1);
                sessions.Add(await hop.GetAttributeAsync("data-session"));
            }

            // The first message's journey shows its own refused transaction on the same connection, at both ends.
            await first.ClickAsync();
            await Expect(page.Locator("#d-subject")).ToHaveTextAsync("First on the connection");
            foreach (var (host, role, index) in new[] { ("mail.ru", "client", 0), ("rosnou.ru", "server", 1) })
            {
                var hop = page.Locator($".hop[data-host='{host}'][data-role='{role}']");
                await Expect(hop).ToHaveAttributeAsync("data-session", sessions[index]!);
                await Expect(hop.Locator(".line.client", new() { HasText = "RCPT TO:<petr@rosnou.ru>" })).ToHaveCountAsync(1);
                await Expect(hop.Locator(".line.server", new() { HasText = "550 5.1.1" })).ToHaveCountAsync(1);
                await Expect(hop.Locator(".line", new() { HasText = "student@rosnou.ru" })).ToHaveCountAsync(0);
                await Expect(hop.Locator(".line.client", new() { HasText = "EHLO mail.ru" })).ToHaveCountAsync(1);
            }

            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task RefusedRecipient_IsShownBounced_WithTheFailureOnTheTopology()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(RefusedRecipient_IsShownBounced_WithTheFailureOnTheTopology), async () =>
        {
            var page = session.Page;
            using var api = session.Api();
            await session.OpenAsync();
            var fault = new { kind = "reply", host = "rosnou.ru", stage = "rcpt", code = 550, enhancedCode = "5.1.1", text = "No such user" };
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/faults", fault)).EnsureSuccessStatusCode();

            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Lab 3 report" });
            await Expect(row).ToHaveAttributeAsync("data-status", "bounced");
            await Expect(row.Locator(".status")).ToHaveTextAsync("bounced");

            await row.ClickAsync();
            var failed = page.Locator("#stages tbody tr[data-stage='Failed']");
            await Expect(failed).ToHaveCountAsync(1);
            await Expect(failed.Locator(".stage-text")).ToContainTextAsync("550");
            await failed.ClickAsync();
            await Expect(page.Locator("#topology g.message.problem")).ToHaveAttributeAsync("data-at", "host:mail.ru");
            await Expect(page.Locator("#d-status .status")).ToHaveTextAsync("bounced");

            // mail.ru wrote ivan a non-delivery report.
            await Expect(page.Locator("#stages tbody tr[data-stage='NdrGenerated'][data-host='mail.ru']")).ToHaveCountAsync(1);
            session.World.FindHost("mail.ru")!.Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(1);
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task HostileBody_IsShownInASandboxedFrame_AndRunsNothing()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(HostileBody_IsShownInASandboxedFrame_AndRunsNothing), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", Hostile, $"<p>Hello</p>{Hostile}");
            await page.Locator("#deliveries tbody tr[data-id]").First.ClickAsync();
            await Expect(page.Locator("#d-subject")).ToHaveTextAsync(Hostile);
            await Expect(page.Locator("#all-headers-list")).ToContainTextAsync($"Subject: {Hostile}");

            var frame = page.Locator("#d-body");
            await Expect(frame).ToHaveAttributeAsync("sandbox", "");
            await Expect(page.FrameLocator("#d-body").Locator("p")).ToHaveTextAsync("Hello");
            await Expect(page.FrameLocator("#d-body").Locator("img")).ToHaveCountAsync(1);
            await page.WaitForTimeoutAsync(300);

            (await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'")).Should().BeTrue();
            var body = page.Frames.Single(f => f != page.MainFrame);
            (await body.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'")).Should().BeTrue();
            (await page.Locator("#detail script, #detail img, #deliveries img").CountAsync()).Should().Be(0);
        });
    }

    [Fact]
    public async Task ClickingAHost_OpensItsDetails_VirtualServersPop3MailboxesAndQueue()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(ClickingAHost_OpensItsDetails_VirtualServersPop3MailboxesAndQueue), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await page.Locator("#topology g.host[data-host='rosnou.ru'] .host-name").ClickAsync();

            var details = page.Locator("#host-details");
            await Expect(details).ToBeVisibleAsync();
            await Expect(details).ToHaveAttributeAsync("data-host", "rosnou.ru");
            await Expect(details.Locator(".hd-vs")).ToHaveAttributeAsync("data-state", "Running");
            await Expect(details.Locator(".hd-vs")).ToContainTextAsync("rosnou.ru (local, default)");
            await Expect(details.Locator(".hd-queue")).ToHaveAttributeAsync("data-queue", "0");
            await Expect(details.Locator(".hd-pop3")).ToHaveAttributeAsync("data-enabled", "true");
            var mailbox = details.Locator("tr[data-mailbox='student@rosnou.ru']");
            await Expect(mailbox).ToHaveAttributeAsync("data-messages", "0");

            // A delivery updates the open panel; so does pausing the virtual server.
            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");
            await Expect(mailbox).ToHaveAttributeAsync("data-messages", "1");
            await page.Locator("#servers tbody tr[data-host='rosnou.ru'] button[data-action='pause']").ClickAsync();
            await Expect(details.Locator(".hd-vs")).ToHaveAttributeAsync("data-state", "Paused");

            await page.Locator("#host-details-close").ClickAsync();
            await Expect(details).ToBeHiddenAsync();

            // The DNS box shows the MX and A records.
            await Expect(page.Locator("#topology g.dns")).ToContainTextAsync("rosnou.ru MX 10 rosnou.ru");
            await Expect(page.Locator("#topology g.dns")).ToContainTextAsync("rosnou.ru A 203.0.113.10");
            await Expect(page.Locator("#topology line.dns-link")).ToHaveCountAsync(2);
            session.Errors.Should().BeEmpty();
        });
    }
}
