using System.Text;
using MailLab.Mail.Pop3;
using MailLab.Mail.Simulation;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.MailboxStores;

/// <summary>POP3 reads INBOX: its DELE is an expunge the folder feed shows, an expunge elsewhere answers -ERR to RETR; quotas count every folder.</summary>
public sealed class Pop3AndFoldersTests
{
    private const string Student = "student@rosnou.ru";

    private readonly MailWorld _world = DefaultTopology.Create(new SimulationClock(StoreTestSupport.Start), portOffsetToZero: true);

    private MailHost Rosnou => _world.FindHost("rosnou.ru")!;

    private Mailbox Mailbox => Rosnou.Mailboxes.Find(Student)!;

    private StoredMessage Deliver(string subject)
    {
        var message = new StoredMessage(_world.NextMessageSequence(), "rosnou.ru", "ivan@mail.ru", [Student], Encoding.ASCII.GetBytes($"Subject: {subject}\r\n\r\nbody of {subject}\r\n"), _world.Clock.GetUtcNow());
        Rosnou.Mailboxes.Deliver(Mailbox, message);
        return message;
    }

    private static string Send(InboundPop3Connection connection, string line)
    {
        connection.Session.ClearOutput();
        connection.Session.Receive(Encoding.ASCII.GetBytes(line + "\r\n"));
        return Encoding.ASCII.GetString(connection.Session.Output.Span);
    }

    private InboundPop3Connection LogOn()
    {
        var connection = Rosnou.Pop3.Accept(null, null, tlsAvailable: false);
        Send(connection, "USER student");
        Send(connection, "PASS student123").Should().StartWith("+OK");
        return connection;
    }

    [Fact]
    public void Pop3DeleAtQuit_IsAnExpungeOfInbox_ThatTheFolderFeedShows()
    {
        Deliver("one");
        Deliver("two");
        var mark = Mailbox.Inbox.HighestModSeq;
        var changed = new List<string>();
        Mailbox.Changed += (_, folder) => changed.Add(folder.Name);

        using (var connection = LogOn())
        {
            Send(connection, "DELE 1").Should().StartWith("+OK");
            Mailbox.Inbox.Count.Should().Be(2, "DELE only marks; UPDATE happens at QUIT (RFC 1939 §6)");
            Send(connection, "QUIT").Should().StartWith("+OK");
        }

        var changes = Mailbox.Inbox.ChangesSince(mark);
        changes.Expunged.Should().Equal(1u);
        changes.Messages.Select(m => m.Message.Subject).Should().Equal("two");
        changed.Should().Equal("INBOX");
    }

    [Fact]
    public void AMessageExpungedByImapWhilePop3HoldsTheMaildrop_KeepsItsNumber_ButRetrAnswersErr()
    {
        Deliver("one");
        Deliver("two");
        using var connection = LogOn();

        Mailbox.SetFlags(Mailbox.Inbox, [1], FlagOperation.Add, MessageFlags.Deleted, []);
        Mailbox.Expunge(Mailbox.Inbox).Should().ContainSingle("IMAP sessions are not held off by the POP3 maildrop lock");

        Send(connection, "RETR 1").Should().Be("-ERR message 1 was expunged by another session\r\n");
        Send(connection, "TOP 1 0").Should().StartWith("-ERR message 1 was expunged");
        Send(connection, "RETR 2").Should().StartWith("+OK").And.Contain("Subject: two");
        Send(connection, "STAT").Should().StartWith("+OK 2 ", "message numbers do not change during a session (RFC 1939 §5)");
        Send(connection, "DELE 1").Should().StartWith("+OK");
        Send(connection, "QUIT").Should().StartWith("+OK");
        Mailbox.Messages.Select(m => m.Subject).Should().Equal("two");
    }

    [Fact]
    public void ImapFlagsAndOtherFolders_DoNotChangeThePop3Maildrop()
    {
        Deliver("one");
        Mailbox.EnsureDefaultFolders();
        Mailbox.Append(Mailbox.FindFolder("Sent")!, new StoredMessage(_world.NextMessageSequence(), "rosnou.ru", Student, [], Encoding.ASCII.GetBytes("Subject: sent\r\n\r\nx\r\n"), _world.Clock.GetUtcNow()), MessageFlags.Seen, [], _world.Clock.GetUtcNow());
        Mailbox.SetFlags(Mailbox.Inbox, [1], FlagOperation.Add, MessageFlags.Seen, []);

        using var connection = LogOn();
        Send(connection, "STAT").Should().StartWith("+OK 1 ", "POP3 reads INBOX only, \\Seen or not");
    }

    [Fact]
    public void TheQuota_CountsEveryFolder()
    {
        var first = Deliver("one");
        Rosnou.Pop3.SetQuota(Student, first.Size * 2);
        Rosnou.Pop3.IsOverQuota(Student).Should().BeFalse();

        var sent = Mailbox.CreateFolder("Sent", SpecialUse.Sent);
        Mailbox.Copy(Mailbox.Inbox, [1], sent);

        Rosnou.Pop3.QuotaOf(Rosnou.Pop3.FindMailbox(Student)!)!.UsedBytes.Should().Be(first.Size * 2);
        Rosnou.Pop3.IsOverQuota(Student).Should().BeTrue("the copy in Sent is a file of the mailbox too");
    }
}
