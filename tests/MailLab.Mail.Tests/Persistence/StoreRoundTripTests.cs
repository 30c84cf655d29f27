using System.Text;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Tests.Persistence;

/// <summary>Every store written by one run of MailLab is read back, byte for byte, by the next.</summary>
public sealed class StoreRoundTripTests : IDisposable
{
    private readonly DataDirectoryFixture _data = new();

    [Fact]
    public void MailboxesWhoseNamesAFileSystemCannotHold_EachKeepAFolderOfTheirOwn_AndReadBackOnlyTheirMail()
    {
        // Once one folder (P3_a_b.mbx, P3__.mbx) held several of these, so after a restart one user read another's mail.
        string[] users = ["a/b", "a_b", "a\\b", "a:b", "a%2Fb", "..", ".", "_", "a.", "a ", "a*b", "a|b"];
        var (world, _) = _data.Open();
        var rosnou = world.FindHost("rosnou.ru")!;
        foreach (var user in users)
        {
            var address = $"{user}@lab.rosnou.ru";
            rosnou.Mailboxes.Deliver(rosnou.Mailboxes.Create(address), DataDirectoryFixture.Message(world, "rosnou.ru", "ivan@mail.ru", [address], $"for [{user}]"));
        }

        Directory.GetDirectories(_data.PathOf("rosnou.ru", "mailroot", "Mailbox", "lab.rosnou.ru")).Should().HaveCount(users.Length);
        File.Exists(_data.PathOf("rosnou.ru", "mailroot", "Mailbox", "lab.rosnou.ru", "P3_a%2Fb.mbx", "ML00000001.eml")).Should().BeTrue();

        var (again, _) = _data.Open();
        foreach (var user in users)
        {
            again.FindHost("rosnou.ru")!.Mailboxes.Find($"{user}@lab.rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal([$"for [{user}]"], $"the mailbox of \"{user}\" holds its own message only");
        }
    }

    [Fact]
    public void Mailbox_RoundTrips_InTheP3Layout_AndIdsContinueAfterTheHighest()
    {
        var (world, _) = _data.Open();
        var rosnou = world.FindHost("rosnou.ru")!;
        var mailbox = rosnou.Mailboxes.Find("student@rosnou.ru")!;
        var first = DataDirectoryFixture.Message(world, "rosnou.ru", "ivan@mail.ru", ["student@rosnou.ru"], "one");
        var second = DataDirectoryFixture.Message(world, "rosnou.ru", string.Empty, ["student@rosnou.ru"], "two");
        rosnou.Mailboxes.Deliver(mailbox, first);
        rosnou.Mailboxes.Deliver(mailbox, second);

        File.Exists(_data.PathOf("rosnou.ru", "mailroot", "Mailbox", "rosnou.ru", "P3_student.mbx", $"{first.Id}.eml")).Should().BeTrue();

        var (again, report) = _data.Open();
        report.Report.Mailboxes.Should().Be(2);
        var back = again.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages;
        back.Select(m => (m.Id, m.Sender, m.TraceId, m.Received)).Should().Equal((first.Id, "ivan@mail.ru", first.TraceId, first.Received), (second.Id, string.Empty, second.TraceId, second.Received));
        back.Select(m => m.Data).Should().BeEquivalentTo([first.Data, second.Data], o => o.WithStrictOrdering(), "POP3 serves the bytes as received, without the envelope lines");
        back[0].Recipients.Should().Equal("student@rosnou.ru");
        again.NextMessageSequence().Should().Be(second.Sequence + 1);
    }

    [Fact]
    public void Pop3Delete_RemovesTheFile_AndTheMessageStaysGoneAfterRestart()
    {
        var (world, _) = _data.Open();
        var host = world.FindHost("mail.ru")!;
        var mailbox = host.Mailboxes.Find("ivan@mail.ru")!;
        var kept = DataDirectoryFixture.Message(world, "mail.ru", "a@mail.ru", ["ivan@mail.ru"], "kept");
        var deleted = DataDirectoryFixture.Message(world, "mail.ru", "a@mail.ru", ["ivan@mail.ru"], "deleted");
        host.Mailboxes.Deliver(mailbox, kept);
        host.Mailboxes.Deliver(mailbox, deleted);

        mailbox.Remove(deleted).Should().BeTrue();

        File.Exists(_data.PathOf("mail.ru", "mailroot", "Mailbox", "mail.ru", "P3_ivan.mbx", $"{deleted.Id}.eml")).Should().BeFalse();
        var (again, _) = _data.Open();
        again.FindHost("mail.ru")!.Mailboxes.Find("ivan@mail.ru")!.Messages.Select(m => m.Subject).Should().Equal("kept");
    }

    [Fact]
    public void DeliveringTheSameMessageAgain_RewritesOneFile_InsteadOfAddingACopy()
    {
        var (world, _) = _data.Open();
        var host = world.FindHost("mail.ru")!;
        var message = DataDirectoryFixture.Message(world, "mail.ru", "a@mail.ru", ["ivan@mail.ru"], "once");
        host.Mailboxes.Deliver(host.Mailboxes.Find("ivan@mail.ru")!, message);
        host.Mailboxes.Deliver(host.Mailboxes.Find("ivan@mail.ru")!, message);

        Directory.GetFiles(_data.PathOf("mail.ru", "mailroot", "Mailbox", "mail.ru", "P3_ivan.mbx")).Should().ContainSingle();
        var (again, _) = _data.Open();
        again.FindHost("mail.ru")!.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle();
    }

    [Fact]
    public void DropAndBadMail_RoundTrip_WithTheReasonInTheBdrFile()
    {
        var (world, _) = _data.Open();
        var vs = DataDirectoryFixture.Vs(world, "mail.ru");
        var dropped = DataDirectoryFixture.Message(world, "mail.ru", "ivan@mail.ru", ["nobody@mail.ru", "other@mail.ru"], "dropped");
        var bad = DataDirectoryFixture.Message(world, "mail.ru", string.Empty, ["x@nowhere.invalid"], "bad");
        var at = world.Clock.GetUtcNow();
        vs.HomeDirectory.Drop.Add(new MailFile($"{dropped.Id}.eml", at, dropped));
        vs.HomeDirectory.BadMail.Add(new MailFile($"{bad.Id}.BAD", at, bad));
        vs.HomeDirectory.BadMail.Add(new MailFile($"{bad.Id}.BDR", at, bad, "Unable to deliver to <x@nowhere.invalid>: 550 5.1.2 no such domain\r\n"));

        File.ReadAllText(_data.PathOf("mail.ru", "mailroot", "Badmail", $"{bad.Id}.BDR")).Should().StartWith("Unable to deliver");
        File.ReadAllText(_data.PathOf("mail.ru", "mailroot", "Drop", $"{dropped.Id}.eml")).Should()
            .StartWith("x-sender: ivan@mail.ru\r\nx-receiver: nobody@mail.ru\r\nx-receiver: other@mail.ru\r\n", "IIS writes the envelope at the top of Drop files");

        var (again, data) = _data.Open();
        var home = DataDirectoryFixture.Vs(again, "mail.ru").HomeDirectory;
        (data.Report.Drop, data.Report.BadMail).Should().Be((1, 1));
        var drop = home.Drop.Files.Should().ContainSingle().Subject;
        (drop.Name, drop.Message.Sender, drop.Created).Should().Be(($"{dropped.Id}.eml", "ivan@mail.ru", at));
        drop.Message.Recipients.Should().Equal("nobody@mail.ru", "other@mail.ru");
        drop.Message.Data.Should().Equal(dropped.Data);
        home.BadMail.Files.Select(f => (f.Name, f.Message.Id, f.Reason)).Should().Equal(
            ($"{bad.Id}.BAD", bad.Id, null),
            ($"{bad.Id}.BDR", bad.Id, "Unable to deliver to <x@nowhere.invalid>: 550 5.1.2 no such domain\r\n"));
        home.BadMail.Find($"{bad.Id}.BAD")!.Message.Sender.Should().BeEmpty("the null reverse-path survives as <>");
    }

    [Fact]
    public async Task DeferredQueueEntry_RoundTrips_WithItsScheduleAndLastError()
    {
        var (world, _) = _data.Open();
        var vs = DataDirectoryFixture.Vs(world, "mail.ru");
        var message = DataDirectoryFixture.Message(world, "mail.ru", "ivan@mail.ru", ["student@rosnou.ru", "petr@rosnou.ru"], "queued");
        vs.Queue.Enqueue(message); // no outbound transport in this world: deferred with 451 4.4.0
        await world.Work.WhenIdleAsync();
        var entry = vs.Queue.Entries.Should().ContainSingle().Subject;
        entry.Attempts.Should().Be(1);
        File.Exists(_data.PathOf("mail.ru", "mailroot", "Queue", $"{message.Id}.queue.json")).Should().BeTrue();

        var (again, data) = _data.Open(DataDirectoryFixture.Start.AddMinutes(1));
        data.Report.Queue.Should().Be(1);
        var back = DataDirectoryFixture.Vs(again, "mail.ru").Queue.Entries.Should().ContainSingle().Subject;
        (back.Message.Id, back.Queued, back.Attempts, back.NextAttempt, back.DelayNotified).Should().Be((message.Id, entry.Queued, 1, entry.NextAttempt, false));
        back.Pending.Should().Equal("student@rosnou.ru", "petr@rosnou.ru");
        back.LastErrors["student@rosnou.ru"].Should().Be(entry.LastErrors["student@rosnou.ru"]);
        back.Message.Data.Should().Equal(message.Data);
        DataDirectoryFixture.Vs(again, "mail.ru").HomeDirectory.Queue.Find($"{message.Id}.eml").Should().NotBeNull();
    }

    [Fact]
    public async Task QueueFileWithoutSidecar_IsAnEntryNotTriedYet_AndLeftoverTempFilesAreIgnored()
    {
        var queue = _data.PathOf("mail.ru", "mailroot", "Queue");
        Directory.CreateDirectory(queue);
        File.WriteAllText(Path.Combine(queue, "ML00000040.eml"), "x-sender: ivan@mail.ru\r\nx-receiver: student@rosnou.ru\r\nx-maillab-id: ML00000040\r\nx-maillab-trace: ML00000040\r\nx-maillab-received: 2026-09-01T08:00:00.0000000+00:00\r\nx-maillab-filed: 2026-09-01T08:00:00.0000000+00:00\r\nSubject: crash before the first try\r\n\r\nx\r\n");
        File.WriteAllText(Path.Combine(queue, ".ML00000041.eml.0123.tmp"), "half a mess");

        var (world, data) = _data.Open();
        await world.Work.WhenIdleAsync(); // its first attempt (no outbound transport here: deferred)

        data.Report.Queue.Should().Be(1);
        var entry = DataDirectoryFixture.Vs(world, "mail.ru").Queue.Entries.Should().ContainSingle().Subject;
        (entry.Message.Subject, entry.Queued, entry.Message.Sender, entry.Attempts).Should().Be(("crash before the first try", new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), "ivan@mail.ru", 1));
        Directory.GetFiles(queue).Select(Path.GetFileName).Should().BeEquivalentTo(["ML00000040.eml", "ML00000040.queue.json"], "a write a crash cut short was never renamed into place: removed");
        world.NextMessageSequence().Should().Be(0x41);
    }

    [Fact]
    public void AFileThatIsNotADirectory_IsAClearError()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_data.Root)!);
        File.WriteAllText(_data.Root, "not a folder");
        try
        {
            var open = () => _data.Open();
            open.Should().Throw<IOException>().WithMessage("*is a file, not a directory*");
        }
        finally
        {
            File.Delete(_data.Root);
        }
    }

    [Fact]
    public void BareMessageFile_IsReadAsAMessage()
    {
        var folder = _data.PathOf("mail.ru", "mailroot", "Mailbox", "mail.ru", "P3_ivan.mbx");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ML00000007.eml"), "X-Mailer: hand\r\nSubject: copied in by hand\r\n\r\nx\r\n");

        var (world, _) = _data.Open();

        var message = world.FindHost("mail.ru")!.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        (message.Id, message.Subject).Should().Be(("ML00000007", "copied in by hand"));
        Encoding.ASCII.GetString(message.Data).Should().StartWith("X-Mailer: hand");
    }

    public void Dispose() => _data.Dispose();
}
