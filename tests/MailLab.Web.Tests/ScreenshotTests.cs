using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// Screenshots of the main views for README.md. Always rendered into the test output; copied to
/// docs/images/ when MAILLAB_SCREENSHOTS=1:
/// <c>MAILLAB_SCREENSHOTS=1 dotnet test tests/MailLab.Web.Tests --filter Category=Screenshots</c>.
/// </summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public ScreenshotTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task RendersTheTopologyAndATrace()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(RendersTheTopologyAndATrace), async () =>
        {
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");
            await session.SendAsIvanAsync("student@rosnou.ru", "Вопрос по лекции «Электронная почта»");
            var row = session.Page.Locator("#deliveries tbody tr", new() { HasText = "Lab 3 report" });
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(session.Page.Locator("#deliveries tbody tr[data-status='delivered']")).ToHaveCountAsync(2);
            await row.ClickAsync();
            await Expect(session.Page.Locator("#stages tbody tr[data-stage='Relayed']")).ToHaveCountAsync(1);

            // The journey stopped on rosnou.ru's arrival (its Received header just added), rosnou.ru's details open.
            await session.Page.Locator("#stages tbody tr[data-stage='Received'][data-host='rosnou.ru']").ClickAsync();
            await Expect(session.Page.Locator("#topology g.message")).ToHaveAttributeAsync("data-at", "host:rosnou.ru");
            await Expect(session.Page.Locator("#topology g.host.on-path")).ToHaveCountAsync(2);
            await session.Page.Locator("#topology g.host[data-host='rosnou.ru'] .host-name").ClickAsync();
            await Expect(session.Page.Locator("#host-details tr[data-mailbox='student@rosnou.ru']")).ToHaveAttributeAsync("data-messages", "2");
            await Expect(session.Page.FrameLocator("#d-body").Locator("body")).ToContainTextAsync("Привет!");
            await session.Page.Locator("#d-body").ScrollIntoViewIfNeededAsync(); // Chromium paints an off-screen frame only once seen
            await session.Page.Locator("body").ScrollIntoViewIfNeededAsync();
            await session.Page.WaitForTimeoutAsync(500); // the envelope's glide

            var topology = Output("topology.png");
            var trace = Output("trace.png");
            await session.Page.Locator("section.topology").ScreenshotAsync(new() { Path = topology });
            await session.Page.ScreenshotAsync(new() { Path = trace, FullPage = true });
            new FileInfo(topology).Length.Should().BeGreaterThan(10_000);
            new FileInfo(trace).Length.Should().BeGreaterThan(10_000);
            Publish(topology, "web-topology.png");
            Publish(trace, "web-trace.png");
        });
    }

    [Fact]
    public async Task RendersAnAdminPropertySheetAndThePop3Page()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(RendersAnAdminPropertySheetAndThePop3Page), async () =>
        {
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 3 report");
            await Expect(session.Page.Locator("#deliveries tbody tr[data-status='delivered']")).ToHaveCountAsync(1);
            var sheet = await AdminPageTests.OpenPropertiesAsync(session, "mail.ru");
            await sheet.Locator("[role='tab'][data-tab='messages']").ClickAsync();
            await Expect(sheet.Locator("input[name='maxMessageSizeKb']")).ToHaveValueAsync("2048");
            var admin = Output("admin.png");
            await sheet.ScreenshotAsync(new() { Path = admin });
            await sheet.Locator("button[data-action='cancel']").ClickAsync();

            await session.Page.Locator("#admin-hosts tr[data-host='rosnou.ru'] button[data-action='pop3']").ClickAsync();
            var pop3Page = session.Page.Locator("#admin-pop3[data-loaded='1']");
            await Expect(pop3Page.Locator("tr[data-mailbox='student@rosnou.ru']")).ToBeVisibleAsync();
            var pop3 = Output("admin-pop3.png");
            await pop3Page.ScreenshotAsync(new() { Path = pop3 });

            new FileInfo(admin).Length.Should().BeGreaterThan(10_000);
            new FileInfo(pop3).Length.Should().BeGreaterThan(10_000);
            Publish(admin, "web-admin.png");
            Publish(pop3, "web-admin-pop3.png");
        });
    }

    private static string Output(string name)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(output);
        return Path.Combine(output, name);
    }

    /// <summary>Copies a screenshot to docs/images/ when MAILLAB_SCREENSHOTS=1.</summary>
    private static void Publish(string screenshot, string name)
    {
        if (Environment.GetEnvironmentVariable("MAILLAB_SCREENSHOTS") == "1")
        {
            var images = Path.Combine(RepositoryPaths.Root, "docs", "images");
            Directory.CreateDirectory(images);
            File.Copy(screenshot, Path.Combine(images, name), overwrite: true);
        }
    }
}
