using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// Under <c>maillab up --any-port</c> (every listener configured with port 0, as in these tests) the page
/// shows the port that is listening, not "TCP port 0".
/// </summary>
public sealed class AnyPortPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PropertiesAndPop3Page_ShowTheBoundPort_OfAPortZeroListener()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(PropertiesAndPop3Page_ShowTheBoundPort_OfAPortZeroListener), async () =>
        {
            await session.OpenAsync();
            var smtp = session.SmtpEndPoint("rosnou.ru").Port;
            smtp.Should().NotBe(0);

            var sheet = await AdminPageTests.OpenPropertiesAsync(session, "rosnou.ru");
            var identity = sheet.Locator("fieldset[data-role='identity'] dl");
            (await PortShown(identity, "TCP port")).Should().Be($"{smtp} (any free port: 0 in the configuration)");
            await sheet.Locator("button[data-action='cancel']").ClickAsync();

            var pop3 = session.Runtime.GetPop3EndPoint(session.World.FindHost("rosnou.ru")!.Pop3)!.Port;
            await session.Page.Locator("#admin-hosts tr[data-host='rosnou.ru'] button[data-action='pop3']").ClickAsync();
            var page = session.Page.Locator("#admin-pop3[data-host='rosnou.ru'][data-loaded='1']");
            await Expect(page.Locator("[data-role='bound-port']")).ToHaveTextAsync($"{pop3} (any free port: 0 in the configuration)");
        });
    }

    /// <summary>The value next to a label of a summary list.</summary>
    private static Task<string> PortShown(Microsoft.Playwright.ILocator list, string label) =>
        list.EvaluateAsync<string>("(dl, label) => [...dl.querySelectorAll('dt')].find(dt => dt.textContent === label)?.nextElementSibling?.textContent ?? ''", label);
}
