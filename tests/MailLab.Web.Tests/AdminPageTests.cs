using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// The Administration part of the page in real Chromium: the IIS-style property sheet, domains, the
/// New SMTP Virtual Server wizard and the POP3 service page, each checked against the live model and
/// on the wire (SMTP and POP3 over TCP).
/// </summary>
public sealed class AdminPageTests : IClassFixture<BrowserFixture>
{
    private const string Rosnou = "rosnou.ru";
    private readonly BrowserFixture _browser;
    private readonly ITestOutputHelper _output;

    public AdminPageTests(BrowserFixture browser, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
    }

    [Fact]
    public async Task PausingFromThePropertySheet_RefusesNewSmtpConnectionsWith421_AndTheTopologyShowsIt()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(PausingFromThePropertySheet_RefusesNewSmtpConnectionsWith421_AndTheTopologyShowsIt), async () =>
        {
            await session.OpenAsync();
            var sheet = await OpenPropertiesAsync(session, Rosnou);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            await sheet.Locator(".sheet-state button[data-action='pause']").ClickAsync();

            await Expect(session.Page.Locator($"#topology g.host[data-host='{Rosnou}'] g.vs")).ToHaveAttributeAsync("data-state", "Paused");
            _output.WriteLine($"Pause clicked → topology shows Paused: {clock.ElapsedMilliseconds} ms");
            await Expect(sheet).ToHaveAttributeAsync("data-state", "Paused");
            await Expect(sheet.Locator(".sheet-state .state")).ToHaveTextAsync("Paused");
            await Expect(session.Page.Locator($"#servers tbody tr[data-host='{Rosnou}']")).ToHaveAttributeAsync("data-state", "Paused");
            await using (var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint(Rosnou)))
            {
                (await client.ReadReplyAsync()).Should().StartWith("421 4.3.2");
                (await client.IsClosedAsync()).Should().BeTrue();
            }

            await sheet.Locator(".sheet-state button[data-action='start']").ClickAsync();
            await Expect(sheet).ToHaveAttributeAsync("data-state", "Running");
            await using (var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint(Rosnou)))
            {
                (await client.ReadReplyAsync()).Should().StartWith("220 ");
            }

            VirtualServer(session, Rosnou).State.Should().Be(VirtualServerState.Running);
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task MessagesTab_RefusesABadLimitNextToItsField_ThenAppliesAGoodOne_WhichSmtpEnforces()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(MessagesTab_RefusesABadLimitNextToItsField_ThenAppliesAGoodOne_WhichSmtpEnforces), async () =>
        {
            await session.OpenAsync();
            var sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator("[role='tab'][data-tab='messages']").ClickAsync();
            var size = sheet.Locator("input[name='maxMessageSizeKb']");
            await Expect(size).ToHaveValueAsync("2048");
            await Expect(sheet.Locator("[data-panel='messages']")).ToContainTextAsync(@"C:\Inetpub\mailroot\Badmail (0 files)");

            // The API refuses 0 KB (IIS's minimum is 1) and names the setting: the error sits next to it.
            await size.FillAsync("0");
            await sheet.Locator("button[data-action='apply']").ClickAsync();
            var error = sheet.Locator("[data-error-for='maxMessageSizeKb']");
            await Expect(error).ToBeVisibleAsync();
            await Expect(error).ToContainTextAsync("maxMessageSizeKb");
            VirtualServer(session, Rosnou).Limits.MaxMessageSizeKb.Should().Be(2048);

            await size.FillAsync("1");
            await sheet.Locator("button[data-action='ok']").ClickAsync();
            await Expect(sheet).Not.ToBeVisibleAsync();
            VirtualServer(session, Rosnou).Limits.MaxMessageSizeKb.Should().Be(1);

            // On the wire: SIZE advertises 1 KB, and a 5,000-byte declaration is refused (RFC 1870 §6.1).
            await using var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint(Rosnou));
            (await client.ReadReplyAsync()).Should().StartWith("220 ");
            (await client.CommandAsync("EHLO client.example")).Should().Contain("SIZE 1024");
            (await client.CommandAsync("MAIL FROM:<ivan@mail.ru> SIZE=5000")).Should().StartWith("552 5.3.4");
            (await client.CommandAsync("MAIL FROM:<ivan@mail.ru> SIZE=500")).Should().StartWith("250 ");

            // Re-opened, the sheet shows the applied value.
            sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator("[role='tab'][data-tab='messages']").ClickAsync();
            await Expect(sheet.Locator("input[name='maxMessageSizeKb']")).ToHaveValueAsync("1");
            UnexpectedErrors(session, 400).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task AccessTab_ConnectionControl_DeniesAListedAddress_ThenGrantsOnlyIt()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(AccessTab_ConnectionControl_DeniesAListedAddress_ThenGrantsOnlyIt), async () =>
        {
            await session.OpenAsync();
            var sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator("[role='tab'][data-tab='access']").ClickAsync();
            var allExcept = sheet.Locator("input[data-setting='connectionOnlyListed'][value='false']");
            await Expect(allExcept).ToBeCheckedAsync();
            await sheet.Locator("textarea[name='connectionList']").FillAsync("192.0.2.0/24\n127.0.0.1");
            await sheet.Locator("button[data-action='ok']").ClickAsync();
            await Expect(sheet).Not.ToBeVisibleAsync();

            // "All except the list below", and the list has us: the greeting is a refusal.
            await using (var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint(Rosnou)))
            {
                (await client.ReadReplyAsync()).Should().StartWith("554 5.7.1");
            }

            sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator("[role='tab'][data-tab='access']").ClickAsync();
            await Expect(sheet.Locator("textarea[name='connectionList']")).ToHaveValueAsync("192.0.2.0/24\n127.0.0.1");
            await sheet.Locator("input[data-setting='connectionOnlyListed'][value='true']").CheckAsync();
            await sheet.Locator("button[data-action='apply']").ClickAsync();
            await Expect(sheet).ToHaveAttributeAsync("data-applied", "1");
            VirtualServer(session, Rosnou).Access.Connection.OnlyListed.Should().BeTrue();

            // "Only the list below": now the same address is the one let in.
            await using (var client = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint(Rosnou)))
            {
                (await client.ReadReplyAsync()).Should().StartWith("220 ");
            }

            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task DomainsTab_AddsARemoteDomainWithItsOptions_AndRemovesIt_ButNotTheDefault()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(DomainsTab_AddsARemoteDomainWithItsOptions_AndRemovesIt_ButNotTheDefault), async () =>
        {
            await session.OpenAsync();
            var sheet = await OpenPropertiesAsync(session, "mail.ru");
            await sheet.Locator("[role='tab'][data-tab='domains']").ClickAsync();
            var domains = sheet.Locator("[data-panel='domains']");
            await Expect(domains.Locator("tr[data-domain='mail.ru'][data-default]")).ToHaveCountAsync(1);
            await Expect(domains.Locator("tr[data-domain='mail.ru'] button[data-action='remove']")).ToBeDisabledAsync();

            await domains.Locator("input[name='domain.name']").FillAsync("partner.example");
            await domains.Locator("select[name='domain.type']").SelectOptionAsync("Remote");
            await domains.Locator("input[name='domain.allowRelay']").CheckAsync();
            await domains.Locator("input[name='domain.smartHost']").FillAsync("[192.0.2.25]");
            await domains.Locator("button[data-action='add-domain']").ClickAsync();

            var row = domains.Locator("tr[data-domain='partner.example']");
            await Expect(row).ToHaveAttributeAsync("data-type", "Remote");
            await Expect(row.Locator("input[name='allowRelay']")).ToBeCheckedAsync();
            await Expect(row.Locator("input[name='smartHost']")).ToHaveValueAsync("[192.0.2.25]");
            var added = VirtualServer(session, "mail.ru").Domains.Find("partner.example");
            added.Should().NotBeNull();
            added!.Type.Should().Be(SmtpDomainType.Remote);
            added.AllowRelay.Should().BeTrue();
            added.SmartHost.Should().Be("[192.0.2.25]");

            // A second add of the same name is refused, and the API's sentence is shown.
            await domains.Locator("input[name='domain.name']").FillAsync("partner.example");
            await domains.Locator("button[data-action='add-domain']").ClickAsync();
            await Expect(domains.Locator(".inline-error, [data-error-for='domain.name']").Filter(new() { Visible = true }))
                .ToContainTextAsync("partner.example");

            await row.Locator("button[data-action='remove']").ClickAsync();
            await Expect(row).ToHaveCountAsync(0);
            VirtualServer(session, "mail.ru").Domains.Find("partner.example").Should().BeNull();

            // An alias made the default demotes the old default to an alias (IIS).
            await domains.Locator("input[name='domain.name']").FillAsync("post.mail.ru");
            await domains.Locator("select[name='domain.type']").SelectOptionAsync("Alias");
            await domains.Locator("button[data-action='add-domain']").ClickAsync();
            await domains.Locator("tr[data-domain='post.mail.ru'][data-type='Alias'] button[data-action='default']").ClickAsync();
            await Expect(domains.Locator("tr[data-domain='post.mail.ru'][data-default]")).ToHaveCountAsync(1);
            await Expect(domains.Locator("tr[data-domain='mail.ru']")).ToHaveAttributeAsync("data-type", "Alias");
            VirtualServer(session, "mail.ru").Domains.Default.Name.Should().Be("post.mail.ru");
            UnexpectedErrors(session, 409).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Wizard_ChecksEachStep_CreatesTheVirtualServer_WhichAcceptsMailOnItsPort()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Wizard_ChecksEachStep_CreatesTheVirtualServer_WhichAcceptsMailOnItsPort), async () =>
        {
            const string Name = "Lab SMTP Virtual Server";
            await session.OpenAsync();
            await session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='new-vs']").ClickAsync();
            var wizard = session.Page.Locator("#admin-wizard");
            await Expect(wizard).ToHaveAttributeAsync("data-step", "1");
            var next = wizard.Locator("button[data-action='next']");

            // Step 1: a name is required.
            await next.ClickAsync();
            await Expect(wizard.Locator("[data-error-for='name']")).ToBeVisibleAsync();
            await Expect(wizard).ToHaveAttributeAsync("data-step", "1");
            await wizard.Locator("input[name='name']").FillAsync(DefaultTopology.VirtualServerName);
            await next.ClickAsync();

            // Step 2: IP address and port (0: any free port, as tests use).
            await Expect(wizard).ToHaveAttributeAsync("data-step", "2");
            await Expect(wizard.Locator("input[name='ipAddress']")).ToHaveAttributeAsync("placeholder", "(All Unassigned)");
            await wizard.Locator("input[name='ipAddress']").FillAsync("127.0.0.256");
            await next.ClickAsync();
            await Expect(wizard.Locator("[data-error-for='ipAddress']")).ToBeVisibleAsync();
            await wizard.Locator("input[name='ipAddress']").FillAsync("127.0.0.1");
            await wizard.Locator("input[name='port']").FillAsync("70000");
            await next.ClickAsync();
            await Expect(wizard.Locator("[data-error-for='port']")).ToBeVisibleAsync();
            await wizard.Locator("input[name='port']").FillAsync("0");
            await next.ClickAsync();

            // Step 3: home directory; Back returns to step 2 with its values kept.
            await Expect(wizard).ToHaveAttributeAsync("data-step", "3");
            await wizard.Locator("button[data-action='back']").ClickAsync();
            await Expect(wizard.Locator("input[name='port']")).ToHaveValueAsync("0");
            await next.ClickAsync();
            await wizard.Locator("input[name='homeDirectory']").FillAsync(@"C:\Inetpub\labroot");
            await next.ClickAsync();

            // Step 4: the default domain.
            await Expect(wizard).ToHaveAttributeAsync("data-step", "4");
            await Expect(next).ToBeHiddenAsync();
            await wizard.Locator("input[name='defaultDomain']").FillAsync("not a domain");
            await wizard.Locator("button[data-action='finish']").ClickAsync();
            await Expect(wizard.Locator("[data-error-for='defaultDomain']")).ToBeVisibleAsync();
            await wizard.Locator("input[name='defaultDomain']").FillAsync("lab.rosnou.ru");
            await wizard.Locator("button[data-action='finish']").ClickAsync();

            // The name is taken: the API's 409 takes the wizard back to step 1, next to the name.
            await Expect(wizard).ToHaveAttributeAsync("data-step", "1");
            await Expect(wizard.Locator("[data-error-for='name']")).ToContainTextAsync("already exists");
            await wizard.Locator("input[name='name']").FillAsync(Name);
            await next.ClickAsync();
            await next.ClickAsync();
            await next.ClickAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await wizard.Locator("button[data-action='finish']").ClickAsync();
            await Expect(wizard).Not.ToBeVisibleAsync();

            // At once in the table and on the topology, with the port it was given.
            var row = session.Page.Locator($"#servers tbody tr[data-host='{Rosnou}'][data-vs='{Name}']");
            await Expect(row).ToHaveAttributeAsync("data-state", "Running");
            _output.WriteLine($"Finish clicked → new virtual server in the table: {clock.ElapsedMilliseconds} ms");
            await Expect(session.Page.Locator($"#topology g.host[data-host='{Rosnou}'] g.vs")).ToHaveCountAsync(2);
            var created = VirtualServer(session, Rosnou, Name);
            created.HomeDirectory.Path.Should().Be(@"C:\Inetpub\labroot");
            created.Domains.Default.Name.Should().Be("lab.rosnou.ru");
            var endPoint = IPEndPoint.Parse(await row.Locator("td").Nth(2).InnerTextAsync());
            endPoint.Should().Be(session.Runtime.GetEndPoint(created));

            await using var client = await RawSmtpClient.ConnectAsync(endPoint);
            (await client.ReadReplyAsync()).Should().StartWith("220 ");
            (await client.CommandAsync("HELO client.example")).Should().StartWith("250");
            (await client.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
            (await client.CommandAsync("RCPT TO:<lab@lab.rosnou.ru>")).Should().StartWith("250");
            (await client.CommandAsync("DATA")).Should().StartWith("354");
            (await client.CommandAsync("Subject: wizard\r\n\r\nHello new server\r\n.")).Should().StartWith("250");
            await WaitUntilAsync(() => created.HomeDirectory.Drop.Files.Count == 1);

            // Deleted from its sheet (two clicks), it leaves the table, the topology and the host.
            await session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='properties'][data-vs='{Name}']").ClickAsync();
            var sheet = session.Page.Locator($"#admin-sheet[data-vs='{Name}'][data-loaded='1']");
            await sheet.Locator("button[data-action='delete-vs']").ClickAsync();
            await Expect(sheet.Locator("button[data-action='delete-vs'][data-armed='1']")).ToBeVisibleAsync();
            await sheet.Locator("button[data-action='delete-vs']").ClickAsync();
            await Expect(sheet).Not.ToBeVisibleAsync();
            await Expect(row).ToHaveCountAsync(0);
            await Expect(session.Page.Locator($"#topology g.host[data-host='{Rosnou}'] g.vs")).ToHaveCountAsync(1);
            session.World.FindHost(Rosnou)!.Smtp.Find(Name).Should().BeNull();
            UnexpectedErrors(session, 409).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Pop3Page_AddsAMailboxWithItsUsage_LocksIt_AndThePop3LogonIsRefused()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Pop3Page_AddsAMailboxWithItsUsage_LocksIt_AndThePop3LogonIsRefused), async () =>
        {
            await session.OpenAsync();
            // The default topology's rosnou.ru is a POP3 domain with student's mailbox already.
            var pop3 = await OpenPop3Async(session, Rosnou);
            await Expect(pop3.Locator($"fieldset.pop3-domain[data-domain='{Rosnou}'] tr[data-mailbox='student@rosnou.ru']")).ToBeVisibleAsync();

            await pop3.Locator("input[name='newMailbox']").FillAsync("anna");
            await pop3.Locator("input[name='newPassword']").FillAsync("anna123");
            await pop3.Locator("button[data-action='add-mailbox']").ClickAsync();
            var anna = pop3.Locator("tr[data-mailbox='anna@rosnou.ru']");
            await Expect(anna.Locator("[data-role='messages']")).ToHaveTextAsync("0");
            await Expect(pop3.Locator("[data-role='output']")).ToContainTextAsync("winpop add anna@rosnou.ru /createuser");

            // A message for anna shows in her count and size once the page reloads.
            await using (var smtp = await RawSmtpClient.ConnectAsync(session.SmtpEndPoint(Rosnou)))
            {
                await smtp.ReadReplyAsync();
                await smtp.CommandAsync("HELO client.example");
                await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>");
                (await smtp.CommandAsync("RCPT TO:<anna@rosnou.ru>")).Should().StartWith("250");
                await smtp.CommandAsync("DATA");
                (await smtp.CommandAsync("Subject: for anna\r\n\r\n" + string.Join("\r\n", Enumerable.Repeat(new string('x', 100), 20)) + "\r\n.")).Should().StartWith("250");
            }

            await WaitUntilAsync(() => session.World.FindHost(Rosnou)!.Mailboxes.Find("anna@rosnou.ru")?.Messages.Count == 1);
            await pop3.Locator("button[data-action='close']").ClickAsync();
            pop3 = await OpenPop3Async(session, Rosnou);
            anna = pop3.Locator("tr[data-mailbox='anna@rosnou.ru']");
            await Expect(anna.Locator("[data-role='messages']")).ToHaveTextAsync("1");
            await Expect(anna.Locator("[data-role='size']")).ToContainTextAsync("KB");
            (await LogonAsync(session, "anna@rosnou.ru", "anna123")).Should().Be(1);

            await anna.Locator("button[data-action='lock']").ClickAsync();
            await Expect(anna).ToHaveAttributeAsync("data-locked", "true");
            var refused = async () => await LogonAsync(session, "anna@rosnou.ru", "anna123");
            await refused.Should().ThrowAsync<AuthenticationException>();
            (await RawPop3LogonReplyAsync(session, "anna@rosnou.ru", "anna123")).Should().StartWith("-ERR [AUTH]").And.Contain("locked");

            await anna.Locator("button[data-action='unlock']").ClickAsync();
            await Expect(anna).ToHaveAttributeAsync("data-locked", "false");
            (await LogonAsync(session, "anna@rosnou.ru", "anna123")).Should().Be(1);

            // Require SPA (the settings table's requireSpa, saved with PATCH …/pop3/settings): cleartext
            // USER/PASS is refused outside TLS; unticked, it works again.
            await pop3.Locator("input[name='requireSpa']").CheckAsync();
            await pop3.Locator("button[data-action='apply-pop3']").ClickAsync();
            await Expect(pop3).ToHaveAttributeAsync("data-applied", "1");
            session.World.FindHost(Rosnou)!.Pop3.RequireSecurePasswordAuthentication.Should().BeTrue();
            (await RawPop3LogonReplyAsync(session, "anna@rosnou.ru", "anna123")).Should().StartWith("-ERR");
            await pop3.Locator("input[name='requireSpa']").UncheckAsync();
            await pop3.Locator("button[data-action='apply-pop3']").ClickAsync();
            await Expect(pop3).ToHaveAttributeAsync("data-applied", "2");
            (await RawPop3LogonReplyAsync(session, "anna@rosnou.ru", "anna123")).Should().StartWith("+OK");

            // The authentication method cannot change while e-mail domains exist: the API's refusal sits next to it.
            await pop3.Locator("select[name='authentication']").SelectOptionAsync("passwordFile");
            await pop3.Locator("button[data-action='apply-pop3']").ClickAsync();
            await Expect(pop3.Locator("[data-error-for='authentication']")).ToBeVisibleAsync();

            anna = pop3.Locator("tr[data-mailbox='anna@rosnou.ru']");
            await anna.Locator("button[data-action='quota']").ClickAsync();
            await Expect(pop3.Locator("[data-role='output']")).ToContainTextAsync("quota file of anna@rosnou.ru");
            session.World.FindHost(Rosnou)!.Pop3.FindMailbox("anna@rosnou.ru")!.QuotaOwner.Should().Be("anna");
            UnexpectedErrors(session, 400).Should().BeEmpty("the API refused the method change with 400");
        });
    }

    [Fact]
    public async Task SecurityTab_ExcludingTheCaller_MakesTheNextChangeA403_ShownPlainly_WhileAListedOperatorMayAct()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(SecurityTab_ExcludingTheCaller_MakesTheNextChangeA403_ShownPlainly_WhileAListedOperatorMayAct), async () =>
        {
            await session.OpenAsync();
            var sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator("[role='tab'][data-tab='security']").ClickAsync();
            var operators = sheet.Locator("textarea[name='operators']");
            await Expect(operators).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Administrators"));
            await operators.FillAsync("student@rosnou.ru");
            await sheet.Locator("button[data-action='apply']").ClickAsync();
            await Expect(sheet).ToHaveAttributeAsync("data-applied", "1");

            // The built-in Administrator is no operator any more: Pause is refused with a clear message.
            await sheet.Locator(".sheet-state button[data-action='pause']").ClickAsync();
            var error = sheet.Locator(".dialog-error");
            await Expect(error).ToBeVisibleAsync();
            await Expect(error).ToContainTextAsync("Access denied (403)");
            await Expect(error).ToContainTextAsync("operator");
            VirtualServer(session, Rosnou).State.Should().Be(VirtualServerState.Running);
            await sheet.Locator("button[data-action='cancel']").ClickAsync();

            // Wrong credentials: 401, said plainly (and no browser log-on prompt). The listed operator: allowed.
            var admin = session.Page.Locator("#admin");
            await admin.Locator("input[name='actAsUser']").FillAsync("student@rosnou.ru");
            await admin.Locator("input[name='actAsPassword']").FillAsync("wrong");
            await admin.Locator("button[data-action='act-as']").ClickAsync();
            sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator(".sheet-state button[data-action='pause']").ClickAsync();
            await Expect(sheet.Locator(".dialog-error")).ToContainTextAsync("Wrong user name or password (401)");
            await sheet.Locator("button[data-action='cancel']").ClickAsync();

            await admin.Locator("input[name='actAsPassword']").FillAsync("student123");
            await admin.Locator("button[data-action='act-as']").ClickAsync();
            await Expect(admin.Locator("[data-role='acting-as']")).ToContainTextAsync("student@rosnou.ru");
            sheet = await OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator(".sheet-state button[data-action='pause']").ClickAsync();
            await Expect(sheet).ToHaveAttributeAsync("data-state", "Paused");
            await Expect(session.Page.Locator($"#topology g.host[data-host='{Rosnou}'] g.vs")).ToHaveAttributeAsync("data-state", "Paused");
            VirtualServer(session, Rosnou).State.Should().Be(VirtualServerState.Paused);
            UnexpectedErrors(session, 403, 401).Should().BeEmpty();
        });
    }

    [Fact]
    public async Task LanguageSwitch_LabelsTheAdminPagesInRussian_AndBack()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(LanguageSwitch_LabelsTheAdminPagesInRussian_AndBack), async () =>
        {
            await session.OpenAsync();
            await Expect(session.Page.Locator("#admin h2")).ToHaveTextAsync("Administration");
            await session.Page.Locator("#lang").ClickAsync();

            await Expect(session.Page.Locator("#admin h2")).ToHaveTextAsync("Администрирование");
            await Expect(session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='new-vs']"))
                .ToHaveTextAsync("Создать виртуальный SMTP-сервер…");
            await Expect(session.Page.Locator($"#admin-hosts tr[data-host='{Rosnou}'] button[data-action='properties']"))
                .ToHaveTextAsync($"{DefaultTopology.VirtualServerName}: Свойства…");

            var sheet = await OpenPropertiesAsync(session, Rosnou);
            var tabs = await sheet.Locator("[role='tab']").AllInnerTextsAsync();
            tabs.Should().Equal("Общие", "Доступ", "Сообщения", "Доставка", "Маршрутизация LDAP", "Безопасность", "Домены");
            await Expect(sheet.Locator(".dialog-title")).ToContainTextAsync("Свойства");
            await Expect(sheet.Locator("button[data-action='apply']")).ToHaveTextAsync("Применить");
            await Expect(sheet.Locator(".sheet-state .state")).ToHaveTextAsync("Работает");
            await sheet.Locator("[role='tab'][data-tab='access']").ClickAsync();
            await session.Page.Keyboard.PressAsync("ArrowRight");
            await Expect(sheet.Locator("[role='tab'][data-tab='messages']")).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(sheet.Locator("[data-field='maxMessageSizeKb'] label")).ToHaveTextAsync("Ограничить размер сообщения до (КБ)");
            await sheet.Locator("button[data-action='cancel']").ClickAsync();

            var pop3 = await OpenPop3Async(session, Rosnou);
            await Expect(pop3.Locator(".dialog-title")).ToHaveTextAsync($"Служба POP3 — {Rosnou}");
            await Expect(pop3.Locator("select[name='authentication'] option[selected], select[name='authentication'] option:checked"))
                .ToHaveTextAsync("Локальные учётные записи Windows");
            await pop3.Locator("button[data-action='close']").ClickAsync();

            await session.Page.Locator("#lang").ClickAsync();
            await Expect(session.Page.Locator("#admin h2")).ToHaveTextAsync("Administration");
            sheet = await OpenPropertiesAsync(session, Rosnou);
            await Expect(sheet.Locator("[role='tab'][data-tab='general']")).ToHaveTextAsync("General");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Pop3Sheet_IsDrawnFromItsSettingsTable_AndAChangeIsSeenThroughTheApi()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Pop3Sheet_IsDrawnFromItsSettingsTable_AndAChangeIsSeenThroughTheApi), async () =>
        {
            await session.OpenAsync();
            var pop3 = await OpenPop3Async(session, Rosnou);

            // One row per setting of the table, in its order, labelled by it.
            var box = pop3.Locator("fieldset[data-role='pop3-properties']");
            (await box.Locator(".field").EvaluateAllAsync<string[]>("fields => fields.map(f => f.dataset.field)"))
                .Should().Equal(Pop3Settings.All.Select(s => s.Name));
            await Expect(box.Locator("[data-field='loggingLevel'] label")).ToHaveTextAsync(Pop3Settings.Find("loggingLevel").LabelEn);

            await box.Locator("input[name='loggingLevel']").FillAsync("3");
            await box.Locator("input[name='threadCount']").FillAsync("8");
            await box.Locator("button[data-action='apply-pop3']").ClickAsync();
            await Expect(pop3).ToHaveAttributeAsync("data-applied", "1");

            using var api = session.Api();
            using var answer = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"/api/servers/{Rosnou}/pop3/settings"));
            answer.RootElement.GetProperty("loggingLevel").GetInt32().Should().Be(3);
            answer.RootElement.GetProperty("threadCount").GetInt32().Should().Be(8);
            await Expect(box.Locator("input[name='loggingLevel']")).ToHaveValueAsync("3");

            // The labels are the table's Russian ones in Russian.
            await pop3.Locator("button[data-action='close']").ClickAsync();
            await session.Page.Locator("#lang").ClickAsync();
            pop3 = await OpenPop3Async(session, Rosnou);
            await Expect(pop3.Locator("[data-field='loggingLevel'] label")).ToHaveTextAsync(Pop3Settings.Find("loggingLevel").LabelRu);
            await Expect(pop3.Locator("input[name='loggingLevel']")).ToHaveValueAsync("3");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Pop3Sheet_ShowsTheApisRefusalOfAValue_NextToItsSetting_AndChangesNothing()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Pop3Sheet_ShowsTheApisRefusalOfAValue_NextToItsSetting_AndChangesNothing), async () =>
        {
            await session.OpenAsync();
            var pop3 = await OpenPop3Async(session, Rosnou);
            var before = session.World.FindHost(Rosnou)!.Pop3.Settings;

            // socketMax must be at least socketMin (a rule between two settings of the table), and the set is all or nothing.
            await pop3.Locator("input[name='loggingLevel']").FillAsync("2");
            await pop3.Locator("input[name='socketMax']").FillAsync("0");
            await pop3.Locator("button[data-action='apply-pop3']").ClickAsync();
            var error = pop3.Locator("[data-error-for='socketMax']");
            await Expect(error).ToBeVisibleAsync();
            await Expect(error).ToContainTextAsync("socketMax");
            await Expect(pop3.Locator("[data-field='socketMax']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\binvalid\b"));
            session.World.FindHost(Rosnou)!.Pop3.Settings.Should().Be(before, "a refused change changes nothing");
            UnexpectedErrors(session, 400).Should().BeEmpty();
        });
    }

    internal static async Task<ILocator> OpenPropertiesAsync(PageSession session, string host)
    {
        await session.Page.Locator($"#admin-hosts tr[data-host='{host}'] button[data-action='properties']").First.ClickAsync();
        var sheet = session.Page.Locator($"#admin-sheet[data-host='{host}'][data-loaded='1']");
        await Expect(sheet).ToBeVisibleAsync();
        return sheet;
    }

    private static async Task<ILocator> OpenPop3Async(PageSession session, string host)
    {
        await session.Page.Locator($"#admin-hosts tr[data-host='{host}'] button[data-action='pop3']").ClickAsync();
        var page = session.Page.Locator($"#admin-pop3[data-host='{host}'][data-loaded='1']");
        await Expect(page).ToBeVisibleAsync();
        return page;
    }

    private static IEnumerable<string> UnexpectedErrors(PageSession session, params int[] expectedStatuses) => session.UnexpectedErrors(expectedStatuses);

    private static SmtpVirtualServer VirtualServer(PageSession session, string host, string name = DefaultTopology.VirtualServerName) =>
        session.World.FindHost(host)!.Smtp.Find(name) ?? throw new InvalidOperationException($"No virtual server \"{name}\" on {host}.");

    /// <summary>Logs on to the host's POP3 listener with MailKit; returns the message count.</summary>
    private static async Task<int> LogonAsync(PageSession session, string user, string password)
    {
        var endPoint = session.Runtime.GetPop3EndPoint(session.World.FindHost(Rosnou)!.Pop3)!;
        using var client = new Pop3Client { Timeout = 20_000 };
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        var count = client.Count;
        await client.DisconnectAsync(true);
        return count;
    }

    /// <summary>USER then PASS over a raw socket (RFC 1939 §7); returns the first -ERR, or the reply to PASS.</summary>
    private static async Task<string> RawPop3LogonReplyAsync(PageSession session, string user, string password)
    {
        var endPoint = session.Runtime.GetPop3EndPoint(session.World.FindHost(Rosnou)!.Pop3)!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        (await reader.ReadLineAsync()).Should().StartWith("+OK");
        var reply = "";
        foreach (var command in new[] { $"USER {user}", $"PASS {password}" })
        {
            await writer.WriteLineAsync(command);
            reply = await reader.ReadLineAsync() ?? "(closed)";
            if (!reply.StartsWith("+OK", StringComparison.Ordinal))
            {
                break;
            }
        }

        return reply;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        condition().Should().BeTrue();
    }
}
