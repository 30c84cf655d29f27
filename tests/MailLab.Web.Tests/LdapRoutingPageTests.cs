using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>
/// The property sheet's LDAP Routing tab in real Chromium: drawn from the settings table (a check box,
/// two drop-down lists, a password box), saved into the virtual server, and the password never shown.
/// </summary>
public sealed class LdapRoutingPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Rosnou = "rosnou.ru";

    [Fact]
    public async Task LdapRoutingTab_ShowsTheIisFields_SavesThem_AndKeepsThePasswordHidden()
    {
        await using var session = await PageSession.StartAsync(browser.Browser);
        await session.RunAsync(nameof(LdapRoutingTab_ShowsTheIisFields_SavesThem_AndKeepsThePasswordHidden), async () =>
        {
            await session.OpenAsync();
            var sheet = await AdminPageTests.OpenPropertiesAsync(session, Rosnou);
            var tab = sheet.Locator("[role='tab'][data-tab='ldapRouting']");
            await Expect(tab).ToHaveTextAsync("LDAP Routing");
            await tab.ClickAsync();
            var panel = sheet.Locator("[data-panel='ldapRouting']");
            await Expect(panel.Locator("input[name='ldapRoutingEnabled']")).Not.ToBeCheckedAsync();
            await Expect(panel.Locator("select[name='ldapSchema'] option:checked")).ToHaveTextAsync("Active Directory");
            await Expect(panel.Locator("select[name='ldapBinding'] option:checked")).ToHaveTextAsync("Anonymous");
            (await panel.Locator("select[name='ldapSchema'] option").AllInnerTextsAsync())
                .Should().Equal("Active Directory", "Site Server Membership Directory", "Exchange LDAP Service");
            (await panel.Locator("select[name='ldapBinding'] option").AllInnerTextsAsync())
                .Should().Equal("Anonymous", "Plain text", "Windows SSPI", "Service account");

            await panel.Locator("input[name='ldapRoutingEnabled']").CheckAsync();
            await panel.Locator("input[name='ldapServer']").FillAsync("127.0.0.1:3890");
            await panel.Locator("select[name='ldapSchema']").SelectOptionAsync("exchange");
            await panel.Locator("select[name='ldapBinding']").SelectOptionAsync("plainText");
            await panel.Locator("input[name='ldapUserName']").FillAsync("cn=admin,dc=rosnou,dc=ru");
            await panel.Locator("input[name='ldapPassword']").FillAsync("Page-Secret-7");
            await panel.Locator("input[name='ldapBase']").FillAsync("dc=rosnou,dc=ru");
            await sheet.Locator("button[data-action='ok']").ClickAsync();
            await Expect(sheet).Not.ToBeVisibleAsync();

            Routing(session).Should().Be(new SmtpLdapRoutingSettings
            {
                Enabled = true, Server = "127.0.0.1:3890", Schema = LdapSchemaType.Exchange, Binding = LdapBindingType.PlainText,
                UserName = "cn=admin,dc=rosnou,dc=ru", Password = "Page-Secret-7", Base = "dc=rosnou,dc=ru",
            });

            // Re-opened: the values are there, the password only as its mask; OK untouched keeps it.
            sheet = await AdminPageTests.OpenPropertiesAsync(session, Rosnou);
            await sheet.Locator("[role='tab'][data-tab='ldapRouting']").ClickAsync();
            panel = sheet.Locator("[data-panel='ldapRouting']");
            await Expect(panel.Locator("input[name='ldapRoutingEnabled']")).ToBeCheckedAsync();
            await Expect(panel.Locator("select[name='ldapSchema'] option:checked")).ToHaveTextAsync("Exchange LDAP Service");
            await Expect(panel.Locator("input[name='ldapPassword']")).ToHaveValueAsync("********");
            await Expect(panel.Locator("input[name='ldapPassword']")).ToHaveAttributeAsync("type", "password");
            (await session.Page.ContentAsync()).Should().NotContain("Page-Secret-7");
            await sheet.Locator("button[data-action='ok']").ClickAsync();
            await Expect(sheet).Not.ToBeVisibleAsync();
            Routing(session).Password.Should().Be("Page-Secret-7");
            session.Errors.Should().BeEmpty();
        });
    }

    private static SmtpLdapRoutingSettings Routing(PageSession session) =>
        session.World.FindHost(Rosnou)!.Smtp.Find(DefaultTopology.VirtualServerName)!.Settings.LdapRouting;
}
