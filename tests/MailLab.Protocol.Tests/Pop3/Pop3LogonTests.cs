using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Pop3.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>What the session hands the handler, and what it does with the answer.</summary>
public sealed class Pop3LogonTests
{
    [Fact]
    public void Pass_KeepsSpacesInThePassword()
    {
        // RFC 1939 §7: PASS has a single argument, so spaces are part of the password.
        using var driver = new Pop3SessionDriver();
        driver.Handler.Users["alice"] = "correct horse battery staple";

        driver.Command("USER alice");
        driver.Command("PASS correct horse battery staple").Should().Equal("+OK maildrop has 2 messages (211 octets)");

        driver.Handler.LogonAttempts.Single().Should().Be(new Pop3Credentials(Pop3LogonMechanisms.UserPass, "alice", "correct horse battery staple"));
    }

    [Fact]
    public void Apop_PassesTheSessionsBannerAndTheLowercaseDigest()
    {
        using var driver = new Pop3SessionDriver();

        driver.Command("APOP alice 43AEA528B28E4069D87E1FA2AB96BCF4");

        driver.Handler.LogonAttempts.Single().Should().Be(
            new Pop3Credentials(Pop3LogonMechanisms.Apop, "alice", null, Pop3SessionDriver.Banner, "43aea528b28e4069d87e1fa2ab96bcf4"));
    }

    [Fact]
    public void CramMd5_PassesTheChallengeItSent()
    {
        using var driver = new Pop3SessionDriver();
        var challenge = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(driver.Command("AUTH CRAM-MD5").Single()[2..]));
        var digest = Common.CramMd5.Digest("secret", challenge);

        driver.Command(Pop3SessionDriver.Base64("alice " + digest)).Should().Equal("+OK maildrop has 2 messages (211 octets)");

        challenge.Should().Be("<1897.1704164645@pop.maillab.test>");
        driver.Handler.LogonAttempts.Single().Should().Be(new Pop3Credentials(Pop3LogonMechanisms.CramMd5, "alice", null, challenge, digest));
        driver.Session.Context.LogonMechanism.Should().Be(Pop3LogonMechanisms.CramMd5);
    }

    [Fact]
    public void Logon_UsesTheHandlersSpellingOfTheUserName()
    {
        using var driver = new Pop3SessionDriver();

        driver.Command("USER ALICE");
        driver.Command("PASS secret");

        driver.Session.Context.AuthenticatedUser.Should().Be("alice");
        driver.Session.Context.LogonMechanism.Should().Be(Pop3LogonMechanisms.UserPass);
    }

    [Fact]
    public void FailedLogon_LeavesTheContextAnonymous()
    {
        using var driver = new Pop3SessionDriver();

        driver.Command("AUTH PLAIN " + Pop3SessionDriver.Base64("\0alice\0nope"));

        driver.Session.Context.AuthenticatedUser.Should().BeNull();
        driver.Session.State.Should().Be(Pop3SessionState.Authorization);
    }

    [Fact]
    public void HandlerFailure_TextAndCode_AreSentAsGiven()
    {
        var handler = new FixedAnswerHandler(Pop3LogonResult.TemporaryFailure("store is being rebuilt"));
        using var session = new Pop3ServerSession(Pop3SessionDriver.DefaultOptions(), handler, new Pop3SessionContext(null, null));

        session.Receive(Bytes.Of("USER alice\r\nPASS secret\r\n"));

        Bytes.Text(session.Output.Span).Should().Be("+OK send PASS\r\n-ERR [SYS/TEMP] store is being rebuilt\r\n");
        Pop3LogonResult.PermanentFailure("gone").Failure!.Line.Should().Be("-ERR [SYS/PERM] gone");
        Pop3LogonResult.Fail(null, "no").Failure!.Line.Should().Be("-ERR no");
    }

    [Fact]
    public void SaslMechanisms_OnlyImplementedOnesAreOffered()
    {
        using var driver = new Pop3SessionDriver(Pop3SessionDriver.DefaultOptions() with { SaslMechanisms = ["cram-md5", "NTLM", "XOAUTH2"] });

        driver.Command("CAPA").Should().Contain("SASL CRAM-MD5").And.NotContain(l => l.Contains("NTLM", StringComparison.Ordinal));
        driver.Command("AUTH NTLM").Should().Equal("-ERR unrecognized authentication mechanism");
        driver.Command("AUTH PLAIN").Should().Equal("-ERR unrecognized authentication mechanism");
    }

    [Fact]
    public void PlainInitialResponse_WithTheSameAuthorizationIdentity_IsAccepted()
    {
        using var driver = new Pop3SessionDriver();

        driver.Command("AUTH PLAIN " + Pop3SessionDriver.Base64("alice\0alice\0secret")).Should().Equal("+OK maildrop has 2 messages (211 octets)");
    }

    private sealed class FixedAnswerHandler(Pop3LogonResult result) : IPop3ServerHandler
    {
        public Pop3LogonResult Logon(Pop3Credentials credentials) => result;
    }
}
