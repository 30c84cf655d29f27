using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MailLab.Integration.Tests.Imap;
using MimeKit;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// `maillab up --data-dir` killed with kill -9 right after IMAP's tagged OK: a DELETE of a subscribed
/// folder (its subscription stays, RFC 3501 §6.3.9) and a SELECT's \Recent claims are on disk by then.
/// </summary>
public sealed class ImapStateCrashTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-imapcrash-{Guid.NewGuid():N}");

    [Fact]
    public async Task KillAfterTheTaggedOk_KeepsTheSubscriptionAndTheRecentClaims()
    {
        await using (var first = await MailLabProcess.StartAsync(_dir, topology: null))
        {
            using var client = await ConnectAsync(first);
            await client.Inbox.AppendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(ImapTestSupport.Student)], "one", new TextPart("plain") { Text = "1" }));
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            client.Inbox.Recent.Should().Be(1);
            var personal = client.GetFolder(client.PersonalNamespaces[0]);
            var projects = await personal.CreateAsync("Projects", isMessageFolder: true);
            await projects!.SubscribeAsync();
            await projects.DeleteAsync();
            first.Kill(); // on the tagged OK of DELETE, before LOGOUT
        }

        await using var second = await MailLabProcess.StartAsync(_dir, topology: null);
        using var again = await ConnectAsync(second);
        var root = again.GetFolder(again.PersonalNamespaces[0]);
        (await root.GetSubfoldersAsync(StatusItems.None, subscribedOnly: true)).Should().ContainSingle(f => f.Name == "Projects")
            .Which.Attributes.Should().HaveFlag(FolderAttributes.NonExistent);
        await again.Inbox.OpenAsync(FolderAccess.ReadWrite);
        again.Inbox.Count.Should().Be(1);
        again.Inbox.Recent.Should().Be(0, "the first session was told it is recent before the kill");
    }

    private static async Task<ImapClient> ConnectAsync(MailLabProcess process)
    {
        var imap = process.RosnouImap ?? throw new InvalidOperationException("rosnou.ru runs no IMAP listener");
        var client = new ImapClient { Timeout = 20_000 };
        await client.ConnectAsync(imap.Address.ToString(), imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(ImapTestSupport.Student, ImapTestSupport.StudentPassword);
        return client;
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
