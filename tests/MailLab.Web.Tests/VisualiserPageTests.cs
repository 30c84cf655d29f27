using MailLab.Mail.World;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>The page at / in real Chromium: topology, live deliveries, a trace's hops, server control, languages, safety.</summary>
public sealed class VisualiserPageTests : IClassFixture<BrowserFixture>
{
    private const string HostileSubject = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    private readonly BrowserFixture _browser;

    public VisualiserPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task Page_ShowsTheTopology_WithBothHostsClientsAndLinks()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Page_ShowsTheTopology_WithBothHostsClientsAndLinks), async () =>
        {
            var response = await session.Page.GotoAsync(session.Url.ToString());
            response!.Headers["content-security-policy"].Should().Contain("default-src 'self'").And.Contain("script-src 'self'")
                .And.Contain("object-src 'none'").And.Contain("frame-ancestors 'none'");
            await Expect(session.Page.Locator("body[data-ready='1'][data-live='on']")).ToBeVisibleAsync();

            var topology = session.Page.Locator("#topology");
            await Expect(topology.Locator("g.host[data-host='mail.ru'] g.vs[data-state='Running']")).ToHaveCountAsync(1);
            await Expect(topology.Locator("g.host[data-host='rosnou.ru'] g.vs[data-state='Running']")).ToHaveCountAsync(1);
            await Expect(topology.Locator("g.client[data-client='ivan@mail.ru']")).ToContainTextAsync("ivan@mail.ru's client");
            await Expect(topology.Locator("g.client[data-client='student@rosnou.ru']")).ToContainTextAsync("student@rosnou.ru's client");
            await Expect(topology.Locator("line[data-link]")).ToHaveCountAsync(1);
            await Expect(session.Page.Locator("#clock-now")).Not.ToHaveTextAsync("—");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task SentMessage_AppearsLive_AndItsTraceShowsEveryHopInOrderWithTranscripts()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(SentMessage_AppearsLive_AndItsTraceShowsEveryHopInOrderWithTranscripts), async () =>
        {
            await session.OpenAsync();
            await Expect(session.Page.Locator("#deliveries-empty")).ToBeVisibleAsync();

            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");

            // No reload: the row arrives through the event stream and becomes "delivered".
            var row = session.Page.Locator("#deliveries tbody tr", new() { HasText = "Lab 3 report" });
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(row.Locator("td.from")).ToHaveTextAsync("ivan@mail.ru");
            await Expect(row.Locator("td.to")).ToHaveTextAsync("student@rosnou.ru");

            await row.ClickAsync();
            await Expect(session.Page.Locator("#d-subject")).ToHaveTextAsync("Lab 3 report");
            await Expect(session.Page.Locator("#stages tbody tr[data-stage='DeliveredToMailbox'][data-host='rosnou.ru']")).ToHaveCountAsync(1);

            var stages = await session.Page.Locator("#stages tbody tr").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => r.dataset.host + ' ' + r.dataset.stage)");
            // In log order: mail.ru accepts, queues and connects; rosnou.ru accepts and delivers; mail.ru
            // logs the relay once rosnou.ru's 250 has come back.
            stages.Should().ContainInOrder(
                "mail.ru Received", "mail.ru Queued", "mail.ru MxLookup", "mail.ru Connecting",
                "rosnou.ru Received", "rosnou.ru DeliveredToMailbox", "mail.ru Relayed");
            await Expect(session.Page.Locator("#stages tbody tr[data-stage='Relayed'] .stage-text")).ToContainTextAsync("250");

            // The hops along the path: submission at mail.ru, mail.ru relaying, arrival at rosnou.ru.
            var hops = await session.Page.Locator("#hops .hop").EvaluateAllAsync<string[]>("hops => hops.map(h => h.dataset.host + ' ' + h.dataset.role)");
            hops.Should().Equal("mail.ru server", "mail.ru client", "rosnou.ru server");
            var relay = session.Page.Locator(".hop[data-host='mail.ru'][data-role='client']");
            await Expect(relay.Locator(".line.client", new() { HasText = "RCPT TO:<student@rosnou.ru>" })).ToHaveCountAsync(1);

            // The submission at mail.ru and the relay's arrival at rosnou.ru, each with C: and S: lines told apart.
            var submission = session.Page.Locator(".hop[data-host='mail.ru'][data-role='server']");
            await Expect(submission.Locator(".line.client[data-direction='C']", new() { HasText = "MAIL FROM:<ivan@mail.ru>" })).ToHaveCountAsync(1);
            await Expect(submission.Locator(".line.server[data-direction='S']").First).ToContainTextAsync("220");
            await Expect(submission.Locator(".line.client").First).ToContainTextAsync("C: ");
            var arrival = session.Page.Locator(".hop[data-host='rosnou.ru'][data-role='server']");
            await Expect(arrival.Locator(".line.client", new() { HasText = "RCPT TO:<student@rosnou.ru>" })).ToHaveCountAsync(1);
            await Expect(arrival.Locator(".line.server", new() { HasText = "250" }).First).ToBeVisibleAsync();

            // The path is highlighted on the topology.
            var topology = session.Page.Locator("#topology");
            await Expect(topology.Locator("g.host.on-path")).ToHaveCountAsync(2);
            await Expect(topology.Locator("line.link.on-path[data-link]")).ToHaveCountAsync(1);
            await Expect(topology.Locator("g.client.on-path[data-client='student@rosnou.ru']")).ToHaveCountAsync(1);
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task PausingRosnouFromThePage_RefusesNewSmtpConnectionsWith421()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(PausingRosnouFromThePage_RefusesNewSmtpConnectionsWith421), async () =>
        {
            await session.OpenAsync();
            var row = session.Page.Locator("#servers tbody tr[data-host='rosnou.ru']");
            await row.Locator("button[data-action='pause']").ClickAsync();

            await Expect(row).ToHaveAttributeAsync("data-state", "Paused");
            await Expect(session.Page.Locator("#topology g.host[data-host='rosnou.ru'] g.vs")).ToHaveAttributeAsync("data-state", "Paused");
            await Expect(row.Locator("button[data-action='start']")).ToBeEnabledAsync();

            await using (var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint("rosnou.ru")))
            {
                (await client.ReadReplyAsync()).Should().StartWith("421 4.3.2");
                (await client.IsClosedAsync()).Should().BeTrue();
            }

            await row.Locator("button[data-action='start']").ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-state", "Running");
            await using (var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint("rosnou.ru")))
            {
                (await client.ReadReplyAsync()).Should().StartWith("220 ");
            }

            session.World.FindHost("rosnou.ru")!.Smtp.Find(DefaultTopology.VirtualServerName)!.State
                .Should().Be(Mail.Smtp.VirtualServerState.Running);
        });
    }

    [Fact]
    public async Task LanguageSwitch_ShowsRussianLabels_AndIsRemembered()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(LanguageSwitch_ShowsRussianLabels_AndIsRemembered), async () =>
        {
            await session.OpenAsync();
            await Expect(session.Page.Locator(".deliveries h2")).ToHaveTextAsync("Deliveries");

            await session.Page.Locator("#lang").ClickAsync();

            await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
            await Expect(session.Page.Locator(".deliveries h2")).ToHaveTextAsync("Доставки");
            await Expect(session.Page.Locator(".topology h2")).ToHaveTextAsync("Топология");
            await Expect(session.Page.Locator("#servers tbody tr[data-host='mail.ru'] button[data-action='pause']")).ToHaveTextAsync("Приостановить");
            await Expect(session.Page.Locator("#servers tbody tr[data-host='mail.ru'] .state")).ToHaveTextAsync("Работает");
            await Expect(session.Page.Locator("#topology g.client[data-client='ivan@mail.ru']")).ToContainTextAsync("клиент ivan@mail.ru");
            await Expect(session.Page.Locator("#lang")).ToHaveTextAsync("English");
            await Expect(session.Page.Locator("#world-reset")).ToHaveTextAsync("Сбросить мир");
            await Expect(session.Page.Locator("#topology g.dns .dns-name")).ToHaveTextAsync("DNS");
            await Expect(session.Page.Locator("#topology g.store[data-store='rosnou.ru']")).ToContainTextAsync("хранилище ящиков");
            await session.Page.Locator("#topology g.host[data-host='mail.ru'] .host-name").ClickAsync();
            await Expect(session.Page.Locator("#host-details h3")).ToContainTextAsync("Узел");
            await Expect(session.Page.Locator("#host-details-body")).ToContainTextAsync("Служба POP3");
            await Expect(session.Page.Locator("#host-details-body")).ToContainTextAsync("локальный, по умолчанию");
            await Expect(session.Page.Locator(".detail h3", new() { HasText = "Как росли заголовки" })).ToHaveCountAsync(1);
            await Expect(session.Page.Locator("#cursor-next")).ToHaveTextAsync("Вперёд ▶");

            await session.Page.ReloadAsync();
            await Expect(session.Page.Locator(".deliveries h2")).ToHaveTextAsync("Доставки");

            await session.Page.Locator("#lang").ClickAsync();
            await Expect(session.Page.Locator(".deliveries h2")).ToHaveTextAsync("Deliveries");
        });
    }

    [Fact]
    public async Task HostileSubject_IsShownAsText_AndRunsNothing()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(HostileSubject_IsShownAsText_AndRunsNothing), async () =>
        {
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", HostileSubject);

            var row = session.Page.Locator("#deliveries tbody tr[data-id]").First;
            await Expect(row.Locator("td.subject")).ToHaveTextAsync(HostileSubject);
            await row.ClickAsync();
            await Expect(session.Page.Locator("#d-subject")).ToHaveTextAsync(HostileSubject);
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(session.Page.Locator(".hop .line", new() { HasText = "MAIL FROM:<ivan@mail.ru>" }).First).ToBeVisibleAsync();

            (await session.Page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'")).Should().BeTrue();
            (await session.Page.Locator("#deliveries script, #deliveries img, #detail script, #detail img").CountAsync()).Should().Be(0);
        });
    }
}
