using System.Net.Http.Json;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Exchange;
using MailLab.Mail.Services;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// Exchange System Manager on the page in real Chromium, rosnou.ru as an Exchange 2003 server: Dismount
/// Store and Mount Store against mail sent over TCP, the Services console's "Stop Other Services", a
/// disconnected mailbox's Reconnect and Purge, and the view in Russian; each checked against the live model.
/// </summary>
public sealed class ExchangePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Rosnou = "rosnou.ru";
    private const string Store = "Mailbox Store (ROSNOU)";

    [Fact]
    public async Task DismountingTheStore_KeepsTheMailQueued_AndMountingDeliversIt_AsTheMailboxesNodeShows()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(DismountingTheStore_KeepsTheMailQueued_AndMountingDeliversIt_AsTheMailboxesNodeShows), async () =>
        {
            var exchange = Install(session);
            await session.OpenAsync();
            var esm = await OpenAsync(session);

            await esm.Locator($"button[data-node='store'][data-store='{Store}']").ClickAsync();
            await esm.Locator("button[data-action='dismount']").ClickAsync();
            await Expect(esm.Locator("[data-role='store-state']")).ToHaveAttributeAsync("data-mounted", "false");
            exchange.FindStore(Store)!.Mounted.Should().BeFalse();

            await session.SendAsIvanAsync("student@rosnou.ru", "While dismounted");
            await session.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
            session.World.FindHost(Rosnou)!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().BeEmpty();
            await esm.Locator($"button[data-node='mailboxes'][data-store='{Store}']").ClickAsync();
            await Expect(esm.Locator("tr[data-row='student@rosnou.ru'] td").Nth(3)).ToHaveTextAsync("0");

            await esm.Locator($"button[data-node='store'][data-store='{Store}']").ClickAsync();
            await esm.Locator("button[data-action='mount']").ClickAsync();
            await Expect(esm.Locator("[data-role='store-state']")).ToHaveAttributeAsync("data-mounted", "true");
            await session.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
            await esm.Locator($"button[data-node='mailboxes'][data-store='{Store}']").ClickAsync();
            await Expect(esm.Locator("tr[data-row='student@rosnou.ru'] td").Nth(3)).ToHaveTextAsync("1");
            session.World.FindHost(Rosnou)!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("While dismounted");
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task TheLimitsTab_ShowsExchangesDefaults_AndApplyChangesTheStoresLimits()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(TheLimitsTab_ShowsExchangesDefaults_AndApplyChangesTheStoresLimits), async () =>
        {
            var exchange = Install(session);
            await session.OpenAsync();
            var esm = await OpenAsync(session);

            await esm.Locator($"button[data-node='store'][data-store='{Store}']").ClickAsync();
            await Expect(esm.Locator("[data-tab='store-database'] [data-field='esm.maintenance']")).ToHaveTextAsync("Run daily from 00:00 to 04:00");
            var limits = esm.Locator("[data-tab='store-limits']");
            await Expect(limits.Locator("input[name='maintenanceInterval']")).ToHaveCountAsync(0);
            await Expect(limits.Locator("input[name='keepDeletedItemsDays']")).ToHaveValueAsync("7");
            await Expect(limits.Locator("input[name='keepDeletedMailboxesDays']")).ToHaveValueAsync("30");
            await Expect(limits.Locator("input[name='prohibitSendAndReceiveKb']")).ToHaveValueAsync(string.Empty);

            await limits.Locator("input[name='prohibitSendAndReceiveKb']").FillAsync("100");
            var drawn = await esm.GetAttributeAsync("data-loaded");
            await limits.Locator("button[data-action='apply-limits']").ClickAsync();
            await Expect(esm).Not.ToHaveAttributeAsync("data-loaded", drawn!); // redrawn from the API's answer
            await Expect(esm.Locator("[data-tab='store-limits'] input[name='prohibitSendAndReceiveKb']")).ToHaveValueAsync("100");
            exchange.FindStore(Store)!.Limits.ProhibitSendAndReceiveKb.Should().Be(100);
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task StoppingTheSystemAttendant_AsksStopOtherServices_ListingTheInformationStore_AndYesStopsBoth()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(StoppingTheSystemAttendant_AsksStopOtherServices_ListingTheInformationStore_AndYesStopsBoth), async () =>
        {
            var exchange = Install(session);
            await session.OpenAsync();
            var esm = await OpenAsync(session);

            await Expect(esm.Locator("[data-field='esm.version']")).ToHaveTextAsync("6.5 (Build 7638.2: Service Pack 2)");
            await esm.Locator("button[data-node='services']").ClickAsync();
            await Expect(esm.Locator("tr[data-service='MSExchangeIS']")).ToHaveAttributeAsync("data-status", "Running");
            await esm.Locator("tr[data-service='MSExchangeSA'] button[data-action='stop']").ClickAsync();
            var question = esm.Locator("[data-role='stop-other-services']");
            await Expect(question.Locator("li[data-dependent='MSExchangeIS']")).ToHaveTextAsync("Microsoft Exchange Information Store");
            exchange.Services.Find("MSExchangeSA")!.Status.Should().Be(ServiceStatus.Running, "nothing stops before the answer");

            await question.Locator("button[data-action='stop-yes']").ClickAsync();
            await Expect(esm.Locator("tr[data-service='MSExchangeIS']")).ToHaveAttributeAsync("data-status", "Stopped");
            await Expect(esm.Locator("tr[data-service='MSExchangeSA']")).ToHaveAttributeAsync("data-status", "Stopped");
            exchange.Services.Find("MSExchangeIS")!.Status.Should().Be(ServiceStatus.Stopped);
            session.UnexpectedErrors(409).Should().BeEmpty("the 409 is the API's Stop Other Services question");
        });
    }

    [Fact]
    public async Task InRussian_TheTreeAndTheStoreActions_AreRussian()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(InRussian_TheTreeAndTheStoreActions_AreRussian), async () =>
        {
            Install(session);
            await session.OpenAsync();
            await Expect(session.Page.Locator("#admin-hosts tr[data-host='mail.ru'] button[data-action='exchange']")).ToHaveCountAsync(0);
            var esm = await OpenAsync(session);

            await Expect(esm.Locator(".dialog-title")).ToHaveTextAsync("Диспетчер системы Exchange — rosnou.ru");
            await Expect(esm.Locator(".esm-tree")).ToContainTextAsync("Административные группы");
            await Expect(esm.Locator("[data-tab='server-diagnostics'] legend")).ToHaveTextAsync("Ведение журнала диагностики");
            await Expect(esm.Locator("[data-tab='server-general']")).ToContainTextAsync("Включить отслеживание сообщений");
            await esm.Locator($"button[data-node='store'][data-store='{Store}']").ClickAsync();
            await Expect(esm.Locator("button[data-action='dismount']")).ToHaveTextAsync("Отключить хранилище");
            await Expect(esm.Locator("[data-tab='store-general']")).ToContainTextAsync("Группа хранения");
            await Expect(esm.Locator("[data-tab='store-limits']")).ToContainTextAsync("Запретить отправку и получение при (КБ)");
            await esm.Locator("button[data-action='close']").ClickAsync();
            await session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='aduc']").ClickAsync();
            await Expect(session.Page.Locator("#admin-aduc .dialog-title")).ToHaveTextAsync("Active Directory — пользователи и компьютеры — rosnou.ru");
            var aduc = session.Page.Locator($"#admin-aduc[data-host='{Rosnou}'][data-loaded]");
            await aduc.Locator("tr[data-recipient='student'] button[data-action='select']").ClickAsync();
            await aduc.Locator("button[data-action='exchange-tasks']").ClickAsync();
            var wizard = aduc.Locator("[data-role='exchange-task-wizard']");
            await Expect(wizard).ToContainTextAsync("Мастер задач Exchange");
            await Expect(wizard).ToContainTextAsync("Удалить почтовый ящик");
            await Expect(wizard.Locator("button[data-action='wizard-next']")).ToHaveTextAsync("Далее >");
            await Expect(aduc.Locator("button[data-action='open-limits']")).ToHaveTextAsync("Ограничения хранилища…");
            await Expect(aduc.Locator("[role='tab'][data-tab='advanced']")).ToHaveTextAsync("Дополнительно Exchange");
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Aduc_ASecondaryProxyAdded_OnTheEmailAddressesTab_ReceivesMail_AndExchangeFeaturesTurnsPop3Off()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(Aduc_ASecondaryProxyAdded_OnTheEmailAddressesTab_ReceivesMail_AndExchangeFeaturesTurnsPop3Off), async () =>
        {
            Install(session);
            using (var api = session.Api())
            {
                (await api.PostAsJsonAsync("/api/servers/rosnou.ru/directory/users", new { address = "student@rosnou.ru", firstName = "Petr", lastName = "Sidorov" }))
                    .IsSuccessStatusCode.Should().BeTrue();
            }

            var aduc = await OpenStudentInAducAsync(session);
            await aduc.Locator("[role='tab'][data-tab='addresses']").ClickAsync();
            await Expect(aduc.Locator("li[data-proxy='SMTP:student@rosnou.ru'] strong")).ToBeVisibleAsync();

            await aduc.Locator("input[name='newProxy']").FillAsync("smtp:petr.sidorov@rosnou.ru");
            await aduc.Locator("button[data-action='add-proxy']").ClickAsync();
            await Expect(aduc.Locator("li[data-proxy='smtp:petr.sidorov@rosnou.ru']")).ToHaveAttributeAsync("data-primary", "false");

            await session.SendAsIvanAsync("petr.sidorov@rosnou.ru", "To the secondary address");
            await session.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
            session.World.FindHost(Rosnou)!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("To the secondary address");

            await aduc.Locator("[role='tab'][data-tab='features']").ClickAsync();
            await aduc.Locator("tr[data-feature='pop3'] button[data-action='disable']").ClickAsync();
            await Expect(aduc.Locator("tr[data-feature='pop3']")).ToHaveAttributeAsync("data-enabled", "false");
            session.World.FindHost(Rosnou)!.Pop3.Directory.User("student@rosnou.ru").Settings.Pop3Enabled.Should().BeFalse();
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task MessageTrackingCenter_FindsTheMessageBySenderAndRecipient_AndOpensItsJourney()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(MessageTrackingCenter_FindsTheMessageBySenderAndRecipient_AndOpensItsJourney), async () =>
        {
            Install(session);
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Tracked");
            await session.SendAsIvanAsync("petr@mail.ru", "Not this one");
            await session.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
            var esm = await OpenAsync(session);

            await esm.Locator("button[data-node='tracking']").ClickAsync();
            await esm.Locator("input[name='sender']").FillAsync("ivan@mail.ru");
            await esm.Locator("input[name='recipient']").FillAsync("student@rosnou.ru");
            await esm.Locator("button[data-action='find']").ClickAsync();
            var row = esm.Locator("[data-role='tracking-results'] tbody tr");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
            await Expect(row).ToContainTextAsync("Tracked");

            await row.Locator("button[data-action='open-journey']").ClickAsync();
            await Expect(session.Page.Locator("#stages tbody tr[data-stage='DeliveredToMailbox'][data-host='rosnou.ru'] .stage-text"))
                .ToHaveTextAsync("Delivered to the mailbox student@rosnou.ru in the store Mailbox Store (ROSNOU)");
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Aduc_ExchangeGeneralShowsTheMailboxStore_AndMoveMailboxMovesItToAnother()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(Aduc_ExchangeGeneralShowsTheMailboxStore_AndMoveMailboxMovesItToAnother), async () =>
        {
            var exchange = Install(session, ExchangeEdition.Enterprise);
            var second = exchange.CreateStore(exchange.StorageGroups[0], "Mailbox Store 2", ExchangeStoreKind.Mailbox);
            exchange.Mount(second);
            using (var api = session.Api())
            {
                (await api.PostAsJsonAsync("/api/servers/rosnou.ru/directory/users", new { address = "student@rosnou.ru" })).IsSuccessStatusCode.Should().BeTrue();
            }

            var aduc = await OpenStudentInAducAsync(session);
            await Expect(aduc.Locator("span[data-field='mailboxStore']")).ToHaveTextAsync(Store);

            await aduc.Locator("button[data-action='exchange-tasks']").ClickAsync();
            var wizard = aduc.Locator("[data-role='exchange-task-wizard']");
            await wizard.Locator("input[name='exchangeTask'][value='move']").CheckAsync();
            await wizard.Locator("button[data-action='wizard-next']").ClickAsync();
            await wizard.Locator("select[name='moveTo']").SelectOptionAsync("Mailbox Store 2");
            await wizard.Locator("button[data-action='wizard-finish']").ClickAsync();
            await Expect(aduc.Locator("span[data-field='mailboxStore']")).ToHaveTextAsync("Mailbox Store 2");
            await Expect(wizard).ToHaveCountAsync(0);
            exchange.StoreOf("student@rosnou.ru").Should().BeSameAs(second);
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Aduc_TheExchangeTaskWizard_DeletesTheMailbox_ThenCreatesOneAgain_AndShowsExchangesRefusal()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(Aduc_TheExchangeTaskWizard_DeletesTheMailbox_ThenCreatesOneAgain_AndShowsExchangesRefusal), async () =>
        {
            var exchange = Install(session, ExchangeEdition.Standard);
            var aduc = await OpenStudentInAducAsync(session);
            var wizard = aduc.Locator("[data-role='exchange-task-wizard']");

            await aduc.Locator("button[data-action='exchange-tasks']").ClickAsync();
            await Expect(wizard.Locator("input[name='exchangeTask']")).ToHaveCountAsync(2);
            await wizard.Locator("input[name='exchangeTask'][value='delete']").CheckAsync();
            await wizard.Locator("button[data-action='wizard-next']").ClickAsync();
            await Expect(wizard.Locator("[data-role='delete-warning']")).ToContainTextAsync("Keep deleted mailboxes for (days)");
            await wizard.Locator("button[data-action='wizard-finish']").ClickAsync();
            await Expect(aduc.Locator("span[data-field='mailboxStore']")).ToHaveTextAsync("(no mailbox)");
            exchange.FindMailbox("student@rosnou.ru").Should().BeNull();
            exchange.DeletedMailboxesOn(exchange.FindStore(Store)!).Should().ContainSingle();

            await aduc.Locator("button[data-action='exchange-tasks']").ClickAsync();
            await Expect(wizard.Locator("input[name='exchangeTask'][value='create']")).ToBeCheckedAsync();
            await wizard.Locator("button[data-action='wizard-next']").ClickAsync();
            await wizard.Locator("input[name='mailboxAlias']").FillAsync("ivan");
            var rosnou = session.World.FindHost(Rosnou)!;
            rosnou.AddAccount("ivan@rosnou.ru", "ivan123");
            Mail.Recipients.HostDirectory.Of(rosnou).AddUser("ivan@rosnou.ru", "ivan");
            await wizard.Locator("button[data-action='wizard-finish']").ClickAsync();
            await Expect(session.Page.Locator("#admin-aduc .dialog-error")).ToContainTextAsync("The alias \"ivan\" is already used");
            await Expect(wizard).ToHaveAttributeAsync("data-task", "create");

            await wizard.Locator("input[name='mailboxAlias']").FillAsync("student");
            await wizard.Locator("button[data-action='wizard-finish']").ClickAsync();
            await Expect(aduc.Locator("span[data-field='mailboxStore']")).ToHaveTextAsync(Store);
            exchange.StoreOf("student@rosnou.ru")!.Name.Should().Be(Store);
            session.UnexpectedErrors(409).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Aduc_StorageLimits_DeliveryRestrictions_AndDeliveryOptions_ChangeTheUser_AndARefusalKeepsTheDialog()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(Aduc_StorageLimits_DeliveryRestrictions_AndDeliveryOptions_ChangeTheUser_AndARefusalKeepsTheDialog), async () =>
        {
            var exchange = Install(session, ExchangeEdition.Standard);
            var aduc = await OpenStudentInAducAsync(session);

            await aduc.Locator("button[data-action='open-limits']").ClickAsync();
            var limits = aduc.Locator("[data-role='sheet-limits']");
            await Expect(limits.Locator("input[name='useStoreDefaults']")).ToBeCheckedAsync();
            await limits.Locator("input[name='useStoreDefaults']").UncheckAsync();
            await limits.Locator("input[name='prohibitSendAndReceiveKb-set']").CheckAsync();
            await limits.Locator("input[name='prohibitSendAndReceiveKb']").FillAsync("500");
            await limits.Locator("button[data-action='sheet-ok']").ClickAsync();
            await Expect(limits).ToHaveCountAsync(0);
            exchange.FindMailbox("student@rosnou.ru")!.Limits.Should().Be(new Mail.Exchange.Settings.MailboxLimits(false, null, null, 500));

            await aduc.Locator("button[data-action='open-restrictions']").ClickAsync();
            var restrictions = aduc.Locator("[data-role='sheet-restrictions']");
            await restrictions.Locator("input[name='maxReceivingSizeKb-set']").CheckAsync();
            await restrictions.Locator("input[name='maxReceivingSizeKb']").FillAsync("1024");
            await restrictions.Locator("input[name='rejectMessagesFrom']").FillAsync("ivan@mail.ru");
            await restrictions.Locator("button[data-action='sheet-ok']").ClickAsync();
            await Expect(aduc.Locator("span[data-field='maxReceivingSizeKb']")).ToHaveTextAsync("1024");
            await Expect(aduc.Locator("span[data-field='rejectMessagesFrom']")).ToHaveTextAsync("ivan@mail.ru");

            await aduc.Locator("button[data-action='open-options']").ClickAsync();
            var options = aduc.Locator("[data-role='sheet-options']");
            await options.Locator("input[name='deliverToBoth']").CheckAsync();
            await options.Locator("button[data-action='sheet-ok']").ClickAsync();
            await Expect(session.Page.Locator("#admin-aduc .dialog-error")).ToContainTextAsync("needs a forwardingAddress");
            await Expect(options).ToHaveCountAsync(1);
            await options.Locator("input[name='forwardingAddress']").FillAsync("teacher@rosnou.ru");
            await options.Locator("button[data-action='sheet-ok']").ClickAsync();
            await Expect(aduc.Locator("span[data-field='forwardingAddress']")).ToHaveTextAsync("teacher@rosnou.ru");
            var settings = Mail.Recipients.HostDirectory.Of(session.World.FindHost(Rosnou)!).FindRecipient("student")!.Settings;
            settings.DeliverToBoth.Should().BeTrue();
            settings.MaxReceivingSizeKb.Should().Be(1024);
            session.UnexpectedErrors(400).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Aduc_ExchangeAdvanced_SetsACustomAttribute_AndHidesTheUser_AndListsTheMailboxRights()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(Aduc_ExchangeAdvanced_SetsACustomAttribute_AndHidesTheUser_AndListsTheMailboxRights), async () =>
        {
            Install(session, ExchangeEdition.Standard);
            var aduc = await OpenStudentInAducAsync(session);
            await aduc.Locator("[role='tab'][data-tab='advanced']").ClickAsync();
            await Expect(aduc.Locator("[data-role='mailbox-rights'] tr[data-trustee='SELF']")).ToContainTextAsync("Full mailbox access");

            await aduc.Locator("button[data-action='open-custom']").ClickAsync();
            await aduc.Locator("[data-role='sheet-custom'] input[name='customAttribute7']").FillAsync("Group 101");
            await aduc.Locator("[data-role='sheet-custom'] button[data-action='sheet-ok']").ClickAsync();
            await Expect(aduc.Locator("li[data-attribute='customAttribute7']")).ToHaveTextAsync("Custom attribute 7: Group 101");

            await aduc.Locator("button[data-action='open-advanced']").ClickAsync();
            await aduc.Locator("[data-role='sheet-advanced'] input[name='hideFromAddressLists']").CheckAsync();
            await aduc.Locator("[data-role='sheet-advanced'] button[data-action='sheet-ok']").ClickAsync();
            await Expect(aduc.Locator("span[data-field='hideFromAddressLists']")).ToHaveTextAsync("Yes");
            var settings = Mail.Recipients.HostDirectory.Of(session.World.FindHost(Rosnou)!).FindRecipient("student")!.Settings;
            (settings.CustomAttribute(7), settings.HideFromAddressLists).Should().Be(("Group 101", true));
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task ServerProperties_TurningMessageTrackingOff_ShowsTheNoteInMessageTracking_AndDiagnosticsLevelsAreSaved()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(ServerProperties_TurningMessageTrackingOff_ShowsTheNoteInMessageTracking_AndDiagnosticsLevelsAreSaved), async () =>
        {
            var exchange = Install(session);
            await session.OpenAsync();
            var esm = await OpenAsync(session);
            var general = esm.Locator("[data-tab='server-general']");
            await Expect(general).ToContainTextAsync("6.5 (Build 7638.2: Service Pack 2)");
            await Expect(general.Locator("input[name='messageTrackingEnabled']")).ToBeCheckedAsync();
            await Expect(general.Locator("input[name='logFileDirectory']")).ToHaveValueAsync(@"C:\Program Files\Exchsrvr\ROSNOU.log");

            await general.Locator("input[name='messageTrackingEnabled']").UncheckAsync();
            await general.Locator("input[name='removeLogFiles']").CheckAsync();
            await general.Locator("input[name='removeLogFilesDays']").FillAsync("14");
            var drawn = await esm.GetAttributeAsync("data-loaded");
            await general.Locator("button[data-action='apply-general']").ClickAsync();
            await Expect(esm).Not.ToHaveAttributeAsync("data-loaded", drawn!); // redrawn from the API's answer, so the change is in
            await Expect(esm.Locator("[data-tab='server-general'] input[name='messageTrackingEnabled']")).Not.ToBeCheckedAsync();
            (exchange.Properties.MessageTrackingEnabled, exchange.Properties.RemoveLogFiles, exchange.Properties.RemoveLogFilesDays, exchange.Properties.LogFileDirectory).Should().Be((false, true, 14L, (string?)null));

            var diagnostics = esm.Locator("[data-tab='server-diagnostics']");
            await diagnostics.Locator("select[name='MSExchangeIS/Logons']").SelectOptionAsync("Maximum");
            await diagnostics.Locator("button[data-action='apply-diagnostics']").ClickAsync();
            await Expect(esm.Locator("[data-tab='server-diagnostics'] select[name='MSExchangeIS/Logons']")).ToHaveValueAsync("Maximum");
            exchange.Properties.Level("MSExchangeIS/Logons").Should().Be("Maximum");

            await esm.Locator("button[data-node='tracking']").ClickAsync();
            await Expect(esm.Locator("[data-role='tracking-off']")).ToContainTextAsync("Message tracking is disabled on ROSNOU");
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task InRussian_TheJourneyOpenedFromMessageTracking_NamesTheStoreAsTheLastHop()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(InRussian_TheJourneyOpenedFromMessageTracking_NamesTheStoreAsTheLastHop), async () =>
        {
            Install(session);
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Отслеживание");
            await session.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
            var esm = await OpenAsync(session);

            await esm.Locator("button[data-node='tracking']").ClickAsync();
            await Expect(esm.Locator("[data-role='tracking-form'] legend")).ToHaveTextAsync("Центр отслеживания сообщений");
            await Expect(esm.Locator("[data-role='tracking-off']")).ToHaveCountAsync(0);
            await esm.Locator("input[name='recipient']").FillAsync("student");
            await esm.Locator("button[data-action='find']").ClickAsync();
            await esm.Locator("[data-role='tracking-results'] tbody tr button[data-action='open-journey']").ClickAsync();
            await Expect(session.Page.Locator("#stages tbody tr[data-stage='DeliveredToMailbox'][data-host='rosnou.ru'] .stage-text"))
                .ToHaveTextAsync("Доставлено в почтовый ящик student@rosnou.ru в хранилище Mailbox Store (ROSNOU)");
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    [Fact]
    public async Task TheMailboxesNode_ListsTheDisconnectedMailbox_AndReconnectGivesItBackWithItsMail_AfterARefusalShown()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(TheMailboxesNode_ListsTheDisconnectedMailbox_AndReconnectGivesItBackWithItsMail_AfterARefusalShown), async () =>
        {
            var exchange = Install(session);
            await session.SendAsIvanAsync("student@rosnou.ru", "Kept while disconnected");
            await session.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
            exchange.DeleteMailbox("student@rosnou.ru");
            await session.OpenAsync();
            var esm = await OpenAsync(session);

            await esm.Locator($"button[data-node='mailboxes'][data-store='{Store}']").ClickAsync();
            var row = esm.Locator("tr[data-row='student@rosnou.ru'][data-disconnected='true']");
            await Expect(row.Locator("[data-role='disconnected']")).ToContainTextAsync("Disconnected (purged after");
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
            await row.Locator("button[data-action='reconnect']").ClickAsync();
            var owner = esm.Locator("[data-role='reconnect-owner']");
            await Expect(owner.Locator("input[name='reconnectOwner']")).ToHaveValueAsync("student@rosnou.ru");
            await owner.Locator("input[name='reconnectOwner']").FillAsync("nobody@rosnou.ru");
            await owner.Locator("button[data-action='reconnect-ok']").ClickAsync();
            await Expect(session.Page.Locator("#admin-exchange .dialog-error")).ToContainTextAsync("There is no user nobody@rosnou.ru");
            exchange.FindMailbox("student@rosnou.ru").Should().BeNull("a refused Reconnect changes nothing");

            await row.Locator("button[data-action='reconnect']").ClickAsync();
            await owner.Locator("button[data-action='reconnect-ok']").ClickAsync();
            await Expect(esm.Locator("tr[data-row='student@rosnou.ru']:not([data-disconnected]) td").Nth(3)).ToHaveTextAsync("1");
            await Expect(row).ToHaveCountAsync(0);
            exchange.StoreOf("student@rosnou.ru")!.Name.Should().Be(Store);
            session.World.FindHost(Rosnou)!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("Kept while disconnected");
            session.UnexpectedErrors(404).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task InRussian_ADisconnectedMailbox_HasReconnectAndPurge_AndPurgeRemovesIt()
    {
        await using var session = await PageSession.StartAsync(browser.Browser, language: "ru");
        await session.RunAsync(nameof(InRussian_ADisconnectedMailbox_HasReconnectAndPurge_AndPurgeRemovesIt), async () =>
        {
            var exchange = Install(session);
            exchange.DeleteMailbox("student@rosnou.ru");
            await session.OpenAsync();
            var esm = await OpenAsync(session);

            await esm.Locator($"button[data-node='mailboxes'][data-store='{Store}']").ClickAsync();
            var row = esm.Locator("tr[data-row='student@rosnou.ru'][data-disconnected='true']");
            await Expect(row.Locator("[data-role='disconnected']")).ToContainTextAsync("Отключен (будет удален после");
            await Expect(row.Locator("button[data-action='reconnect']")).ToHaveTextAsync("Подключить заново");
            await row.Locator("button[data-action='purge']").ClickAsync();
            await Expect(row).ToHaveCountAsync(0);
            exchange.DeletedMailboxesOn(exchange.FindStore(Store)!).Should().BeEmpty();
            session.UnexpectedErrors().Should().BeEmpty();
        });
    }

    private static async Task<ILocator> OpenAsync(PageSession session)
    {
        await session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='exchange']").ClickAsync();
        var esm = session.Page.Locator($"#admin-exchange[data-host='{Rosnou}'][data-loaded]");
        await Expect(esm).ToBeVisibleAsync();
        return esm;
    }

    /// <summary>Opens the page, ADUC on rosnou.ru, and selects student's properties.</summary>
    private static async Task<ILocator> OpenStudentInAducAsync(PageSession session)
    {
        await session.OpenAsync();
        await session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='aduc']").ClickAsync();
        var aduc = session.Page.Locator($"#admin-aduc[data-host='{Rosnou}'][data-loaded]");
        await aduc.Locator("tr[data-recipient='student'] button[data-action='select']").ClickAsync();
        return aduc;
    }

    private static ExchangeServer Install(PageSession session, ExchangeEdition edition = ExchangeEdition.Standard) =>
        ExchangeSetup.Install(session.World.FindHost(Rosnou)!, edition);
}
