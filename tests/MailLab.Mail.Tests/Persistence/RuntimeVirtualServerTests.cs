using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.Persistence;

/// <summary>
/// A virtual server added while the data directory is open (what the admin API, the wizard and
/// `maillab smtp vs create` do) gets its home directory on disk before it is listed, like one of the
/// topology: its folders are written, its Pickup folder is watched, and a world started from the
/// saved topology (which lists it after the default one) reads it back from the same folder. The POP3
/// store stays in the mailroot it was written in when the virtual server that owned it is deleted.
/// </summary>
public sealed class RuntimeVirtualServerTests : IDisposable
{
    private const string Second = "Second SMTP Virtual Server";
    private readonly DataDirectoryFixture _data = new();

    [Fact]
    public async Task AddedVirtualServer_WritesItsFolders_WatchesItsPickup_AndIsReadBackFromTheSameFolder()
    {
        var (world, _) = _data.Open();
        var vs = AddSecond(world);
        var dropped = new TaskCompletionSource<MailFile>(TaskCreationOptions.RunContinuationsAsynchronously);
        vs.HomeDirectory.Drop.FileAdded += (_, file) => dropped.TrySetResult(file);

        // The same home directory as the default virtual server: a folder of its own, after it.
        var pickup = _data.PathOf("mail.ru", "mailroot-2", "Pickup");
        var staged = _data.PathOf("staged.eml");
        await File.WriteAllTextAsync(staged, "x-sender: ivan@mail.ru\r\nx-receiver: someone@second.mail.ru\r\nSubject: picked up\r\n\r\nHello\r\n");
        File.Move(staged, Path.Combine(pickup, "hello.eml"));
        var file = await dropped.Task.WaitAsync(TimeSpan.FromSeconds(10));

        File.Exists(_data.PathOf("mail.ru", "mailroot-2", "Drop", file.Name)).Should().BeTrue("Drop is on disk before the file is listed");
        Directory.Exists(_data.PathOf("mail.ru", "mailroot", "Drop")).Should().BeFalse("the default virtual server's Drop is its own");
        Directory.GetFiles(pickup).Should().BeEmpty("a sent Pickup file is deleted");

        var (again, data) = _data.Open(w => AddSecond(w));
        data.Report.Drop.Should().Be(1);
        again.FindHost("mail.ru")!.Smtp.Find(Second)!.HomeDirectory.Drop.Files.Select(f => (f.Name, f.Message.Subject)).Should().Equal((file.Name, "picked up"));
        DataDirectoryFixture.Vs(again, "mail.ru").HomeDirectory.Drop.Count.Should().Be(0);
    }

    [Fact]
    public void AddedVirtualServer_ReadsBackWhatItsFolderHolds_AndIdsGoOnAfterIt()
    {
        var queue = _data.PathOf("mail.ru", "mailroot2", "Drop");
        Directory.CreateDirectory(queue);
        File.WriteAllText(Path.Combine(queue, "ML00000070.eml"), "x-sender: ivan@mail.ru\r\nx-receiver: someone@second.mail.ru\r\nx-maillab-id: ML00000070\r\nx-maillab-filed: 2026-09-01T08:00:00.0000000+00:00\r\nSubject: left by a deleted server\r\n\r\nx\r\n");
        var (world, _) = _data.Open();

        var vs = world.FindHost("mail.ru")!.Smtp.AddVirtualServer(Second, IPAddress.Loopback, 0, @"C:\Inetpub\mailroot2", "second.mail.ru");

        vs.HomeDirectory.Drop.Files.Select(f => f.Name).Should().Equal("ML00000070.eml");
        world.NextMessageSequence().Should().Be(0x71, "a new message must not take the name of a file already there");
    }

    [Fact]
    public void MailboxStore_StaysInItsFolder_WhenTheVirtualServerWhoseMailrootHoldsItIsGone()
    {
        var (world, _) = _data.Open();
        var rosnou = world.FindHost("rosnou.ru")!;
        rosnou.Mailboxes.Deliver(rosnou.Mailboxes.Find("student@rosnou.ru")!, DataDirectoryFixture.Message(world, "rosnou.ru", "ivan@mail.ru", ["student@rosnou.ru"], "kept"));

        // The next start's topology: the default virtual server deleted, another one (in mailroot2) first.
        var (again, data) = _data.Open(w =>
        {
            var smtp = w.FindHost("rosnou.ru")!.Smtp;
            smtp.AddVirtualServer(Second, IPAddress.Loopback, 0, @"C:\Inetpub\mailroot2", "second.rosnou.ru");
            smtp.RemoveVirtualServer(smtp.Find(DefaultTopology.VirtualServerName)!);
        });

        data.Report.Mailboxes.Should().Be(1);
        again.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("kept");
    }

    [Fact]
    public void TwoVirtualServersWithOneHomeDirectory_EachKeepsItsFolder_WhenTheFirstIsDeleted()
    {
        var (world, _) = _data.Open();
        var second = AddSecond(world);
        var message = DataDirectoryFixture.Message(world, "mail.ru", "ivan@mail.ru", ["someone@second.mail.ru"], "second's");
        second.HomeDirectory.Drop.Add(new MailFile($"{message.Id}.eml", world.Clock.GetUtcNow(), message));
        File.Exists(_data.PathOf("mail.ru", "mailroot-2", "Drop", $"{message.Id}.eml")).Should().BeTrue();

        // The next start's topology: the default virtual server deleted, so the second one is first.
        var (again, _) = _data.Open(w =>
        {
            AddSecond(w);
            w.FindHost("mail.ru")!.Smtp.RemoveVirtualServer(DataDirectoryFixture.Vs(w, "mail.ru"));
        });

        again.FindHost("mail.ru")!.Smtp.Find(Second)!.HomeDirectory.Drop.Files.Select(f => f.Message.Subject).Should().Equal("second's");
    }

    public void Dispose() => _data.Dispose();

    private static SmtpVirtualServer AddSecond(MailWorld world) =>
        world.FindHost("mail.ru")!.Smtp.AddVirtualServer(Second, IPAddress.Loopback, 0, @"C:\Inetpub\mailroot", "second.mail.ru");
}
