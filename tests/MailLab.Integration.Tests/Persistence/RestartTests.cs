using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

using static MailLab.Integration.Tests.Persistence.CrashWindow;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// MailLabServer with a data directory, stopped and started again on the same directory: mail in
/// mailboxes, Drop, Badmail and a deferred queue entry survive, and the entry is delivered once.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-restart-{Guid.NewGuid():N}");

    [Fact]
    public async Task Restart_KeepsMailboxesDropBadMailAndQueue_ThenDeliversTheDeferredMessageOnce()
    {
        await using (var first = await StartAsync(new FakeTimeProvider(Start)))
        {
            first.World.Links.SetHostReachable("rosnou.ru", false);
            using var smtp = await MailKitClients.ConnectSmtpAsync(first, first.GetEndPoint(Vs(first.World, "mail.ru"))!);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(Message("ivan@mail.ru", "to the mailbox"));
            await smtp.SendAsync(Message("student@rosnou.ru", "deferred"));
            await smtp.SendAsync(Message("nobody@lab.mail.ru", "to Drop"));
            await smtp.SendAsync(Message("someone@nowhere.invalid", "to Badmail"), MailboxAddress.Parse("ivan@mail.ru"), [MailboxAddress.Parse("someone@nowhere.invalid")]);
            await smtp.DisconnectAsync(quit: true);
            await first.World.Work.WhenIdleAsync();
            Vs(first.World, "mail.ru").Queue.Count.Should().Be(1, "rosnou.ru is unreachable");
        }

        var clock = new FakeTimeProvider(Start.AddMinutes(1));
        await using (var second = await StartAsync(clock))
        {
            var world = second.World;
            var mailRu = world.FindHost("mail.ru")!;
            var home = Vs(world, "mail.ru").HomeDirectory;
            mailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Select(m => m.Subject).Should().Contain("to the mailbox");
            home.Drop.Files.Select(f => f.Message.Subject).Should().Equal("to Drop");
            home.BadMail.Files.Should().BeEmpty("the NDR for nowhere.invalid went back to ivan, not to Badmail");
            var entry = Vs(world, "mail.ru").Queue.Entries.Should().ContainSingle().Subject;
            (entry.Message.Subject, entry.Attempts, entry.Queued).Should().Be(("deferred", 1, Start));

            clock.Advance(TimeSpan.FromMinutes(15)); // the first retry, 15 minutes after the failed attempt
            await world.Work.WhenIdleAsync();

            world.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("deferred");
            Vs(world, "mail.ru").Queue.Count.Should().Be(0);
            Directory.GetFiles(Path.Combine(_dir, "mail.ru", "mailroot", "Queue")).Should().BeEmpty("the delivered entry's files are gone");
        }

        await using var third = await StartAsync(new FakeTimeProvider(Start.AddHours(1)));
        third.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle("delivered exactly once");
        third.World.FindHost("mail.ru")!.Mailboxes.Find("ivan@mail.ru")!.Messages.Select(m => m.Subject)
            .Should().BeEquivalentTo(["to the mailbox", "Delivery Status Notification (Failure)"], "the NDR for nowhere.invalid came back to ivan, once");
        Vs(third.World, "mail.ru").Queue.Count.Should().Be(0);
    }

    /// <summary>
    /// The one crash window a queue has: the next hop stored the message and said 250, and the
    /// sender died before recording it. Recreated exactly on disk (mail.ru's Queue files as they
    /// were before the relay, rosnou.ru's mailbox file written): after the restart mail.ru relays
    /// again, and rosnou.ru recognises the same hop and id and does not store a second copy.
    /// </summary>
    [Fact]
    public async Task SenderCrashAfterTheNextHops250_RelaysAgain_AndTheLastHopStoresItOnce()
    {
        var queue = Path.Combine(_dir, "mail.ru", "mailroot", "Queue");
        var before = Path.Combine(_dir, "queue-before-relay");
        var clock = new FakeTimeProvider(Start);
        await using (var first = await StartAsync(clock))
        {
            first.World.Links.SetHostReachable("rosnou.ru", false);
            using var smtp = await MailKitClients.ConnectSmtpAsync(first, first.GetEndPoint(Vs(first.World, "mail.ru"))!);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(Message("student@rosnou.ru", "relayed twice, stored once"));
            await smtp.DisconnectAsync(quit: true);
            await first.World.Work.WhenIdleAsync();
            CopyFolder(queue, before);

            first.World.Links.SetHostReachable("rosnou.ru", true);
            clock.Advance(TimeSpan.FromMinutes(15));
            await first.World.Work.WhenIdleAsync();
            first.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle();
        }

        CopyFolder(before, queue); // the crash: mail.ru never recorded rosnou.ru's 250
        var again = new FakeTimeProvider(Start.AddMinutes(30));
        await using var second = await StartAsync(again);
        second.Data!.Report.Queue.Should().Be(1);
        await second.World.Work.WhenIdleAsync(); // due: relayed again at once

        Vs(second.World, "mail.ru").Queue.Count.Should().Be(0, "rosnou.ru answered 250 again");
        second.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal(["relayed twice, stored once"], "delivery is exactly once");
        var trace = second.World.Trace.Snapshot();
        trace.Should().Contain(e => e.Host == "mail.ru" && e.Text.StartsWith("Relayed to rosnou.ru", StringComparison.Ordinal), "mail.ru did send it again");
        trace.Should().Contain(e => e.Host == "rosnou.ru" && e.Text.Contains("not stored twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pop3DeleAppliedAtQuit_DeletesTheFile_AndTheMessageStaysGoneAfterRestart()
    {
        var mailboxFolder = Path.Combine(_dir, "mail.ru", "mailroot", "Mailbox", "mail.ru", "P3_ivan.mbx");
        await using (var first = await StartAsync(new FakeTimeProvider(Start)))
        {
            using (var smtp = await MailKitClients.ConnectSmtpAsync(first, first.GetEndPoint(Vs(first.World, "mail.ru"))!))
            {
                await smtp.SendAsync(Message("ivan@mail.ru", "read and deleted"));
                await smtp.SendAsync(Message("ivan@mail.ru", "kept"));
                await smtp.DisconnectAsync(quit: true);
            }

            await first.World.Work.WhenIdleAsync();
            Directory.GetFiles(mailboxFolder).Should().HaveCount(2);

            using var pop3 = new MailKit.Net.Pop3.Pop3Client { Timeout = 20_000 };
            var endPoint = first.GetPop3EndPoint(first.World.FindHost("mail.ru")!.Pop3)!;
            await pop3.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, MailKit.Security.SecureSocketOptions.None);
            await pop3.AuthenticateAsync("ivan@mail.ru", "ivan123");
            (await pop3.GetMessageAsync(0)).Subject.Should().Be("read and deleted");
            await pop3.DeleteMessageAsync(0);
            Directory.GetFiles(mailboxFolder).Should().HaveCount(2, "DELE only marks it; the UPDATE state after QUIT deletes (RFC 1939 §6)");
            await pop3.DisconnectAsync(quit: true);
            Directory.GetFiles(mailboxFolder).Should().ContainSingle();
        }

        await using var second = await StartAsync(new FakeTimeProvider(Start.AddMinutes(1)));
        second.World.FindHost("mail.ru")!.Mailboxes.Find("ivan@mail.ru")!.Messages.Select(m => m.Subject).Should().Equal("kept");
    }

    [Fact]
    public async Task PickupFilesWaitingAtStartUp_AreSentAndDeleted_AndAFileThatIsNotMailGoesToBadmail()
    {
        var pickup = Path.Combine(_dir, "rosnou.ru", "mailroot", "Pickup");
        Directory.CreateDirectory(pickup);
        await File.WriteAllTextAsync(Path.Combine(pickup, "waiting.eml"), "x-sender: robot@rosnou.ru\r\nx-receiver: student@rosnou.ru\r\nSubject: waited for the start\r\n\r\nx\r\n");
        await File.WriteAllTextAsync(Path.Combine(pickup, "junk.txt"), "Subject: no addresses at all\r\n\r\nx\r\n");

        await using var server = await StartAsync(new FakeTimeProvider(Start));
        await server.World.Work.WhenIdleAsync();

        server.Data!.Report.Pickup.Should().Be(2);
        var student = server.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        (student.Subject, student.Sender).Should().Be(("waited for the start", "robot@rosnou.ru"));
        Directory.GetFiles(pickup).Should().BeEmpty();
        Directory.GetFiles(Path.Combine(_dir, "rosnou.ru", "mailroot", "Badmail")).Select(Path.GetFileName).Should().BeEquivalentTo(["junk.BAD", "junk.BDR"]);
    }

    [Fact]
    public async Task NullSenderMailThatCannotBeReturned_IsInBadmailAfterRestart_AsBadAndBdr()
    {
        await using (var first = await StartAsync(new FakeTimeProvider(Start)))
        {
            using var smtp = await MailKitClients.ConnectSmtpAsync(first, first.GetEndPoint(Vs(first.World, "mail.ru"))!);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(Message("someone@nowhere.invalid", "bounce of a bounce"), new MailboxAddress(string.Empty, string.Empty), [MailboxAddress.Parse("someone@nowhere.invalid")]);
            await smtp.DisconnectAsync(quit: true);
            await first.World.Work.WhenIdleAsync();
        }

        await using var second = await StartAsync(new FakeTimeProvider(Start.AddMinutes(1)));
        var badMail = Vs(second.World, "mail.ru").HomeDirectory.BadMail.Files;
        badMail.Select(f => Path.GetExtension(f.Name)).Should().Equal(".BAD", ".BDR");
        badMail[0].Message.Subject.Should().Be("bounce of a bounce");
        badMail[1].Reason.Should().Contain("someone@nowhere.invalid");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static MimeMessage Message(string to, string subject) => new(
        [MailboxAddress.Parse("ivan@mail.ru")],
        [MailboxAddress.Parse(to)],
        subject,
        new TextPart("plain") { Text = "Hello" });

    private async Task<MailLabServer> StartAsync(FakeTimeProvider clock)
    {
        // lab.mail.ru: a plain IIS local domain (no POP3 domain), whose users' mail goes to Drop.
        var world = DefaultTopology.Create(clock, portOffsetToZero: true);
        Vs(world, "mail.ru").Domains.Add("lab.mail.ru", Mail.Smtp.SmtpDomainType.LocalAlias);
        var server = new MailLabServer(world, dataDirectory: _dir);
        await server.StartAsync();
        return server;
    }
}
