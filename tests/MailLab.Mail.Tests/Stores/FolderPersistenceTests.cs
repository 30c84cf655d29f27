using System.Text;
using MailLab.Mail.Stores;
using MailLab.Mail.Tests.Persistence;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.MailboxStores;

/// <summary>
/// Folders on disk (--data-dir): UIDs, UIDVALIDITY, flags and folders survive a restart, and a
/// kill -9 at any point (a state file cut short or missing, a message file without its state line,
/// an expunge recorded but its file not yet deleted) leaves a store that loads.
/// </summary>
public sealed class FolderPersistenceTests : IDisposable
{
    private const string Student = "student@rosnou.ru";
    private readonly DataDirectoryFixture _data = new();

    private static Mailbox StudentOf(MailWorld world) => world.FindHost("rosnou.ru")!.Mailboxes.Find(Student)!;

    private string MailboxPath(params string[] parts) => _data.PathOf(["rosnou.ru", "mailroot", "Mailbox", "rosnou.ru", "P3_student.mbx", .. parts]);

    private static StoredMessage Deliver(MailWorld world, string subject)
    {
        var message = DataDirectoryFixture.Message(world, "rosnou.ru", "ivan@mail.ru", [Student], subject);
        world.FindHost("rosnou.ru")!.Mailboxes.Deliver(StudentOf(world), message);
        return message;
    }

    private static IEnumerable<object> Picture(Mailbox mailbox) => mailbox.Folders.Select(f => (object)new
    {
        f.Name,
        f.UidValidity,
        f.UidNext,
        f.HighestModSeq,
        f.Subscribed,
        f.SpecialUse,
        Messages = f.Messages.Select(m => (m.Uid, m.Flags, string.Join(' ', m.Keywords), m.InternalDate, m.ModSeq, m.Message.Id, m.Message.Subject)).ToArray(),
    }).ToArray();

    [Fact]
    public void FoldersUidsFlagsAndUidValidity_SurviveARestart()
    {
        var (world, _) = _data.Open();
        var mailbox = StudentOf(world);
        mailbox.EnsureDefaultFolders();
        var first = Deliver(world, "one");
        Deliver(world, "two");
        Deliver(world, "three");
        mailbox.SetFlags(mailbox.Inbox, [1], FlagOperation.Add, MessageFlags.Seen | MessageFlags.Flagged, ["$Forwarded", "Work"]);
        mailbox.Move(mailbox.Inbox, [2], mailbox.FindFolder("Trash")!);
        var sub = mailbox.CreateFolder("Work/Sub");
        mailbox.Append(sub, DataDirectoryFixture.Message(world, "rosnou.ru", Student, [], "draft"), MessageFlags.Draft, ["Later"], DataDirectoryFixture.Start.AddDays(-1));
        mailbox.Copy(mailbox.Inbox, [1], sub);
        mailbox.Subscribe("Junk", false);
        mailbox.SetFlags(mailbox.Inbox, [3], FlagOperation.Add, MessageFlags.Deleted, []);
        mailbox.Expunge(mailbox.Inbox);
        var before = Picture(mailbox);

        File.Exists(MailboxPath($"{first.Id}.eml")).Should().BeTrue("INBOX stays in the POP3 service's P3_user.mbx layout");
        File.Exists(MailboxPath(".Work%2FSub", $"{first.Id}.eml")).Should().BeTrue();

        var (again, report) = _data.Open();
        report.Report.Problems.Should().BeEmpty();
        Picture(StudentOf(again)).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        var reloaded = StudentOf(again);
        reloaded.Append(reloaded.Inbox, DataDirectoryFixture.Message(again, "rosnou.ru", "ivan@mail.ru", [Student], "four"), MessageFlags.None, [], DataDirectoryFixture.Start)
            .Uid.Should().Be(4, "UIDs go on after the highest ever given, expunged ones included");
    }

    [Fact]
    public void RenameAndDelete_OfFolders_SurviveARestart()
    {
        var (world, _) = _data.Open();
        var mailbox = StudentOf(world);
        var work = mailbox.CreateFolder("Work");
        mailbox.CreateFolder("Work/Sub");
        mailbox.Append(work, DataDirectoryFixture.Message(world, "rosnou.ru", "a@mail.ru", [Student], "w"), MessageFlags.Seen, [], DataDirectoryFixture.Start);
        mailbox.CreateFolder("Gone");
        mailbox.RenameFolder("Work", "Old");
        mailbox.DeleteFolder("Gone");
        Directory.CreateDirectory(MailboxPath("%deleted-0123")); // a deletion a crash cut short

        var (again, _) = _data.Open();
        var reloaded = StudentOf(again);
        reloaded.Folders.Select(f => f.Name).Should().Equal("INBOX", "Old", "Old/Sub");
        reloaded.FindFolder("Old")!.Messages.Single().Flags.Should().Be(MessageFlags.Seen);
        reloaded.FindFolder("Old")!.UidValidity.Should().Be(work.UidValidity);
        Directory.Exists(MailboxPath("%deleted-0123")).Should().BeFalse();
    }

    [Fact]
    public void ExistingMessagesWithoutState_GetUidsInFileOrder_TheSameAtEveryLoad()
    {
        var (world, _) = _data.Open();
        var messages = Enumerable.Range(0, 3).Select(i => Deliver(world, $"m{i}")).ToArray();
        Directory.Delete(MailboxPath(".INBOX"), recursive: true); // as a store from before IMAP has it

        var (first, _) = _data.Open();
        StudentOf(first).Inbox.Messages.Select(m => (m.Uid, m.Message.Id)).Should().Equal(messages.Select((m, i) => ((uint)(i + 1), m.Id)));
        var (second, _) = _data.Open();
        Picture(StudentOf(second)).Should().BeEquivalentTo(Picture(StudentOf(first)), o => o.WithStrictOrdering());
    }

    [Fact]
    public void AStateFileCutShortByACrash_Loads_AndLaterChangesAreKept()
    {
        var (world, _) = _data.Open();
        Deliver(world, "one");
        Deliver(world, "two");
        StudentOf(world).SetFlags(StudentOf(world).Inbox, [2], FlagOperation.Add, MessageFlags.Seen, []);
        var state = MailboxPath(".INBOX", "imap.state");
        File.AppendAllText(state, "F 1 99 S"); // a flag change whose line a kill -9 cut short: never acknowledged

        var (again, report) = _data.Open();
        var mailbox = StudentOf(again);
        mailbox.Inbox.Messages.Select(m => (m.Uid, m.Flags)).Should().Equal((1u, MessageFlags.None), (2u, MessageFlags.Seen));
        report.Report.Problems.Should().BeEmpty();
        File.ReadAllText(state).Should().EndWith("\n", "the loader rewrote the journal whole, so appends never follow a broken line");

        mailbox.SetFlags(mailbox.Inbox, [1], FlagOperation.Add, MessageFlags.Answered, []);
        var (third, _) = _data.Open();
        StudentOf(third).Inbox.Find(1)!.Flags.Should().Be(MessageFlags.Answered);
    }

    [Fact]
    public void AMessageFileWithoutItsStateLine_IsAdopted_WithTheNextUid()
    {
        var (world, _) = _data.Open();
        Deliver(world, "one");
        var mailbox = StudentOf(world);
        mailbox.Remove(mailbox.Inbox, [1]);
        var stray = DataDirectoryFixture.Message(world, "rosnou.ru", "ivan@mail.ru", [Student], "stray");
        // A crash between a delivery's message file and its state line.
        File.WriteAllBytes(MailboxPath($"{stray.Id}.eml"), [.. Encoding.ASCII.GetBytes($"x-sender: ivan@mail.ru\r\nx-maillab-id: {stray.Id}\r\nx-maillab-filed: 2026-09-01T09:00:00.0000000+00:00\r\n"), .. stray.Data]);

        var (again, _) = _data.Open();
        StudentOf(again).Inbox.Messages.Select(m => (m.Uid, m.Message.Subject)).Should().Equal((2u, "stray"));
    }

    [Fact]
    public void AnExpungeRecordedBeforeItsFileWasDeleted_StaysExpunged_AndTheFileGoes()
    {
        var (world, _) = _data.Open();
        var kept = Deliver(world, "kept");
        var gone = Deliver(world, "gone");
        var file = MailboxPath($"{gone.Id}.eml");
        var copy = File.ReadAllBytes(file);
        StudentOf(world).Remove(gone).Should().BeTrue();
        File.WriteAllBytes(file, copy); // the crash came after the X line, before the delete

        var (again, _) = _data.Open();
        StudentOf(again).Messages.Select(m => m.Id).Should().Equal(kept.Id);
        File.Exists(file).Should().BeFalse();
        StudentOf(again).Inbox.ChangesSince(0).Expunged.Should().Equal(2u);
    }

    [Fact]
    public void AMessageFileDeletedBehindTheStoresBack_IsLeftOut_WithAProblemReported()
    {
        var (world, _) = _data.Open();
        var gone = Deliver(world, "gone");
        Deliver(world, "kept");
        File.Delete(MailboxPath($"{gone.Id}.eml"));

        var (again, report) = _data.Open();
        StudentOf(again).Inbox.Messages.Select(m => (m.Uid, m.Message.Subject)).Should().Equal((2u, "kept"));
        report.Report.Problems.Should().ContainSingle().Which.Should().Contain(gone.Id);
    }

    [Fact]
    public void RecentClaims_SurviveARestart_AndTheJournalOfClaimsIsCompacted()
    {
        var (world, _) = _data.Open();
        var mailbox = StudentOf(world);
        Deliver(world, "one");
        Deliver(world, "two");
        mailbox.ClaimRecentBelow(mailbox.Inbox, 3).Should().Be(0);
        Deliver(world, "three");
        mailbox.ClaimRecent(mailbox.Inbox, 3).Should().BeTrue();
        var state = MailboxPath(".INBOX", "imap.state");
        File.ReadAllLines(state).Should().Contain("recent 4");

        var (again, _) = _data.Open();
        var reloaded = StudentOf(again);
        reloaded.FirstUnclaimedRecent(reloaded.Inbox).Should().Be(4, "UIDs 1-3 were claimed before the restart");
        reloaded.ClaimRecent(reloaded.Inbox, 3).Should().BeFalse();
        File.ReadAllLines(state).Count(l => l.StartsWith("recent ", StringComparison.Ordinal)).Should().Be(1, "the loader compacts the claims into one line");
        Deliver(again, "four");
        reloaded.ClaimRecentBelow(reloaded.Inbox, 5).Should().Be(4, "the message that came after the restart is recent");
    }

    [Fact]
    public void SubscriptionsWithoutAFolder_SurviveARestart_AndGoToTheFolderCreatedAgain()
    {
        var (world, _) = _data.Open();
        var mailbox = StudentOf(world);
        mailbox.Subscribe("Nowhere");
        mailbox.CreateFolder("Projects");
        mailbox.Subscribe("Projects");
        mailbox.DeleteFolder("Projects");
        mailbox.Subscribe("Odd\nname %");

        var (again, _) = _data.Open();
        var reloaded = StudentOf(again);
        reloaded.SubscribedNamesWithoutFolder.Should().Equal("Nowhere", "Odd\nname %", "Projects");
        reloaded.Unsubscribe("Nowhere").Should().BeTrue();
        reloaded.CreateFolder("Projects").Subscribed.Should().BeTrue();

        var (third, _) = _data.Open();
        var last = StudentOf(third);
        last.SubscribedNamesWithoutFolder.Should().Equal("Odd\nname %");
        last.FindFolder("Projects")!.Subscribed.Should().BeTrue();
        last.Unsubscribe("Nowhere").Should().BeFalse();
    }

    public void Dispose() => _data.Dispose();
}
