using System.Net.Http.Json;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// The page with Russian selected: counts in the right plural form (1 сообщение, 2 сообщения, 5 сообщений),
/// a stage's Details in Russian, sizes in КБ, and the POP3 dialog's mailbox table inside its box
/// (it overflowed it: 893 px in 732, hiding "Создать файл квоты" and "Удалить").
/// </summary>
public sealed class RussianPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DeliveryCount_AndStageDetails_AreRussian()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(DeliveryCount_AndStageDetails_AreRussian), async () =>
        {
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Лабораторная 1");
            await Expect(session.Page.Locator("#deliveries-count")).ToHaveTextAsync("1 сообщение.");

            await session.RetrieveAsStudentAsync();
            var row = session.Page.Locator("#deliveries tbody tr[data-id]").First;
            await row.ClickAsync();
            var stages = session.Page.Locator("#stages tbody");
            await Expect(stages.Locator("tr[data-stage='RetrievedByPop3'] .stage-text")).ToHaveTextAsync("Получено по POP3 пользователем student@rosnou.ru");
            await Expect(stages.Locator("tr[data-stage='Received'][data-host='rosnou.ru'] .stage-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Принято ML\S+ от <ivan@mail\.ru> для student@rosnou\.ru \(\d+ октет(а|ов)?\)$"));
            await Expect(stages.Locator("tr[data-stage='Cleanup'] .stage-text").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Добавлен"));
            await Expect(stages.Locator("tr[data-stage='Queued'] .stage-text")).ToContainTextAsync("поставлено в очередь для student@rosnou.ru");
            await Expect(stages.Locator("tr[data-stage='MxLookup'] .stage-text")).ToHaveTextAsync("MX rosnou.ru: 10 rosnou.ru");
            await Expect(stages.Locator("tr[data-stage='Connecting'] .stage-text")).ToHaveTextAsync("Соединение с rosnou.ru");
            await Expect(stages.Locator("tr[data-stage='Relayed'] .stage-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Передано rosnou.ru для <student@rosnou.ru>: 250 "));
            await Expect(stages.Locator("tr[data-stage='DeliveredToMailbox'] .stage-text")).ToHaveTextAsync("Доставлено в почтовый ящик student@rosnou.ru");
            var english = await stages.Locator(".stage-text").EvaluateAllAsync<string[]>(
                "cells => cells.map(c => c.textContent).filter(t => /^(Accepted|Added|Queued|Connecting|Relayed|Delivered|Retrieved)/.test(t))");
            english.Should().BeEmpty("every stock stage text has its Russian");

            // In English the same list is "2 messages.", and the details are the server's.
            await session.SendAsIvanAsync("student@rosnou.ru", "Лабораторная 2");
            await Expect(session.Page.Locator("#deliveries-count")).ToHaveTextAsync("2 сообщения.");
            await session.Page.Locator("#lang").ClickAsync();
            await Expect(session.Page.Locator("#deliveries-count")).ToHaveTextAsync("2 messages.");
            await Expect(stages.Locator("tr[data-stage='DeliveredToMailbox'] .stage-text")).ToHaveTextAsync("Delivered to the mailbox student@rosnou.ru");
            for (var i = 3; i <= 5; i++)
            {
                await session.SendAsIvanAsync("student@rosnou.ru", $"Лабораторная {i}");
            }

            await Expect(session.Page.Locator("#deliveries-count")).ToHaveTextAsync("5 messages.");
            await session.Page.Locator("#lang").ClickAsync();
            await Expect(session.Page.Locator("#deliveries-count")).ToHaveTextAsync("5 сообщений.");
            PageErrors(session).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task LdapRoutingsDirectoryLookups_AreRussian()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(LdapRoutingsDirectoryLookups_AreRussian), async () =>
        {
            using (var api = session.Api())
            {
                var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/servers/rosnou.ru/smtp/Default%20SMTP%20Virtual%20Server/settings")
                {
                    Content = JsonContent.Create(new Dictionary<string, object?> { ["ldapRoutingEnabled"] = true }),
                };
                (await api.SendAsync(patch)).EnsureSuccessStatusCode();
            }

            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Через каталог");
            await session.Page.Locator("#deliveries tbody tr[data-id]").First.ClickAsync();
            var lookups = session.Page.Locator("#stages tbody tr[data-stage='DirectoryLookup'] .stage-text");
            await Expect(lookups.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Отправитель: Active Directory .+: по фильтру \(.+\) ничего не найдено: <ivan@mail\.ru> — не получатель$"));
            await Expect(lookups.Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Active Directory .+: по фильтру \(.+\) найден .+: <student@rosnou\.ru> доставляется в student@rosnou\.ru$"));
            PageErrors(session).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task EnglishCount_OfOneMessage_IsSingular()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "en");
        await session.RunAsync(nameof(EnglishCount_OfOneMessage_IsSingular), async () =>
        {
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "one");
            await Expect(session.Page.Locator("#deliveries-count")).ToHaveTextAsync("1 message.");
        });
    }

    [Fact]
    public async Task Pop3Dialog_InRussian_FitsItsBox_WithSizesInKilobytes()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(Pop3Dialog_InRussian_FitsItsBox_WithSizesInKilobytes), async () =>
        {
            using (var api = session.Api())
            {
                // The domain may exist already (a default POP3 domain); the mailbox and its quota file are new.
                await Winpop(api, "add", "rosnou.ru");
                (await Winpop(api, "add", "anna.karenina@rosnou.ru", "/createuser", "Secret1")).Should().Be(0);
                (await Winpop(api, "createquotafile", "anna.karenina@rosnou.ru")).Should().Be(0);
            }

            await session.SendAsIvanAsync("anna.karenina@rosnou.ru", "Письмо");
            await session.OpenAsync();
            await session.Page.Locator("#admin-hosts tr[data-host='rosnou.ru'] button[data-action='pop3']").ClickAsync();
            var dialog = session.Page.Locator("#admin-pop3[data-host='rosnou.ru'][data-loaded='1']");
            await Expect(dialog).ToBeVisibleAsync();
            var anna = dialog.Locator("tr[data-mailbox='anna.karenina@rosnou.ru']");
            await Expect(anna.Locator("[data-role='size']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+,\d КБ$"));
            await Expect(anna.Locator("td").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+,\d КБ / \d+,\d КБ$"));
            await Expect(anna.Locator("button[data-action='quota']")).ToHaveTextAsync("Создать файл квоты");

            var overflow = await dialog.Locator("table.mailboxes").EvaluateAllAsync<string[]>(
                "tables => tables.flatMap(t => { const box = t.closest('fieldset'); const body = t.closest('.dialog-body');" +
                " return [t.scrollWidth > t.clientWidth ? `table ${t.scrollWidth} > ${t.clientWidth}` : null," +
                " t.offsetWidth > box.clientWidth ? `table ${t.offsetWidth} px in its box of ${box.clientWidth}` : null," +
                " body.scrollWidth > body.clientWidth ? `dialog body ${body.scrollWidth} > ${body.clientWidth}` : null]; }).filter(x => x)");
            overflow.Should().BeEmpty();

            // Every button of the row is drawn inside the dialog's body, none cut off at its edge.
            var body = (await dialog.Locator(".dialog-body").BoundingBoxAsync())!;
            foreach (var button in await anna.Locator("button").AllAsync())
            {
                var box = (await button.BoundingBoxAsync())!;
                (box.X + box.Width).Should().BeLessThanOrEqualTo(body.X + body.Width, await button.InnerTextAsync());
                box.X.Should().BeGreaterThanOrEqualTo(body.X);
            }

            PageErrors(session).Should().BeEmpty();
        });
    }

    private static IEnumerable<string> PageErrors(PageSession session) => session.UnexpectedErrors();

    private static async Task<int> Winpop(HttpClient api, params string[] args)
    {
        using var response = await api.PostAsJsonAsync("/api/servers/rosnou.ru/pop3/winpop", new { args });
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("exitCode").GetInt32();
    }
}
