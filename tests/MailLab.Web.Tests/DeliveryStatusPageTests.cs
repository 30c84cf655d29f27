using MailLab.Integration.Tests.Delivery;
using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// The list and the journey show each message's status as the server's trace reader derives it: mail
/// relayed to a real server outside the world, a message delivered to some recipients and bounced for
/// others, and a delay notice that is a message of its own while the original waits in the queue.
/// </summary>
public sealed class DeliveryStatusPageTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public DeliveryStatusPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task MailRelayedToARealServer_ShowsRelayedOut_AndAPartlyBouncedMessage_ShowsEachRecipient()
    {
        // A real SMTP server on loopback is mail.ru's smart host: everything remote leaves the world there.
        await using var remote = new ScriptedSmtpServer();
        remote.RecipientReplies["bad@scripted.example"] = "550 5.1.1 <bad@scripted.example>: Recipient address rejected: User unknown";
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(MailRelayedToARealServer_ShowsRelayedOut_AndAPartlyBouncedMessage_ShowsEachRecipient), async () =>
        {
            var page = session.Page;
            session.World.FindHost("mail.ru")!.Smtp.VirtualServers[0].Configure(s => s with { Delivery = s.Delivery with { SmartHost = $"[127.0.0.1]:{remote.Port}" } });
            await session.OpenAsync();
            var target = $"127.0.0.1:{remote.Port}";

            await session.SendAsIvanAsync("far@scripted.example", "Out of the world");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Out of the world" });
            await Expect(row).ToHaveAttributeAsync("data-status", "relayed");
            await Expect(row.Locator(".status")).ToHaveTextAsync("relayed out");
            remote.Accepted.Should().ContainSingle().Which.Recipients.Should().Equal("far@scripted.example");

            await row.ClickAsync();
            var far = page.Locator("#d-recipients .recipient[data-address='far@scripted.example']");
            await Expect(far).ToHaveAttributeAsync("data-status", "relayed");
            await Expect(far.Locator(".where")).ToHaveTextAsync($" mail.ru → {target}");
            await Expect(far.Locator(".detail")).ToContainTextAsync("250 2.0.0 Message accepted");
            await Expect(page.Locator("#headers-missing-why")).ToContainTextAsync($"relayed out of the world by mail.ru to {target}");

            // A local, a relayed and a refused recipient: neither "bounced" nor "delivered" alone.
            await session.SendAsIvanAsync("ivan@mail.ru, far@scripted.example, bad@scripted.example", "Three ways");
            var mixed = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Three ways" });
            await Expect(mixed).ToHaveAttributeAsync("data-status", "partial");
            await Expect(mixed.Locator(".status-summary")).ToHaveTextAsync(" delivered 1/3, relayed out 1, bounced 1");
            await mixed.ClickAsync();
            await Expect(page.Locator("#d-recipients .recipient")).ToHaveCountAsync(3);
            await Expect(page.Locator("#d-recipients .recipient[data-address='ivan@mail.ru']")).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(page.Locator("#d-recipients .recipient[data-address='bad@scripted.example']")).ToHaveAttributeAsync("data-status", "bounced");

            // Its NDR is a row of its own, linked from the message.
            var ndr = page.Locator("#deliveries tbody tr[data-kind='nonDeliveryReport']");
            await Expect(ndr).ToHaveCountAsync(1);
            await Expect(ndr).ToHaveAttributeAsync("data-status", "delivered");
            await page.Locator("#d-links button.related").ClickAsync();
            await Expect(page.Locator("#d-subject")).ToContainTextAsync("Delivery Status Notification (Failure)");
            await Expect(page.Locator("#d-links button.related")).ToContainTextAsync("About message");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task DelayNotice_IsARowOfItsOwn_AndTheQueuedOriginalStaysDeferredWithItsOwnHeadersAndBody()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, simulate: true);
        await session.RunAsync(nameof(DelayNotice_IsARowOfItsOwn_AndTheQueuedOriginalStaysDeferredWithItsOwnHeadersAndBody), async () =>
        {
            var page = session.Page;
            session.World.Links.SetHostReachable("rosnou.ru", false);
            await session.OpenAsync();

            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report", "The original body");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Lab 3 report" });
            await Expect(row).ToHaveAttributeAsync("data-status", "deferred");

            // 13 hours: past the 12-hour delay notification, long before expiration.
            await page.Locator("#advance-amount").FillAsync("13");
            await page.Locator("#advance-unit").SelectOptionAsync("H");
            await page.Locator("#clock-advance").ClickAsync();
            var notice = page.Locator("#deliveries tbody tr[data-kind='delayNotification']");
            await Expect(notice).ToHaveCountAsync(1);
            await Expect(notice).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(notice.Locator(".kind")).ToHaveTextAsync("delay notice");
            await Expect(row).ToHaveAttributeAsync("data-status", "deferred");
            session.World.FindHost("mail.ru")!.Smtp.VirtualServers[0].Queue.Count.Should().Be(1);

            // The original's journey: a delay notice stage, not an NDR nor the notice's delivery; its own copy's headers and body.
            await row.ClickAsync();
            await Expect(page.Locator("#stages tbody tr[data-stage='DelayNotification']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#stages tbody tr[data-stage='DelayNotification'] .stage-name")).ToHaveTextAsync("delay notice");
            await Expect(page.Locator("#stages tbody tr[data-stage='NdrGenerated']")).ToHaveCountAsync(0);
            await Expect(page.Locator("#stages tbody tr[data-stage='DeliveredToMailbox']")).ToHaveCountAsync(0);
            await Expect(page.Locator("#d-status .status")).ToHaveTextAsync("deferred");
            await Expect(page.Locator("#headers-missing")).ToBeHiddenAsync();
            await Expect(page.Locator("#all-headers-list")).ToContainTextAsync("Subject: Lab 3 report");
            await Expect(page.Locator("#d-body")).ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("The original body"));
            await page.Locator("#cursor").FillAsync(await page.Locator("#cursor").GetAttributeAsync("max") ?? "0");
            await Expect(page.Locator("#received li.received")).ToHaveCountAsync(1);

            // The notice's own journey, linked both ways.
            await page.Locator("#d-links button.related").ClickAsync();
            await Expect(page.Locator("#d-subject")).ToContainTextAsync("Delivery Status Notification (Delay)");
            await Expect(page.Locator("#stages tbody tr[data-stage='DeliveredToMailbox'][data-host='mail.ru']")).ToHaveCountAsync(1);
            await page.Locator("#d-links button.related").ClickAsync();
            await Expect(page.Locator("#d-subject")).ToHaveTextAsync("Lab 3 report");
            session.Errors.Where(e => !e.Contains("/api/events", StringComparison.Ordinal)).Should().BeEmpty();
        });
    }
}
