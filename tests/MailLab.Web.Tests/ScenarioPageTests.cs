using System.Text;
using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>The Scenario panel: a pasted feature run on the server, stepped through with Next and the slider; a picked file with bad text.</summary>
public sealed class ScenarioPageTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public ScenarioPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task PastedFeature_Runs_NextShowsEachStepsEvents_AndTheFailedStepsMessage()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, simulate: true);
        await session.RunAsync(nameof(PastedFeature_Runs_NextShowsEachStepsEvents_AndTheFailedStepsMessage), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await page.Locator("#scenario-text").FillAsync(ScenarioApiTests.CanonicalFeature);
            await page.Locator("#scenario-run").ClickAsync();

            var scenarios = page.Locator("#scenario-list button.scenario-item");
            await Expect(scenarios).ToHaveCountAsync(2);
            await Expect(page.Locator("#scenario-status")).ToHaveTextAsync("1 passed, 1 failed of 2");
            await Expect(scenarios.Nth(0)).ToHaveAttributeAsync("data-status", "passed");
            await Expect(scenarios.Nth(1)).ToHaveAttributeAsync("data-status", "failed");

            // The passing scenario: Next moves from the topology step to the send, whose events include the relay and the SMTP dialogue.
            await scenarios.Nth(0).ClickAsync();
            var steps = page.Locator("#scenario-steps li");
            await Expect(steps).ToHaveCountAsync(3);
            await Expect(page.Locator("#scenario-cursor-label")).ToContainTextAsync("Step 1 / 3: passed");
            await Expect(page.Locator("#scenario-prev")).ToBeDisabledAsync();
            await page.Locator("#scenario-next").ClickAsync();
            await Expect(steps.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcurrent\b"));
            await Expect(page.Locator("#scenario-cursor-label")).ToContainTextAsync("Step 2 / 3: passed, 2026-09-01 09:00");
            var events = page.Locator("#scenario-events tbody tr");
            await Expect(page.Locator("#scenario-events tr[data-kind='Relayed'][data-host='mail.ru']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#scenario-events tr[data-kind='Relayed'] td").Nth(2)).ToHaveTextAsync("relayed");
            await Expect(page.Locator("#scenario-events thead th").First).ToHaveTextAsync("Time");
            var mailFrom = events.Filter(new() { HasText = "MAIL FROM:<ivan@mail.ru>" }).First;
            await Expect(mailFrom).ToHaveClassAsync("line client");
            await Expect(mailFrom.Locator("td.dir")).ToHaveTextAsync("C:");
            await Expect(page.Locator("#scenario-events tr.line.server td.dir").First).ToHaveTextAsync("S:");
            await Expect(page.Locator("#scenario-step-error")).ToBeHiddenAsync();

            // The failing scenario: its second step is red with the expectation's message; the slider reaches the skipped one.
            await scenarios.Nth(1).ClickAsync();
            await Expect(page.Locator("#scenario-cursor-label")).ToContainTextAsync("Step 1 / 3: passed");
            await page.Locator("#scenario-next").ClickAsync();
            await Expect(page.Locator("#scenario-steps li.current")).ToHaveAttributeAsync("data-status", "failed");
            await Expect(page.Locator("#scenario-step-error")).ToBeVisibleAsync();
            await Expect(page.Locator("#scenario-step-error")).ToContainTextAsync("student@rosnou.ru");
            await Expect(page.Locator("#scenario-step-error")).ToContainTextAsync("Expected:");
            await page.Locator("#scenario-cursor").FillAsync("2");
            await Expect(page.Locator("#scenario-steps li.current")).ToHaveAttributeAsync("data-status", "skipped");
            await Expect(page.Locator("#scenario-no-events")).ToBeVisibleAsync();
            await Expect(page.Locator("#scenario-events")).ToBeHiddenAsync();
            await Expect(page.Locator("#scenario-next")).ToBeDisabledAsync();

            // Russian labels.
            await page.Locator("#lang").ClickAsync();
            await Expect(page.Locator("#scenario-run")).ToHaveTextAsync("Выполнить");
            await Expect(scenarios.Nth(1).Locator(".run-status")).ToHaveTextAsync("ошибка");
            await Expect(page.Locator("#scenario-cursor-label")).ToContainTextAsync("Шаг 3 / 3: пропущен");

            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task AnAdminCommandsOutput_ShowsUnderItsStep_AndAScenarioWithoutSteps_IsMarked()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, simulate: true);
        await session.RunAsync(nameof(AnAdminCommandsOutput_ShowsUnderItsStep_AndAScenarioWithoutSteps_IsMarked), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await page.Locator("#scenario-text").FillAsync(ScenarioApiTests.WinpopStatFeature);
            await page.Locator("#scenario-run").ClickAsync();

            var scenarios = page.Locator("#scenario-list button.scenario-item");
            await Expect(page.Locator("#scenario-status")).ToHaveTextAsync("1 passed, 0 failed of 2, 1 without steps");
            await Expect(scenarios.Nth(1)).ToHaveAttributeAsync("data-status", "empty");
            await Expect(scenarios.Nth(1).Locator(".run-status")).ToHaveTextAsync("no steps");

            await scenarios.Nth(0).ClickAsync();
            await page.Locator("#scenario-cursor").FillAsync("2");
            await Expect(page.Locator("#scenario-step-output pre")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Domain lab.example: 1 mailbox\\(es\\), 0 message\\(s\\), 0 bytes\n  petr"));
            await page.Locator("#scenario-cursor").FillAsync("1");
            await Expect(page.Locator("#scenario-step-output pre")).ToContainTextAsync("Added mailbox petr@lab.example");

            await scenarios.Nth(1).ClickAsync();
            await Expect(page.Locator("#scenario-no-steps")).ToBeVisibleAsync();
            await Expect(page.Locator("#scenario-steps-panel")).ToBeHiddenAsync();
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task PickedFileWithBadText_ShowsTheParsersMessage()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, simulate: true);
        await session.RunAsync(nameof(PickedFileWithBadText_ShowsTheParsersMessage), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            var text = "Feature: Broken\n  Scenario: One\n    Given the default topology\n  this line is no step\n";
            await page.Locator("#scenario-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
            {
                Name = "broken.feature",
                MimeType = "text/plain",
                Buffer = Encoding.UTF8.GetBytes(text),
            });
            await Expect(page.Locator("#scenario-text")).ToHaveValueAsync(text);
            await page.Locator("#scenario-run").ClickAsync();
            await Expect(page.Locator("#scenario-error")).ToContainTextAsync("scenario.feature:4:");
            await Expect(page.Locator("#scenario-result")).ToBeHiddenAsync();
        });
    }
}
