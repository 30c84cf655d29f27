using System.Text;
using MailLab.Mail.Pop3;
using MailLab.Mail.Simulation;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.Imap;

/// <summary>The IMAP adapter over the folder store, through the real ImapServerSession in memory.</summary>
public sealed class ImapAdapterTests : IDisposable
{
    private const string Student = "student@rosnou.ru";

    private readonly MailWorld _world = DefaultTopology.Create(new SimulationClock(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)), portOffsetToZero: true);
    private readonly List<IDisposable> _open = [];

    public ImapAdapterTests()
    {
        Rosnou.Imap.Enabled = true;
    }

    private MailHost Rosnou => _world.FindHost("rosnou.ru")!;

    private Mailbox Mailbox => Rosnou.Mailboxes.Find(Student)!;

    private StoredMessage Deliver(string subject)
    {
        var message = new StoredMessage(_world.NextMessageSequence(), "rosnou.ru", "ivan@mail.ru", [Student], Encoding.ASCII.GetBytes($"From: ivan@mail.ru\r\nSubject: {subject}\r\n\r\nbody of {subject}\r\n"), _world.Clock.GetUtcNow());
        Rosnou.Mailboxes.Deliver(Mailbox, message);
        return message;
    }

    private ImapTestSession LogOn()
    {
        var session = new ImapTestSession(Rosnou.Imap);
        _open.Add(session);
        session.Command("LOGIN student student123").Should().Contain("A1 OK");
        return session;
    }

    private static string Pop3(InboundPop3Connection connection, string line)
    {
        connection.Session.ClearOutput();
        connection.Session.Receive(Encoding.ASCII.GetBytes(line + "\r\n"));
        return Encoding.ASCII.GetString(connection.Session.Output.Span);
    }

    private InboundPop3Connection Pop3LogOn()
    {
        var connection = Rosnou.Pop3.Accept(null, null, tlsAvailable: false);
        _open.Add(connection);
        Pop3(connection, "USER student");
        Pop3(connection, "PASS student123").Should().StartWith("+OK");
        return connection;
    }

    private IEnumerable<TraceEvent> Events(TraceKind kind) => _world.Trace.Snapshot().Where(e => e.Kind == kind);

    [Fact]
    public void Logon_WithThePop3Account_CreatesTheSpecialUseFolders_AndIsTraced()
    {
        using var session = new ImapTestSession(Rosnou.Imap);
        session.Greeting.Should().StartWith("* OK");
        session.Command("LOGIN student wrong").Should().Contain("A1 NO [AUTHENTICATIONFAILED]");

        session.Command("LOGIN student student123").Should().Contain("A2 OK");
        var list = session.Command("LIST \"\" \"*\"");

        list.Should().Contain("\\Sent").And.Contain("\\Drafts").And.Contain("\\Trash").And.Contain("\\Junk").And.Contain("\\Archive");
        list.Should().MatchRegex("(?m)^\\* LIST \\([^)]*\\\\Trash[^)]*\\) \"/\" \"?Trash\"?\r$");
        Mailbox.Folders.Select(f => f.Name).Should().Equal("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash");
        Events(TraceKind.ImapLogon).Should().ContainSingle().Which.Text.Should().Contain(Student);
        _world.Trace.Snapshot().Where(e => e.Kind == TraceKind.ClientLine).Select(e => e.Text).Should().Contain(l => l.StartsWith("A2 LOGIN student")).And.NotContain(l => l.Contains("student123"), "the password is redacted");
    }

    [Fact]
    public void Append_ThenFetch_GivesTheBytesBack_WithAppendUid_AndTracesBoth()
    {
        var session = LogOn();
        const string Draft = "From: student@rosnou.ru\r\nSubject: draft\r\n\r\nnot yet sent\r\n";

        session.Append("Drafts", "\\Draft \\Seen", Draft).Should().MatchRegex($"A2 OK \\[APPENDUID {Mailbox.FindFolder("Drafts")!.UidValidity} 1\\]");
        var stored = Mailbox.FindFolder("Drafts")!.Messages.Single();
        stored.Flags.Should().Be(MessageFlags.Draft | MessageFlags.Seen);
        Encoding.ASCII.GetString(stored.Message.Data).Should().Be(Draft);

        session.Command("SELECT Drafts").Should().Contain("* 1 EXISTS");
        var fetch = session.Command("UID FETCH 1 (BODY[])");

        fetch.Should().Contain(Draft);
        Events(TraceKind.AppendedByImap).Should().ContainSingle().Which.MessageId.Should().Be(stored.Message.Id);
        Events(TraceKind.RetrievedByImap).Should().ContainSingle().Which.Text.Should().Be($"Retrieved by IMAP by {Student}");
        Events(TraceKind.ImapSelect).Should().ContainSingle().Which.Text.Should().Contain("Drafts");
    }

    [Fact]
    public void Append_ToAMissingFolder_AnswersTryCreate_AndOverTheQuota_OverQuota()
    {
        var session = LogOn();
        session.Append("Nowhere", "", "Subject: x\r\n\r\nx\r\n").Should().Contain("NO [TRYCREATE]");

        Rosnou.Pop3.SetQuota(Student, 10);
        session.Append("Drafts", "", "Subject: big\r\n\r\nmore than ten octets\r\n").Should().Contain("NO [OVERQUOTA]");
        Mailbox.FindFolder("Drafts")!.Count.Should().Be(0);
    }

    [Fact]
    public void MoveToTrash_MovesTheMessageInTheStore_WithCopyUid_AndTracesMovedToTrash()
    {
        var message = Deliver("junk mail");
        var session = LogOn();
        session.Command("SELECT INBOX").Should().Contain("* 1 EXISTS");

        var moved = session.Command("UID MOVE 1 Trash");

        moved.Should().Contain($"[COPYUID {Mailbox.FindFolder("Trash")!.UidValidity} 1 1]").And.Contain("* 1 EXPUNGE");
        Mailbox.Inbox.Count.Should().Be(0);
        Mailbox.FindFolder("Trash")!.Messages.Single().Message.Should().BeSameAs(message);
        Events(TraceKind.MovedByImap).Should().ContainSingle().Which.Should().Match<TraceEvent>(e => e.Text.Contains("to Trash") && e.MessageId == message.Id);
        Events(TraceKind.ExpungedByImap).Should().BeEmpty("a move is traced as a move, not also as an expunge");
    }

    [Fact]
    public void Pop3DeleAtQuit_IsSeenByASelectedImapSession_AsExpunge()
    {
        Deliver("one");
        Deliver("two");
        var imap = LogOn();
        imap.Command("SELECT INBOX").Should().Contain("* 2 EXISTS");

        var pop3 = Pop3LogOn();
        Pop3(pop3, "DELE 1").Should().StartWith("+OK");
        Pop3(pop3, "QUIT").Should().StartWith("+OK");

        imap.Updates.IsSet.Should().BeTrue("the store's change event reached the session");
        imap.Command("NOOP").Should().Contain("* 1 EXPUNGE");
        imap.Command("FETCH 1 (BODY[HEADER.FIELDS (SUBJECT)])").Should().Contain("Subject: two");
    }

    [Fact]
    public void AnIdlingImapSession_IsToldOfADeliveryAndAPop3Expunge_AtOnce()
    {
        Deliver("one");
        var imap = LogOn();
        imap.Command("SELECT INBOX");
        imap.Send("A9 IDLE\r\n");
        imap.Take().Should().StartWith("+ ");

        Deliver("two");
        imap.Updates.IsSet.Should().BeTrue();
        imap.Connection.Session.Wake();
        imap.Take().Should().Contain("* 2 EXISTS");

        var pop3 = Pop3LogOn();
        Pop3(pop3, "DELE 1");
        Pop3(pop3, "QUIT");
        imap.Connection.Session.Wake();
        imap.Take().Should().Contain("* 1 EXPUNGE");

        imap.Send("DONE\r\n");
        imap.Take().Should().Contain("A9 OK");
    }

    [Fact]
    public void AnImapExpunge_RemovesTheMessageFromThePop3Maildrop()
    {
        Deliver("one");
        Deliver("two");
        var holding = Pop3LogOn(); // a POP3 session holding the maildrop while IMAP expunges
        var imap = LogOn();
        imap.Command("SELECT INBOX");
        imap.Command("STORE 1 +FLAGS (\\Deleted)").Should().Contain("A3 OK");
        imap.Command("EXPUNGE").Should().Contain("* 1 EXPUNGE");

        Pop3(holding, "RETR 1").Should().StartWith("-ERR message 1 was expunged");
        Pop3(holding, "QUIT");
        var next = Pop3LogOn();
        Pop3(next, "STAT").Should().StartWith("+OK 1 ");
        Events(TraceKind.ExpungedByImap).Should().ContainSingle();
    }

    [Fact]
    public void Flags_SetByOneSession_ReachAnother_AndStatusCountsUnseen()
    {
        Deliver("one");
        Deliver("two");
        var first = LogOn();
        var second = LogOn();
        first.Command("SELECT INBOX");
        second.Command("SELECT INBOX");

        first.Command("STORE 2 +FLAGS.SILENT (\\Seen $Forwarded)").Should().Contain("OK");
        second.Command("NOOP").Should().MatchRegex(@"\* 2 FETCH \(.*FLAGS \(\\Seen \$Forwarded\)");
        first.Command("STATUS Trash (MESSAGES UNSEEN)").Should().Contain("MESSAGES 0");
        second.Command("UNSELECT");
        second.Command("STATUS INBOX (MESSAGES UNSEEN UIDNEXT)").Should().Contain("MESSAGES 2").And.Contain("UNSEEN 1").And.Contain("UIDNEXT 3");
    }

    [Fact]
    public void Quota_IsThePop3Quota_OverEveryFolder()
    {
        var message = Deliver("one");
        Rosnou.Pop3.SetQuota(Student, 100 * 1024);
        var session = LogOn();
        session.Command("UID COPY 1 Archive").Should().Contain("BAD", "nothing is selected yet");
        session.Command("SELECT INBOX");
        session.Command("UID COPY 1 Archive").Should().Contain("OK [COPYUID");

        var quota = session.Command("GETQUOTAROOT INBOX");

        quota.Should().Contain($"STORAGE {(2 * message.Size + 1023) / 1024} 100");
    }

    [Fact]
    public void CreateRenameDelete_GoToTheStore()
    {
        var session = LogOn();
        session.Command("CREATE Work/2026").Should().Contain("OK");
        session.Command("CREATE Work").Should().Contain("NO [ALREADYEXISTS]");
        session.Command("RENAME Work Projects").Should().Contain("OK");
        session.Command("DELETE Projects").Should().Contain("NO");
        session.Command("DELETE Projects/2026").Should().Contain("OK");
        session.Command("DELETE INBOX").Should().Contain("NO");

        Mailbox.Folders.Select(f => f.Name).Should().Contain("Projects").And.NotContain(n => n.StartsWith("Work"));
    }

    [Fact]
    public void ASwitchedOffService_AndOneOverItsConnectionLimit_SayByeAndClose()
    {
        Rosnou.Imap.MaxConnections = 1;
        var first = LogOn();
        using (var second = new ImapTestSession(Rosnou.Imap))
        {
            second.Greeting.Should().StartWith("* BYE Too many connections");
            second.Connection.Session.IsClosed.Should().BeTrue();
        }

        first.Command("NOOP").Should().Contain("OK");
        Rosnou.Imap.Enabled = false;
        using var off = new ImapTestSession(Rosnou.Imap);
        off.Greeting.Should().StartWith("* BYE");
        off.Connection.Session.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void RequireSecurePasswordAuthentication_OfPop3_DisablesCleartextImapLogonOutsideTls()
    {
        Rosnou.Pop3.RequireSecurePasswordAuthentication = true;
        using var session = new ImapTestSession(Rosnou.Imap);

        session.Greeting.Should().Contain("LOGINDISABLED");
        session.Command("LOGIN student student123").Should().Contain("NO");
    }

    [Fact]
    public void Recent_IsClaimedByTheFirstSelect_ExamineAndStatusOnlyLook()
    {
        // RFC 3501 §2.3.2 over the real store (imaptest's select and search-flags groups).
        Deliver("one");
        Deliver("two");
        var first = LogOn();
        var second = LogOn();

        first.Command("EXAMINE INBOX").Should().Contain("* 2 RECENT\r\n");
        first.Command("STATUS INBOX (RECENT)").Should().Contain("(RECENT 2)");
        first.Command("SELECT INBOX").Should().Contain("* 2 RECENT\r\n");
        first.Command("SEARCH NEW").Should().Contain("* SEARCH 1 2\r\n");
        first.Command("FETCH 1 FLAGS").Should().Contain("* 1 FETCH (FLAGS (\\Recent))");

        second.Command("STATUS INBOX (RECENT)").Should().Contain("(RECENT 0)");
        second.Command("SELECT INBOX").Should().Contain("* 0 RECENT\r\n");
        second.Command("SEARCH OLD").Should().Contain("* SEARCH 1 2\r\n");

        // A delivery is recent in the first session to see it: here the one whose NOOP comes first.
        Deliver("three");
        second.Command("NOOP").Should().Contain("* 3 EXISTS\r\n* 1 RECENT\r\n");
        first.Command("NOOP").Should().Contain("* 3 EXISTS\r\n* 2 RECENT\r\n");
        first.Command("SEARCH RECENT").Should().Contain("* SEARCH 1 2\r\n");
    }

    [Fact]
    public void Subscription_OutlivesItsFolder_AndShowsAsNonExistent()
    {
        // RFC 3501 §6.3.9, RFC 5258 §3 (imaptest listext): DELETE keeps the subscription.
        var session = LogOn();
        session.Command("CREATE Projects").Should().Contain("OK");
        session.Command("SUBSCRIBE Projects").Should().Contain("OK");
        session.Command("SUBSCRIBE Nowhere").Should().Contain("OK");
        session.Command("DELETE Projects").Should().Contain("OK");

        session.Command("LIST (SUBSCRIBED) \"\" *").Should().Contain("* LIST (\\NonExistent \\Subscribed) \"/\" \"Projects\"\r\n")
            .And.Contain("* LIST (\\NonExistent \\Subscribed) \"/\" \"Nowhere\"\r\n");
        session.Command("LIST \"\" *").Should().NotContain("Projects").And.NotContain("Nowhere");
        session.Command("LSUB \"\" Projects").Should().Contain("* LSUB (\\Noselect) \"/\" \"Projects\"\r\n");

        session.Command("CREATE Projects").Should().Contain("OK");
        session.Command("LIST (SUBSCRIBED) \"\" Projects").Should().Contain("* LIST (\\HasNoChildren \\Subscribed) \"/\" \"Projects\"\r\n");
        session.Command("UNSUBSCRIBE Nowhere").Should().Contain("OK");
        session.Command("UNSUBSCRIBE Nowhere").Should().Contain("NO [NONEXISTENT]");
    }

    public void Dispose()
    {
        foreach (var each in _open)
        {
            each.Dispose();
        }
    }
}
