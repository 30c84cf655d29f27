using System.Text;
using MailLab.Mail.Simulation;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.Imap;

/// <summary>
/// \Recent over the real store (RFC 3501 §2.3.2, imaptest's select and search-flags groups): a
/// message is recent in one session only, the first to SELECT its folder; EXAMINE and STATUS look
/// without claiming.
/// </summary>
public sealed class ImapRecentTests : IDisposable
{
    private const string Student = "student@rosnou.ru";

    private readonly MailWorld _world = DefaultTopology.Create(new SimulationClock(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)), portOffsetToZero: true);
    private readonly List<ImapTestSession> _open = [];

    public ImapRecentTests()
    {
        Rosnou.Imap.Enabled = true;
    }

    private MailHost Rosnou => _world.FindHost("rosnou.ru")!;

    private void Deliver(string subject)
    {
        var mailbox = Rosnou.Mailboxes.Find(Student)!;
        var message = new StoredMessage(_world.NextMessageSequence(), "rosnou.ru", "ivan@mail.ru", [Student], Encoding.ASCII.GetBytes($"From: ivan@mail.ru\r\nSubject: {subject}\r\n\r\nbody\r\n"), _world.Clock.GetUtcNow());
        Rosnou.Mailboxes.Deliver(mailbox, message);
    }

    private ImapTestSession LogOn()
    {
        var session = new ImapTestSession(Rosnou.Imap);
        _open.Add(session);
        session.Command("LOGIN student student123").Should().Contain("A1 OK");
        return session;
    }

    [Fact]
    public void FirstSelect_ClaimsRecent_ExamineAndStatusDoNot()
    {
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

    public void Dispose()
    {
        foreach (var session in _open)
        {
            session.Dispose();
        }
    }
}
