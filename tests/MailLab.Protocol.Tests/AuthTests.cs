using System.Text;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195).</summary>
public sealed class AuthTests
{
    private const string Succeeded = "235 2.7.0 Authentication successful";
    private const string Failed = "535 5.7.8 Authentication credentials invalid";

    [Fact]
    public void AuthPlain_WithoutInitialResponse_SendsEmptyChallengeThenAccepts()
    {
        using var driver = Started();

        driver.Command("AUTH PLAIN").Should().Equal("334 ");
        driver.Command(Base64("\0alice\0secret")).Should().Equal(Succeeded);

        driver.Session.Context.AuthenticatedUser.Should().Be("alice");
    }

    [Fact]
    public void AuthPlain_EmptyInitialResponse_Returns501()
    {
        using var driver = Started();

        driver.Command("AUTH PLAIN =").Should().Equal("501 5.5.2 Cannot decode PLAIN response: expected authzid NUL authcid NUL password");
    }

    [Fact]
    public void AuthPlain_AuthorizationIdentity_IsTheUserOrRefusedWith535()
    {
        using var driver = Started();

        // RFC 4616 §2: an authzid other than the user asks to act for someone else, which no account may.
        driver.Command("AUTH PLAIN " + Base64("bob\0alice\0secret")).Should().Equal(Failed);
        driver.Command("AUTH PLAIN " + Base64("ALICE\0alice\0secret")).Should().Equal(Succeeded);
    }

    [Fact]
    public void AuthPlain_WrongPassword_Returns535AndStaysAnonymous()
    {
        using var driver = Started();

        driver.Command("AUTH PLAIN " + Base64("\0alice\0nope")).Should().Equal(Failed);

        driver.Session.Context.AuthenticatedUser.Should().BeNull();
        driver.Command("AUTH PLAIN " + Base64("\0alice\0secret")).Should().Equal(Succeeded);
    }

    [Fact]
    public void AuthPlain_UnknownUser_Returns535()
    {
        using var driver = Started();

        driver.Command("AUTH PLAIN " + Base64("\0mallory\0secret")).Should().Equal(Failed);
    }

    [Fact]
    public void AuthLogin_PassesUserNameAndPasswordToTheHandler()
    {
        using var driver = Started();

        driver.Command("auth login").Should().Equal("334 VXNlcm5hbWU6");
        driver.Command(Base64("ALICE")).Should().Equal("334 UGFzc3dvcmQ6");
        driver.Command(Base64("secret")).Should().Equal(Succeeded);

        driver.Handler.AuthAttempts.Should().Equal(new SmtpCredentials("LOGIN", "ALICE", "secret"));
        driver.Session.Context.AuthenticatedUser.Should().Be("alice", "the handler returns the canonical name");
    }

    [Fact]
    public void AuthLogin_BadBase64_Returns501AndEndsTheExchange()
    {
        using var driver = Started();
        driver.Command("AUTH LOGIN");

        driver.Command("not base64!").Should().Equal("501 5.5.2 Cannot decode response: invalid base64");
        driver.Command("NOOP").Should().Equal("250 2.0.0 OK");
    }

    [Fact]
    public void Auth_Star_CancelsWith501()
    {
        using var driver = Started();
        driver.Command("AUTH PLAIN");

        driver.Command("*").Should().Equal("501 5.7.0 Authentication cancelled");
        driver.Handler.AuthAttempts.Should().BeEmpty();
    }

    [Fact]
    public void AuthCramMd5_ChallengeCarriesRandomPartTimestampAndHostName()
    {
        using var driver = Started();

        var first = Challenge(driver.TakeSingleOf("AUTH CRAM-MD5"));
        driver.Command("*");
        var second = Challenge(driver.TakeSingleOf("AUTH CRAM-MD5"));

        first.Should().MatchRegex(@"^<[0-9A-F]{16}\.1704164645@mx\.maillab\.test>$");
        second.Should().NotBe(first);
    }

    [Fact]
    public void AuthCramMd5_HmacOfTheChallenge_Succeeds()
    {
        using var driver = Started();
        var challenge = Challenge(driver.TakeSingleOf("AUTH CRAM-MD5"));
        var digest = FakeSmtpHandler.CramMd5Digest("secret", challenge);

        driver.Command(Base64("alice " + digest)).Should().Equal(Succeeded);

        driver.Handler.AuthAttempts.Should().Equal(new SmtpCredentials("CRAM-MD5", "alice", null, challenge, digest));
    }

    [Fact]
    public void AuthCramMd5_DigestOfAnotherChallenge_Returns535()
    {
        using var driver = Started();
        driver.Command("AUTH CRAM-MD5");
        var replayed = FakeSmtpHandler.CramMd5Digest("secret", "<0000000000000000.1704164645@mx.maillab.test>");

        driver.Command(Base64("alice " + replayed)).Should().Equal(Failed);
    }

    [Fact]
    public void AuthCramMd5_ResponseWithoutDigest_Returns501()
    {
        using var driver = Started();
        driver.Command("AUTH CRAM-MD5");

        driver.Command(Base64("alice")).Should().Equal("501 5.5.2 Cannot decode CRAM-MD5 response: expected \"user digest\"");
    }

    [Fact]
    public void Auth_AfterHelo_Returns503()
    {
        using var driver = new SessionDriver(Options());
        driver.Command("HELO client.example");

        driver.Command("AUTH PLAIN " + Base64("\0alice\0secret")).Should().Equal("503 5.5.1 Bad sequence of commands: send EHLO first");
    }

    [Fact]
    public void Auth_MechanismNotConfigured_Returns504()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { AuthMechanisms = ["LOGIN"] });
        driver.Command("EHLO client.example");

        driver.Command("AUTH PLAIN " + Base64("\0alice\0secret")).Should().Equal("504 5.5.4 Unrecognized authentication type");
    }

    [Fact]
    public void Auth_RequireTlsForAuthBeforeTls_Returns538()
    {
        using var driver = new SessionDriver(Options() with { RequireTlsForAuth = true, TlsAvailable = true });
        driver.Command("EHLO client.example").Should().NotContain(l => l.Contains("AUTH", StringComparison.Ordinal));

        driver.Command("AUTH PLAIN " + Base64("\0alice\0secret")).Should().Equal("538 5.7.11 Encryption required for requested authentication mechanism");
        driver.Handler.AuthAttempts.Should().BeEmpty();
    }

    [Fact]
    public void Auth_RequireTlsBeforeTls_Returns530AndNeverSeesCredentials()
    {
        using var driver = new SessionDriver(Options() with { RequireTls = true, TlsAvailable = true });
        driver.Command("EHLO client.example").Should().NotContain(l => l.Contains("AUTH", StringComparison.Ordinal));

        driver.Command("AUTH PLAIN " + Base64("\0alice\0secret")).Should().Equal("530 5.7.0 Must issue a STARTTLS command first");
        driver.Handler.AuthAttempts.Should().BeEmpty();
    }

    [Fact]
    public void Message_AfterAuth_IsMarkedEsmtpa()
    {
        using var driver = Started();
        driver.Command("AUTH PLAIN " + Base64("\0alice\0secret"));

        driver.SendMessage("x\r\n.\r\n", to: "someone@elsewhere.test").Should().Equal("250 2.6.0 Queued mail for delivery");

        driver.Handler.Delivered.Single().Protocol.Should().Be("ESMTPA");
    }

    internal static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Challenge(string reply)
    {
        reply.Should().StartWith("334 ");
        return Encoding.UTF8.GetString(Convert.FromBase64String(reply[4..]));
    }

    private static SmtpServerOptions Options() => SessionDriver.DefaultOptions() with { AuthMechanisms = ["PLAIN", "LOGIN", "CRAM-MD5"] };

    private static SessionDriver Started()
    {
        var driver = new SessionDriver(Options());
        driver.Command("EHLO client.example").Should().Contain("250-AUTH PLAIN LOGIN CRAM-MD5");
        return driver;
    }
}
