using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;
using Microsoft.Playwright;
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

    public AdminPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task Pop3Page_AddsAMailboxWithItsUsage_LocksIt_AndThePop3LogonIsRefused()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Pop3Page_AddsAMailboxWithItsUsage_LocksIt_AndThePop3LogonIsRefused), async () =>
        {
            await session.OpenAsync();
            var pop3 = await OpenPop3Async(session, Rosnou);
            await pop3.Locator("input[name='newDomain']").FillAsync(Rosnou);
            await pop3.Locator("button[data-action='add-pop3-domain']").ClickAsync();
            await Expect(pop3.Locator($"fieldset.pop3-domain[data-domain='{Rosnou}']")).ToBeVisibleAsync();

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
            (await RawPop3PassReplyAsync(session, "anna@rosnou.ru", "anna123")).Should().StartWith("-ERR [AUTH]").And.Contain("locked");

            await anna.Locator("button[data-action='unlock']").ClickAsync();
            await Expect(anna).ToHaveAttributeAsync("data-locked", "false");
            (await LogonAsync(session, "anna@rosnou.ru", "anna123")).Should().Be(1);

            await anna.Locator("button[data-action='quota']").ClickAsync();
            await Expect(pop3.Locator("[data-role='output']")).ToContainTextAsync("quota file of anna@rosnou.ru");
            session.World.FindHost(Rosnou)!.Pop3.FindMailbox("anna@rosnou.ru")!.QuotaFileUser.Should().Be("anna");
            session.Errors.Should().BeEmpty();
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

    /// <summary>USER and PASS over a raw socket (RFC 1939 §7); returns the reply to PASS.</summary>
    private static async Task<string> RawPop3PassReplyAsync(PageSession session, string user, string password)
    {
        var endPoint = session.Runtime.GetPop3EndPoint(session.World.FindHost(Rosnou)!.Pop3)!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        (await reader.ReadLineAsync()).Should().StartWith("+OK");
        await writer.WriteLineAsync($"USER {user}");
        (await reader.ReadLineAsync()).Should().StartWith("+OK");
        await writer.WriteLineAsync($"PASS {password}");
        return await reader.ReadLineAsync() ?? "(closed)";
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
