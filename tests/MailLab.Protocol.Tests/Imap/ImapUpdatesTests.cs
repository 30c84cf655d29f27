using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>Unsolicited updates: the store's "changed" reaches the transport, IDLE writes them on Wake, other states wait for a command.</summary>
public sealed class ImapUpdatesTests
{
    [Fact]
    public void Delivery_DuringIdle_SignalsTheTransport_AndWakeWritesExists()
    {
        using var driver = new ImapSessionDriver();
        driver.LogIn();
        driver.Select();
        driver.Command("i1 IDLE").Should().Equal("+ idling");
        driver.Session.IsIdling.Should().BeTrue();

        driver.Store.Accounts["alice"].Folders["INBOX"].Add(ImapTestMessages.Plain, [], ImapTestMessages.Date(5));

        driver.UpdatesSignalled.Should().Be(1);
        driver.TakeLines().Should().BeEmpty("the session writes nothing on the store's thread");
        driver.Wake();
        driver.TakeLines().Should().Equal("* 4 EXISTS", "* 1 RECENT");
        driver.Command("DONE").Should().Equal("i1 OK IDLE completed");
    }

    [Fact]
    public void Wake_OutsideIdle_WritesNothing_AndTheNextCommandReports()
    {
        using var driver = new ImapSessionDriver();
        driver.LogIn();
        driver.Select();
        driver.Store.Accounts["alice"].Folders["INBOX"].Remove(m => m.Uid == 2);
        driver.Wake();
        driver.TakeLines().Should().BeEmpty("RFC 9051 §7.5.1: no EXPUNGE while no command is in progress");
        driver.Command("n1 NOOP").Should().Equal("* 2 EXPUNGE", "n1 OK NOOP completed");
    }

    [Fact]
    public void AnotherSessionsStore_ReachesAnIdlingSession()
    {
        var store = MemoryImapStore.WithDefaults();
        using var writer = new ImapSessionDriver(store: store);
        using var watcher = new ImapSessionDriver(store: store);
        writer.LogIn();
        watcher.LogIn();
        writer.Select();
        watcher.Command("e1 ENABLE CONDSTORE").Should().Contain("e1 OK ENABLE completed");
        watcher.Select();
        watcher.Command("i1 IDLE");

        writer.Command("w1 STORE 2 +FLAGS (\\Answered)").Should().Equal("* 2 FETCH (FLAGS (\\Answered))", "w1 OK STORE completed");

        watcher.UpdatesSignalled.Should().BeGreaterThan(0);
        watcher.Wake();
        watcher.TakeLines().Should().Equal("* 2 FETCH (UID 2 FLAGS (\\Answered) MODSEQ (5))");
        writer.Command("w2 NOOP").Should().Equal(new[] { "w2 OK NOOP completed" }, "a session is not told its own changes twice");
    }

    [Fact]
    public void IdleTimeout_IsAtLeastThirtyMinutes_AndTimedOutSaysBye()
    {
        using var driver = new ImapSessionDriver();
        driver.Session.IdleTimeout.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(30));
        driver.LogIn();
        driver.Raise(s => s.TimedOut());
        driver.TakeLines().Should().Equal("* BYE Autologout; idle for too long");
        driver.Session.PendingAction.Should().Be(ImapSessionAction.Close);
    }

    [Fact]
    public void Logout_ReleasesFolderAndAccount()
    {
        var store = MemoryImapStore.WithDefaults();
        using var driver = new ImapSessionDriver(store: store);
        driver.LogIn();
        driver.Select();
        driver.UpdatesSignalled.Should().Be(0);
        driver.Command("o1 LOGOUT");
        store.Accounts["alice"].Folders["INBOX"].Add(ImapTestMessages.Plain, [], ImapTestMessages.Date(5));
        driver.UpdatesSignalled.Should().Be(0, "the closed folder no longer signals");
    }
}
