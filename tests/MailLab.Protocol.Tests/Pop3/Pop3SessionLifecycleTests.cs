using System.Text.RegularExpressions;
using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Pop3.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>Greeting, refusal, time-out, QUIT and a dropped connection: how a session starts and ends.</summary>
public sealed class Pop3SessionLifecycleTests
{
    [Fact]
    public void Start_GreetsWithHostAndTimestampBanner()
    {
        using var driver = new Pop3SessionDriver(start: false);

        driver.Session.Start();

        Bytes.Text(driver.Session.Output.Span).Should().Be($"+OK pop.maillab.test POP3 server ready {Pop3SessionDriver.Banner}\r\n");
        driver.Session.TimestampBanner.Should().Be(Pop3SessionDriver.Banner);
        driver.Session.State.Should().Be(Pop3SessionState.Authorization);
    }

    [Fact]
    public void Banner_ByDefault_IsAMsgIdWithARandomPartAndTheClock()
    {
        // RFC 1939 §7: the banner must differ for every session, or APOP digests could be replayed.
        var options = new Pop3ServerOptions { HostName = "pop.maillab.test", TimeProvider = new FixedTimeProvider() };
        using var first = new Pop3ServerSession(options, new FakePop3Handler(), new Pop3SessionContext(null, null));
        using var second = new Pop3ServerSession(options, new FakePop3Handler(), new Pop3SessionContext(null, null));

        first.TimestampBanner.Should().MatchRegex(@"^<[0-9a-f]{16}\.1704164645@pop\.maillab\.test>$");
        second.TimestampBanner.Should().NotBe(first.TimestampBanner);
    }

    [Fact]
    public void TimedOut_InTransaction_ClosesSilently_CommitsNothing_ReleasesTheMaildrop()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.Command("DELE 1");

        driver.TimedOut();

        driver.TakeLines().Should().BeEmpty("RFC 1939 §3: the autologout timer closes without a response");
        driver.Session.PendingAction.Should().Be(Pop3SessionAction.Close);
        driver.Session.State.Should().NotBe(Pop3SessionState.Update);
        var maildrop = driver.Handler.Opened.Single();
        maildrop.Commits.Should().BeEmpty();
        maildrop.ReleaseCount.Should().Be(1);
        driver.Handler.Mailboxes["alice"].Should().HaveCount(2);
        driver.Handler.Locked.Should().BeEmpty();
        driver.Session.Receive(Bytes.Of("QUIT\r\n")).Should().Be(0);
    }

    [Fact]
    public void Dispose_AfterTimeOut_DoesNotReleaseTwice()
    {
        var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.TimedOut();

        driver.Dispose();

        driver.Handler.Opened.Single().ReleaseCount.Should().Be(1);
    }

    [Fact]
    public void Dispose_WithoutQuit_ReleasesWithoutCommitting()
    {
        var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.Command("DELE 2");

        driver.Dispose();

        var maildrop = driver.Handler.Opened.Single();
        maildrop.Commits.Should().BeEmpty();
        maildrop.ReleaseCount.Should().Be(1);
    }

    [Fact]
    public void Quit_InTransaction_CommitsThenReleasesOnce_EvenWhenDisposedAfter()
    {
        var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.Command("DELE 1");
        driver.Command("DELE 2");

        driver.Command("QUIT").Should().Equal("+OK pop.maillab.test POP3 server signing off (maildrop empty)");
        driver.Dispose();

        driver.Session.State.Should().Be(Pop3SessionState.Update);
        var maildrop = driver.Handler.Opened.Single();
        maildrop.Commits.Should().ContainSingle().Which.Should().Equal(0, 1);
        maildrop.ReleaseCount.Should().Be(1);
        driver.Handler.Mailboxes["alice"].Should().BeEmpty();
    }

    [Fact]
    public void Quit_CommitsBeforeReleasing()
    {
        var calls = new List<string>();
        var maildrop = new OrderRecordingMaildrop(calls);
        using var session = new Pop3ServerSession(Pop3SessionDriver.DefaultOptions(), new SingleMaildropHandler(maildrop), new Pop3SessionContext(null, null));
        session.Receive(Bytes.Of("USER u\r\nPASS p\r\nQUIT\r\n"));

        calls.Should().Equal("Commit", "Release");
    }

    [Fact]
    public void Refuse_BeforeLogon_SendsTheResponseAndCloses()
    {
        using var driver = new Pop3SessionDriver(start: false);

        driver.Session.Refuse(Pop3Responses.TooManyConnections);

        Bytes.Text(driver.Session.Output.Span).Should().Be("-ERR [SYS/TEMP] too many connections, try again later\r\n");
        driver.Session.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void Refuse_InTransaction_ReleasesWithoutCommitting()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.Command("DELE 1");

        driver.Session.Refuse(Pop3Responses.ServiceUnavailable);

        Bytes.Text(driver.Session.Output.Span).Should().Be("-ERR [SYS/TEMP] POP3 service not available\r\n");
        driver.Handler.Opened.Single().Commits.Should().BeEmpty();
        driver.Handler.Opened.Single().ReleaseCount.Should().Be(1);
    }

    [Fact]
    public void SecondSession_GetsInUse_UntilTheFirstQuits()
    {
        var handler = new FakePop3Handler();
        using var first = new Pop3SessionDriver(handler: handler);
        using var second = new Pop3SessionDriver(handler: handler);
        first.LogOn();

        second.Command("USER alice");
        second.Command("PASS secret").Should().Equal("-ERR [IN-USE] maildrop is locked by another session");
        first.Command("DELE 1");
        first.Command("QUIT");

        second.Command("APOP alice " + Pop3Credentials.ApopDigest(second.Session.TimestampBanner, "secret"))
            .Should().Equal("+OK maildrop has 1 message (92 octets)");
    }

    [Fact]
    public void StartTls_StopsReadingRightAfterTheCommand()
    {
        using var driver = new Pop3SessionDriver(Pop3SessionDriver.DefaultOptions() with { TlsAvailable = true });
        const string input = "CAPA\r\nSTLS\nUSER evil\r\nPASS x\r\n";

        var consumed = driver.Session.Receive(Bytes.Of(input));

        consumed.Should().Be("CAPA\r\nSTLS\n".Length);
        driver.Session.PendingAction.Should().Be(Pop3SessionAction.StartTls);
        driver.Session.Receive(Bytes.Of("USER evil\r\n")).Should().Be(0, "nothing is read until TLS is established");
        Bytes.Text(driver.Session.Output.Span).Should().EndWith("+OK Begin TLS negotiation\r\n");
    }

    [Fact]
    public void TlsEstablished_MarksTheContextSecure_AndForgetsAPartialLine()
    {
        using var driver = new Pop3SessionDriver(Pop3SessionDriver.DefaultOptions() with { TlsAvailable = true });
        driver.Command("STLS");

        driver.TlsEstablished();

        driver.Session.Context.IsSecure.Should().BeTrue();
        driver.Session.PendingAction.Should().Be(Pop3SessionAction.None);
        driver.Session.State.Should().Be(Pop3SessionState.Authorization);
        driver.Command("STLS").Should().Equal("-ERR Command not permitted when TLS active");
    }

    private sealed class OrderRecordingMaildrop(List<string> calls) : IPop3Maildrop
    {
        public int Count => 0;

        public long SizeOf(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public string UniqueId(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public ReadOnlyMemory<byte> Content(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public void Commit(IReadOnlyCollection<int> deleted) => calls.Add("Commit");

        public void Release() => calls.Add("Release");
    }

    private sealed class SingleMaildropHandler(IPop3Maildrop maildrop) : IPop3ServerHandler
    {
        public Pop3LogonResult Logon(Pop3Credentials credentials) => Pop3LogonResult.Success(maildrop);
    }
}
