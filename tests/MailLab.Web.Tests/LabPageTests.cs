using MailLab.Mail.Topology;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// The Labs panel: a lab opened beside the topology, checked (every task ✗ with what was expected and
/// what is there), configured through the POP3 property sheet, checked again (every task ✓); in
/// Russian too, where the lab is first started from the panel (the world reset to its topology).
/// </summary>
public sealed class LabPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Lab = "25-pop3-authentication-method";

    private static string Topology => Path.Combine(AppContext.BaseDirectory, "courseware", "labs", Lab, "topology.yaml");

    [Fact]
    public async Task ALab_ChecksFailing_ThenPassing_AfterThePropertySheet()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, TopologyLoader.LoadFile(Topology, TimeProvider.System, portsToZero: true));
        await session.RunAsync(nameof(ALab_ChecksFailing_ThenPassing_AfterThePropertySheet), async () =>
        {
            await session.OpenAsync();
            var view = await OpenLabAsync(session);
            await Expect(view.Locator("#lab-title")).ToHaveTextAsync("The POP3 service's authentication method");
            await Expect(view.Locator("#lab-instructions h3").First).ToHaveTextAsync("The POP3 service's authentication method");
            await Expect(view.Locator("#lab-instructions table.md-table tbody tr")).ToHaveCountAsync(3);
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("Not checked yet: do the tasks, then press Check.");

            await CheckAsync(view, 1);
            var method = view.Locator("li[data-task='password-file']");
            await Expect(method).ToHaveAttributeAsync("data-status", "failed");
            await Expect(method.Locator(".lab-mark")).ToHaveTextAsync("✗");
            await Expect(method.Locator(".lab-why")).ToContainTextAsync("Expected: passwordFile");
            await Expect(method.Locator(".lab-why")).ToContainTextAsync("Actual: local");
            await Expect(view.Locator("li[data-task='require-spa']")).ToHaveAttributeAsync("data-status", "failed");
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("0 of 2 tasks done");

            await ConfigureAsync(session);
            await CheckAsync(view, 2);
            await Expect(view.Locator("li[data-status='passed']")).ToHaveCountAsync(2);
            await Expect(method.Locator(".lab-mark")).ToHaveTextAsync("✓");
            await Expect(view).ToHaveAttributeAsync("data-passed", "true");
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("2 of 2 tasks done");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task InRussian_ALabStartedFromThePanel_ChecksFailing_ThenPassing()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(InRussian_ALabStartedFromThePanel_ChecksFailing_ThenPassing), async () =>
        {
            await session.OpenAsync();
            await Expect(session.Page.Locator("#labs h2")).ToHaveTextAsync("Лабораторные работы");
            var view = await OpenLabAsync(session);
            await Expect(view.Locator("#lab-title")).ToHaveTextAsync("Метод проверки подлинности службы POP3");
            await Expect(view.Locator("#lab-meta")).ToHaveTextAsync("слайд 25 «Настройка службы POP3. Метод проверки подлинности» · 15 мин");

            session.World.FindHost("rosnou.ru")!.Pop3.Domains.Should().NotBeEmpty("the default topology runs before the lab starts");
            session.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await view.Locator("#lab-start").ClickAsync();
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("Мир запущен с начальной топологией работы.");
            session.World.FindHost("rosnou.ru")!.Pop3.Domains.Should().BeEmpty("the lab's topology has no POP3 domain yet");

            await CheckAsync(view, 1);
            var method = view.Locator("li[data-task='password-file']");
            await Expect(method).ToHaveAttributeAsync("data-status", "failed");
            await Expect(method.Locator(".lab-task-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Выберите для службы POP3 на rosnou.ru"));
            await Expect(method.Locator(".lab-message")).ToHaveTextAsync("У службы POP3 на rosnou.ru authentication = local");
            await Expect(method.Locator(".lab-why")).ToContainTextAsync("Ожидалось: passwordFile");
            await Expect(method.Locator(".lab-why")).ToContainTextAsync("Получено: local");
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("Выполнено заданий: 0 из 2");

            await ConfigureAsync(session);
            await CheckAsync(view, 2);
            await Expect(view.Locator("li[data-status='passed']")).ToHaveCountAsync(2);
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("Выполнено заданий: 2 из 2");

            // The language switch shows the same lab and check in English.
            await session.Page.Locator("#lang").ClickAsync();
            await Expect(view.Locator("#lab-summary")).ToHaveTextAsync("2 of 2 tasks done");
            await Expect(view.Locator("#lab-title")).ToHaveTextAsync("The POP3 service's authentication method");
            session.Errors.Where(e => !e.Contains("The document is sandboxed", StringComparison.Ordinal)).Should().BeEmpty();
        });
    }

    private static async Task<ILocator> OpenLabAsync(PageSession session)
    {
        await Expect(session.Page.Locator($"#lab-select option[value='{Lab}']")).ToHaveCountAsync(1);
        await session.Page.Locator("#lab-select").SelectOptionAsync(Lab);
        await session.Page.Locator("#lab-open").ClickAsync();
        var view = session.Page.Locator($"#lab-view[data-lab='{Lab}']");
        await Expect(view).ToBeVisibleAsync();
        return view;
    }

    private static async Task CheckAsync(ILocator view, int count)
    {
        await view.Locator("#lab-check").ClickAsync();
        await Expect(view).ToHaveAttributeAsync("data-checked", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The POP3 service's property sheet of rosnou.ru: the encrypted password file and Require SPA, applied.</summary>
    private static async Task ConfigureAsync(PageSession session)
    {
        await session.Page.Locator("#admin-hosts tr[data-host='rosnou.ru'] button[data-action='pop3']").ClickAsync();
        var pop3 = session.Page.Locator("#admin-pop3[data-host='rosnou.ru'][data-loaded='1']");
        await Expect(pop3).ToBeVisibleAsync();
        await pop3.Locator("select[name='authentication']").SelectOptionAsync("passwordFile");
        await pop3.Locator("input[name='requireSpa']").CheckAsync();
        await pop3.Locator("button[data-action='apply-pop3']").ClickAsync();
        await Expect(pop3).ToHaveAttributeAsync("data-applied", "1");
        await pop3.Locator("button[data-action='close']").ClickAsync();
    }
}
