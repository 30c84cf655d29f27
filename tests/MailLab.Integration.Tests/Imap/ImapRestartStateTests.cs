using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailLab.Integration.Tests.Imap;

/// <summary>
/// IMAP session state the store keeps with a data directory, across a restart of the server on it:
/// \Recent claims (RFC 3501 §2.3.2: recent in the first session to see a message, not again after
/// a restart) and subscriptions of names that have no folder (RFC 3501 §6.3.9).
/// </summary>
public sealed class ImapRestartStateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("maillab-imap-state-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RecentClaims_AreNotRecentAgainAfterARestart()
    {
        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            await AppendAsync(client, "one");
            await AppendAsync(client, "two");
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            client.Inbox.Recent.Should().Be(2);
            await client.DisconnectAsync(true);
        }

        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            await client.Inbox.StatusAsync(StatusItems.Recent);
            client.Inbox.Recent.Should().Be(0, "both were claimed by the session before the restart");
            await AppendAsync(client, "three");
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            client.Inbox.Recent.Should().Be(1, "the message that came after the restart is recent");
            await client.DisconnectAsync(true);
        }

        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            client.Inbox.Recent.Should().Be(0);
            client.Inbox.Count.Should().Be(3);
            await client.DisconnectAsync(true);
        }
    }

    [Fact]
    public async Task SubscriptionsOfDeletedFolders_SurviveARestart()
    {
        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            var personal = client.GetFolder(client.PersonalNamespaces[0]);
            var projects = await personal.CreateAsync("Projects", isMessageFolder: true);
            await projects!.SubscribeAsync();
            await projects.DeleteAsync();
            await client.DisconnectAsync(true);
        }

        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            var personal = client.GetFolder(client.PersonalNamespaces[0]);
            var subscribed = await personal.GetSubfoldersAsync(StatusItems.None, subscribedOnly: true);
            subscribed.Should().ContainSingle(f => f.Name == "Projects").Which.Attributes.Should().HaveFlag(FolderAttributes.NonExistent);

            await personal.CreateAsync("Projects", isMessageFolder: true);
            await client.DisconnectAsync(true);
        }

        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            var personal = client.GetFolder(client.PersonalNamespaces[0]);
            var projects = (await personal.GetSubfoldersAsync(StatusItems.None, subscribedOnly: true)).Single(f => f.Name == "Projects");
            projects.Attributes.Should().NotHaveFlag(FolderAttributes.NonExistent, "the folder created again took the subscription over");
            await projects.UnsubscribeAsync();
            await client.DisconnectAsync(true);
        }

        await using (var server = await ImapTestSupport.StartOnAsync(_dir, _clock))
        {
            using var client = await ImapTestSupport.StudentAsync(server);
            var personal = client.GetFolder(client.PersonalNamespaces[0]);
            (await personal.GetSubfoldersAsync(StatusItems.None, subscribedOnly: true)).Should().NotContain(f => f.Name == "Projects");
            await client.DisconnectAsync(true);
        }
    }

    private static async Task AppendAsync(ImapClient client, string subject) =>
        await client.Inbox.AppendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(ImapTestSupport.Student)], subject, new TextPart("plain") { Text = subject }));
}
