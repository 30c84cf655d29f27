using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// The real crash: `maillab up --data-dir` killed with kill -9 the moment it answers 250, then
/// started again on the same directory. Mail accepted is there exactly once; mail accepted for a
/// remote domain is delivered exactly once after the restart; a file moved into Pickup on disk is sent.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-crash-{Guid.NewGuid():N}");
    private readonly string _topology = Path.Combine(Path.GetTempPath(), $"maillab-crash-{Guid.NewGuid():N}.yaml");

    private readonly Xunit.Abstractions.ITestOutputHelper _log;
    private readonly System.Diagnostics.Stopwatch _time = System.Diagnostics.Stopwatch.StartNew();

    public CrashTests(Xunit.Abstractions.ITestOutputHelper log)
    {
        _log = log;
        // The default topology with rosnou.ru switched off at every start, so mail for it is
        // deferred whether or not the first attempt ran before the kill.
        File.WriteAllText(_topology, Mail.World.DefaultTopology.ReadYaml().Replace("unreachableHosts: []", "unreachableHosts: [rosnou.ru]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillAfter250_RestartHasTheMessageOnce_DeliversTheQueuedOneOnce_AndSendsPickupFiles()
    {
        await using (var first = await MailLabProcess.StartAsync(_dir, _topology))
        {
            using var smtp = new SmtpClient { Timeout = 20_000 };
            await smtp.ConnectAsync(first.MailRuSmtp.Address.ToString(), first.MailRuSmtp.Port, SecureSocketOptions.None);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(Message("ivan@mail.ru", "local"));
            await smtp.SendAsync(Message("student@rosnou.ru", "remote"));
            Phase("sent");
            first.Kill(); // on the 250, before QUIT
        }

        await using (var second = await MailLabProcess.StartAsync(_dir, _topology))
        {
            Phase("restarted");
            second.Output.Should().Contain("read back: 1 in mailboxes, 0 in Drop, 0 in Badmail, 1 queued");
            (await second.SubjectsAsync("ivan@mail.ru")).Should().Equal(["local"], "accepted with 250 before the kill: there exactly once");
            (await second.FolderAsync("mail.ru", "Queue")).Should().ContainSingle();

            await second.PostAsync("api/network/hosts/rosnou.ru/reachable");
            await second.PostAsync("api/clock/advance?by=PT15M"); // the next retry
            (await MailLabProcess.WaitForAsync(() => second.SubjectsAsync("student@rosnou.ru"), s => s.Length > 0)).Should().Equal("remote");
            (await second.FolderAsync("mail.ru", "Queue")).Should().BeEmpty();
            Phase("delivered after restart");

            // IIS: write the file elsewhere and move it into Pickup.
            var staged = Path.Combine(_dir, "staged.eml");
            await File.WriteAllTextAsync(staged, "From: ivan@mail.ru\r\nTo: ivan@mail.ru\r\nSubject: from Pickup on disk\r\n\r\nHello\r\n");
            File.Move(staged, Path.Combine(_dir, "mail.ru", "mailroot", "Pickup", "hello.eml"));
            (await MailLabProcess.WaitForAsync(() => second.SubjectsAsync("ivan@mail.ru"), s => s.Length > 1)).Should().BeEquivalentTo(["local", "from Pickup on disk"]);
            Directory.GetFiles(Path.Combine(_dir, "mail.ru", "mailroot", "Pickup")).Should().BeEmpty("a sent Pickup file is deleted");
            Phase("picked up");
            second.Kill();
        }

        await using var third = await MailLabProcess.StartAsync(_dir, _topology);
        (await third.SubjectsAsync("student@rosnou.ru")).Should().Equal(["remote"], "delivered exactly once, not again after another crash");
        (await third.SubjectsAsync("ivan@mail.ru")).Should().BeEquivalentTo(["local", "from Pickup on disk"]);
        (await third.FolderAsync("mail.ru", "Queue")).Should().BeEmpty();
        Phase("checked after a second restart");
    }

    public void Dispose()
    {
        File.Delete(_topology);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private void Phase(string what) => _log.WriteLine($"{_time.Elapsed.TotalSeconds:0.0} s: {what}");

    private static MimeMessage Message(string to, string subject) => new(
        [MailboxAddress.Parse("ivan@mail.ru")],
        [MailboxAddress.Parse(to)],
        subject,
        new TextPart("plain") { Text = "Hello" });
}
