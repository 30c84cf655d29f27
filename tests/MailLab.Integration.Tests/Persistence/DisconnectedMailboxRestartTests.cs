using MailKit;
using MailKit.Net.Imap;
using MailLab.Hosting;
using MailLab.Integration.Tests.Imap;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Exchange;
using MailLab.Mail.Persistence;
using MailLab.Mail.Topology;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// A disconnected mailbox survives a restart with a data directory: Delete Mailbox on rosnou.ru (Exchange)
/// moves the mailbox's folders and messages to DIR/rosnou.ru/Exchsrvr/Disconnected, a new MailLabServer
/// on the saved configuration lists it on its store, and after Reconnect a MailKit IMAP client reads
/// every folder's messages with their flags; once reconnected it is not listed again at the next start.
/// The same holds when `maillab up --data-dir` is killed with kill -9 right after the API answered the
/// Delete Mailbox.
/// </summary>
public sealed class DisconnectedMailboxRestartTests : IDisposable
{
    private const string Student = "student@rosnou.ru";
    private const string StoreName = "Mailbox Store (ROSNOU)";
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-disconnected-{Guid.NewGuid():N}");

    [Fact]
    public async Task ADisconnectedMailbox_IsListedAfterARestart_AndReconnectGivesBackItsFoldersAndFlags_OverImap()
    {
        await using (var first = await StartAsync(topology: true))
        {
            using (var imap = await ImapTestSupport.ConnectImapAsync(first, first.World.FindHost("rosnou.ru")!))
            {
                await imap.AuthenticateAsync(Student, "student123");
                await imap.Inbox.AppendAsync(Message("In the inbox"), MessageFlags.Seen);
                var work = (await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync("Work", isMessageFolder: true))!;
                await work.AppendAsync(Message("Flagged work"), MessageFlags.Flagged);
                await imap.DisconnectAsync(quit: true);
            }

            var exchange = first.World.FindHost("rosnou.ru")!.Exchange!;
            exchange.DeleteMailbox(Student);
            first.ConfigurationChanged(); // what the API does after a change it acknowledges
        }

        Directory.GetDirectories(Path.Combine(_dir, "rosnou.ru", "Exchsrvr", "Disconnected")).Should().ContainSingle();
        await using (var second = await StartAsync(topology: false))
        {
            var exchange = second.World.FindHost("rosnou.ru")!.Exchange!;
            var store = exchange.FindStore(StoreName)!;
            exchange.FindMailbox(Student).Should().BeNull("the saved configuration has the user without a mailbox");
            exchange.DeletedMailboxesOn(store).Should().ContainSingle().Which.Should().Match<DeletedMailbox>(d => d.TotalItems == 2 && d.Deleted == Start);

            exchange.ReconnectMailbox(store, Student, Student);
            second.ConfigurationChanged();

            using var imap = await ImapTestSupport.ConnectImapAsync(second, second.World.FindHost("rosnou.ru")!);
            await imap.AuthenticateAsync(Student, "student123");
            (await Summaries(imap.Inbox)).Should().Equal([("In the inbox", MessageFlags.Seen)]);
            (await Summaries(await imap.GetFolderAsync("Work"))).Should().Equal([("Flagged work", MessageFlags.Flagged)]);
            await imap.DisconnectAsync(quit: true);
        }

        await using var third = await StartAsync(topology: false);
        var again = third.World.FindHost("rosnou.ru")!.Exchange!;
        again.DeletedMailboxesOn(again.FindStore(StoreName)!).Should().BeEmpty("reconnected, it is no longer disconnected");
        third.World.FindHost("rosnou.ru")!.Mailboxes.Find(Student)!.Folders.Sum(f => f.Count).Should().Be(2, "the messages are the user's now, once");
    }

    [Fact]
    public async Task KillAfterDeleteMailbox_TheRestartListsItsMail_AndReconnectOverTheApiBringsItBack()
    {
        const string Store = "api/servers/rosnou.ru/exchange/stores/Mailbox%20Store%20(ROSNOU)";
        await using (var first = await MailLabProcess.StartAsync(_dir, RepositoryFiles.Topology("exchange-rosnou.yaml")))
        {
            using var smtp = new MailKit.Net.Smtp.SmtpClient { Timeout = 20_000 };
            await smtp.ConnectAsync(first.MailRuSmtp.Address.ToString(), first.MailRuSmtp.Port, MailKit.Security.SecureSocketOptions.None);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(Message("Before the delete"));
            await MailLabProcess.WaitForAsync(() => first.SubjectsAsync(Student), s => s.Length > 0);
            (await first.Api.DeleteAsync($"api/servers/rosnou.ru/exchange/mailboxes/{Student}")).EnsureSuccessStatusCode();
            first.Kill();
        }

        await using var second = await MailLabProcess.StartAsync(_dir, topology: null);
        using (var listed = System.Text.Json.JsonDocument.Parse(await second.Api.GetStringAsync(Store + "/deleted-mailboxes")))
        {
            listed.RootElement.EnumerateArray().Should().ContainSingle().Which.GetProperty("totalItems").GetInt32().Should().Be(1, "the disconnected mailbox and its message survived kill -9");
        }

        await second.PostAsync($"{Store}/deleted-mailboxes/{Student}/reconnect");
        (await second.SubjectsAsync(Student)).Should().Equal("Before the delete");
    }

    [Fact]
    public async Task ChangesACrashCutShort_AreRemovedAtStart_AndPurgeRemovesTheFiles()
    {
        var root = Path.Combine(_dir, "rosnou.ru", "Exchsrvr", "Disconnected");
        await using (var first = await StartAsync(topology: true))
        {
            first.World.FindHost("rosnou.ru")!.Exchange!.DeleteMailbox("teacher@rosnou.ru");
            first.ConfigurationChanged();
        }

        // A Delete Mailbox cut short after mailbox.txt (the mailbox's folder never moved in), and a Purge cut short after it.
        Directory.CreateDirectory(Path.Combine(root, "cut-before-the-move"));
        File.WriteAllText(Path.Combine(root, "cut-before-the-move", "mailbox.txt"), $"{Student}\t{StoreName}\t2026-09-01T09:00:00.0000000Z\n");
        Directory.CreateDirectory(Path.Combine(root, "cut-after-the-meta", "Mailbox", "rosnou.ru", "P3_student.mbx"));

        await using var second = await StartAsync(topology: false);
        var exchange = second.World.FindHost("rosnou.ru")!.Exchange!;
        var store = exchange.FindStore(StoreName)!;
        exchange.DeletedMailboxesOn(store).Select(d => d.Address).Should().Equal("teacher@rosnou.ru");
        exchange.FindMailbox(Student).Should().NotBeNull("a Delete Mailbox cut short before the move left the mailbox live");
        Directory.GetDirectories(root).Should().ContainSingle("the folders of changes cut short are removed");

        exchange.PurgeMailbox(store, "teacher@rosnou.ru");
        Directory.GetDirectories(root).Should().BeEmpty("Purge removes the disconnected mailbox's files");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static MimeMessage Message(string subject) =>
        new([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(Student)], subject, new TextPart("plain") { Text = "hello" });

    private static async Task<(string?, MessageFlags)[]> Summaries(IMailFolder folder)
    {
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var summaries = await folder.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        await folder.CloseAsync();
        return summaries.Select(s => (s.Envelope?.Subject, (s.Flags ?? MessageFlags.None) & ~MessageFlags.Recent)).ToArray();
    }

    /// <summary>The shipped Exchange topology the first time; then the configuration saved in the data directory, as <c>maillab up --data-dir</c> starts.</summary>
    private async Task<MailLabServer> StartAsync(bool topology)
    {
        var clock = new FakeTimeProvider(Start);
        var world = topology
            ? TopologyLoader.LoadText(File.ReadAllText(RepositoryFiles.Topology("exchange-rosnou.yaml")), "exchange-rosnou.yaml", clock, portsToZero: true)
            : SavedConfiguration.Load(_dir, clock, portsToZero: true);
        var server = new MailLabServer(world, dataDirectory: _dir);
        await server.StartAsync();
        return server;
    }
}
