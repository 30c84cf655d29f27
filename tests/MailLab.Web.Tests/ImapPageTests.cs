using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>The host panel's IMAP part (MailLab's own service): its endpoints, each mailbox's folders with counts.</summary>
public sealed class ImapPageTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public ImapPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task HostPanel_ListsImapEndpoints_AndFolderCounts_ThatFollowAnImapMove()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(HostPanel_ListsImapEndpoints_AndFolderCounts_ThatFollowAnImapMove), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Lab 5 notes");
            await Expect(page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Lab 5 notes" })).ToHaveAttributeAsync("data-status", "delivered");
            await page.Locator("#topology g.host[data-host='rosnou.ru'] .host-name").ClickAsync();

            var details = page.Locator("#host-details");
            var rosnou = session.World.FindHost("rosnou.ru")!;
            var imap = session.Runtime.GetImapEndPoint(rosnou.Imap)!;
            await Expect(details.Locator(".hd-imap")).ToHaveAttributeAsync("data-enabled", "true");
            await Expect(details.Locator(".hd-imap")).ToContainTextAsync($"IMAP {imap}");
            await Expect(details.Locator(".hd-imap")).ToContainTextAsync($"IMAPS {session.Runtime.GetImapsEndPoint(rosnou.Imap)}");
            await Expect(details.Locator(".hd-imap-own")).ToContainTextAsync("Windows Server 2003");
            var mailbox = details.Locator("tr[data-mailbox='student@rosnou.ru']");
            await Expect(mailbox.Locator(".hd-folder[data-folder='INBOX']")).ToHaveAttributeAsync("data-messages", "1");
            await Expect(mailbox.Locator(".hd-folder[data-folder='INBOX']")).ToHaveAttributeAsync("data-unseen", "1");

            // A real client moves the message to Archive over TCP; the open panel follows.
            using (var client = new ImapClient { Timeout = 20_000 })
            {
                await client.ConnectAsync(imap.Address.ToString(), imap.Port, SecureSocketOptions.None);
                await client.AuthenticateAsync("student@rosnou.ru", "student123");
                await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
                var uids = await client.Inbox.SearchAsync(SearchQuery.All);
                await client.Inbox.MoveToAsync(uids, await client.GetFolderAsync("Archive"));
                await client.DisconnectAsync(true);
            }

            await page.Locator("#host-details-close").ClickAsync();
            await page.Locator("#topology g.host[data-host='rosnou.ru'] .host-name").ClickAsync();
            await Expect(mailbox.Locator(".hd-folder[data-folder='INBOX']")).ToHaveAttributeAsync("data-messages", "0");
            await Expect(mailbox.Locator(".hd-folder[data-folder='Archive']")).ToHaveAttributeAsync("data-messages", "1");
            await Expect(mailbox).ToHaveAttributeAsync("data-messages", "0");
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Journey_ShowsTheImapReader_LikeThePop3One()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        await session.RunAsync(nameof(Journey_ShowsTheImapReader_LikeThePop3One), async () =>
        {
            var page = session.Page;
            await session.OpenAsync();
            await session.SendAsIvanAsync("student@rosnou.ru", "Read over IMAP");
            var row = page.Locator("#deliveries tbody tr[data-id]", new() { HasText = "Read over IMAP" });
            await Expect(row).ToHaveAttributeAsync("data-status", "delivered");

            var imap = session.Runtime.GetImapEndPoint(session.World.FindHost("rosnou.ru")!.Imap)!;
            using (var client = new ImapClient { Timeout = 20_000 })
            {
                await client.ConnectAsync(imap.Address.ToString(), imap.Port, SecureSocketOptions.None);
                await client.AuthenticateAsync("student@rosnou.ru", "student123");
                await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
                await client.Inbox.GetMessageAsync(0);
                await client.DisconnectAsync(true);
            }

            await row.ClickAsync();
            var stage = page.Locator("#stages tbody tr[data-stage='RetrievedByImap'][data-host='rosnou.ru']");
            await Expect(stage).ToHaveCountAsync(1);
            await Expect(stage).ToContainTextAsync("Retrieved by IMAP by student@rosnou.ru");
            await stage.ClickAsync();
            await Expect(page.Locator("#topology g.message")).ToHaveAttributeAsync("data-at", "reader:student@rosnou.ru");
            await Expect(page.Locator("#topology g.client.on-path[data-client='student@rosnou.ru']")).ToHaveCountAsync(1);
            session.Errors.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task FoldersApi_GivesEachFolderWithItsCounts()
    {
        await using var session = await PageSession.StartAsync(_browser.Browser);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.World.FindHost("rosnou.ru")!.Mailboxes.Delivered += (_, _) => delivered.TrySetResult();
        await session.SendAsIvanAsync("student@rosnou.ru", "Counted");
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(20), TimeProvider.System);
        using var api = session.Api();

        var unknown = await api.GetAsync("/api/mailboxes/nobody@rosnou.ru/folders");
        var folders = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/api/mailboxes/student@rosnou.ru/folders");

        unknown.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        var inbox = folders.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "INBOX");
        inbox.GetProperty("messages").GetInt32().Should().Be(1);
        inbox.GetProperty("unseen").GetInt32().Should().Be(1);
        inbox.GetProperty("uidNext").GetUInt32().Should().Be(2);
    }
}
