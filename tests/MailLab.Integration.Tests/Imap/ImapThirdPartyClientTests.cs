using System.Globalization;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Pop3;

namespace MailLab.Integration.Tests.Imap;

/// <summary>
/// Real clients against the IMAP TCP listener: python3's imaplib, Debian's mbsync (isync) and
/// fetchmail. scripts/test.sh installs isync and fetchmail; a test whose client is missing fails
/// saying so rather than passing.
/// </summary>
public sealed class ImapThirdPartyClientTests : IDisposable
{
    private const string Student = ImapTestSupport.Student;
    private readonly string _dir = Directory.CreateTempSubdirectory("maillab-imap-clients-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PythonImaplib_LoginSelectFetchStoreMoveLogout()
    {
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "one");
        Pop3TestSupport.Seed(world.Rosnou, Student, "two");
        var port = world.ImapEndPoint(world.Rosnou).Port.ToString(CultureInfo.InvariantCulture);
        var script = $$"""
            import imaplib
            m = imaplib.IMAP4('127.0.0.1', {{port}}, timeout=20)
            print('CAPS', *m.capabilities)
            print(m.login('student@rosnou.ru', 'student123')[0])
            typ, data = m.select('INBOX')
            print('SELECT', typ, data[0].decode())
            typ, data = m.uid('SEARCH', None, 'SUBJECT', 'two')
            print('SEARCH', data[0].decode())
            typ, data = m.fetch('1', '(BODY.PEEK[HEADER.FIELDS (SUBJECT)])')
            print('FETCH', data[0][1].decode().strip())
            print('STORE', m.store('1', '+FLAGS', '\\Flagged')[0])
            print('MOVE', m.uid('MOVE', '2', 'Archive')[0])
            print('LIST', *[l.decode() for l in m.list()[1]], sep='|')
            print(m.logout()[0])
            """;

        var (exit, output) = await ProcessRunner.RunAsync(Require("python3"), "-", script);

        exit.Should().Be(0, output);
        output.Should().Contain("IMAP4REV1").And.Contain("OK");
        output.Should().Contain("SELECT OK 2");
        output.Should().Contain("SEARCH 2");
        output.Should().Contain("FETCH Subject: one");
        output.Should().Contain("STORE OK").And.Contain("MOVE OK");
        output.Should().Contain("\\Archive");
        output.Should().Contain("BYE");
        var mailbox = world.Rosnou.Mailboxes.Find(Student)!;
        mailbox.FindFolder("Archive")!.Messages.Single().Message.Subject.Should().Be("two");
        mailbox.Inbox.Messages.Single().Flags.Should().HaveFlag(Mail.Stores.MessageFlags.Flagged);
    }

    [Fact]
    public async Task Mbsync_SyncsBothWays()
    {
        var mbsync = Require("mbsync");
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "from the server");
        var local = Path.Combine(_dir, "mail");
        Directory.CreateDirectory(local);
        var config = Path.Combine(_dir, "mbsyncrc");
        await File.WriteAllTextAsync(config, $"""
            IMAPAccount rosnou
            Host 127.0.0.1
            Port {world.ImapEndPoint(world.Rosnou).Port}
            User {Student}
            Pass {ImapTestSupport.StudentPassword}
            SSLType None
            AuthMechs LOGIN

            IMAPStore remote
            Account rosnou

            MaildirStore local
            Path {local}/
            Inbox {local}/INBOX
            SubFolders Verbatim

            Channel sync
            Far :remote:
            Near :local:
            Patterns INBOX Archive
            Create Both
            Sync All
            Expunge Both
            SyncState *

            """);

        var (firstExit, first) = await ProcessRunner.RunAsync(mbsync, $"-c {config} sync");
        firstExit.Should().Be(0, first);
        var pulled = Directory.GetFiles(Path.Combine(local, "INBOX"), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();
        pulled.Should().ContainSingle();
        (await File.ReadAllTextAsync(pulled[0])).Should().Contain("Subject: from the server");

        // A message filed locally goes up to the server's Archive; the one read locally is \Seen there.
        var archiveNew = Path.Combine(local, "Archive", "new");
        Directory.CreateDirectory(archiveNew);
        Directory.CreateDirectory(Path.Combine(local, "Archive", "cur"));
        Directory.CreateDirectory(Path.Combine(local, "Archive", "tmp"));
        await File.WriteAllTextAsync(Path.Combine(archiveNew, "1.local"), "From: student@rosnou.ru\r\nTo: student@rosnou.ru\r\nSubject: filed locally\r\n\r\nkept\r\n");
        var seen = Path.Combine(local, "INBOX", "cur", Path.GetFileName(pulled[0]).Split(":2,")[0] + ":2,S");
        File.Move(pulled[0], seen);

        var (secondExit, second) = await ProcessRunner.RunAsync(mbsync, $"-c {config} sync");
        secondExit.Should().Be(0, second);
        var mailbox = world.Rosnou.Mailboxes.Find(Student)!;
        mailbox.FindFolder("Archive")!.Messages.Should().ContainSingle().Which.Message.Subject.Should().Be("filed locally");
        mailbox.Inbox.Messages.Single().IsSeen.Should().BeTrue(second);
    }

    [Fact]
    public async Task Fetchmail_RetrievesOverImap()
    {
        var fetchmail = Require("fetchmail");
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "for fetchmail");
        var delivered = Path.Combine(_dir, "delivered.mbox");
        var rc = Path.Combine(_dir, "fetchmailrc");
        await File.WriteAllTextAsync(rc, $"""
            set no syslog
            poll 127.0.0.1 protocol imap port {world.ImapEndPoint(world.Rosnou).Port} auth password
              user "{Student}" password "{ImapTestSupport.StudentPassword}"
              sslproto '' keep
              mda "/bin/sh -c 'cat >> {delivered}'"

            """);
        if (!OperatingSystem.IsWindows())
        {
            // fetchmail refuses a run control file others can read.
            File.SetUnixFileMode(rc, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (exit, output) = await ProcessRunner.RunAsync(fetchmail, $"--fetchmailrc {rc} --idfile {Path.Combine(_dir, "ids")} --pidfile {Path.Combine(_dir, "pid")} --nodetach --verbose");

        exit.Should().Be(0, output);
        (await File.ReadAllTextAsync(delivered)).Should().Contain("Subject: for fetchmail");
        var inbox = world.Rosnou.Mailboxes.Find(Student)!.Inbox.Messages;
        inbox.Should().ContainSingle("fetchmail keeps the message on the server ('keep')").Which.IsSeen.Should().BeTrue("fetchmail's FETCH of the body sets \\Seen");
    }

    /// <summary>The client's path; fails (not skips) when it is missing, so CI cannot pass without it.</summary>
    private static string Require(string client)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var path = Path.Combine(directory, client);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"{client} is not installed: scripts/test.sh installs it (apt-get install isync fetchmail); this test needs the real client.");
    }
}
