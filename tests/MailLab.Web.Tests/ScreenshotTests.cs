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

            var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(output);
            var topology = Path.Combine(output, "topology.png");
            var trace = Path.Combine(output, "trace.png");
            await session.Page.Locator("section.topology").ScreenshotAsync(new() { Path = topology });
            await session.Page.ScreenshotAsync(new() { Path = trace, FullPage = true });
            new FileInfo(topology).Length.Should().BeGreaterThan(10_000);
            new FileInfo(trace).Length.Should().BeGreaterThan(10_000);

            if (Environment.GetEnvironmentVariable("MAILLAB_SCREENSHOTS") == "1")
            {
                var images = Path.Combine(RepositoryRoot(), "docs", "images");
                Directory.CreateDirectory(images);
                File.Copy(topology, Path.Combine(images, "web-topology.png"), overwrite: true);
                File.Copy(trace, Path.Combine(images, "web-trace.png"), overwrite: true);
            }
        });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MailLab.sln not found above " + AppContext.BaseDirectory);
    }
}
