using System.Text;
using MailLab.Protocol.Common;
using MailLab.Protocol.Common.Sasl;

namespace MailLab.Protocol.Tests.Sasl;

/// <summary>The SASL exchange SMTP, POP3 and IMAP share: PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195).</summary>
public sealed class SaslExchangeTests
{
    private const string Challenge = "<1896.697170952@mx.maillab.test>";

    [Fact]
    public void Plain_WithInitialResponse_IsDoneAtOnce()
    {
        var step = Start("plain", Base64("\0alice\0secret"), out var exchange);

        exchange.Mechanism.Should().Be("PLAIN");
        step.Should().Be(new SaslStep.Done(new SaslCredentials("PLAIN", "alice", "secret")));
    }

    [Fact]
    public void Plain_WithoutInitialResponse_AsksWithAnEmptyChallenge()
    {
        var step = Start("PLAIN", null, out var exchange);

        step.Should().Be(new SaslStep.Challenge(string.Empty));
        exchange.Continue(Base64("alice\0alice\0secret")).Should().Be(new SaslStep.Done(new SaslCredentials("PLAIN", "alice", "secret")));
    }

    [Fact]
    public void Plain_EqualSignInitialResponse_IsAnEmptyResponse()
    {
        Start("PLAIN", "=", out _).Should().Be(new SaslStep.Failed(SaslFailure.BadPlain));
    }

    [Theory]
    [InlineData("alice\0secret", SaslFailure.BadPlain)]
    [InlineData("\0\0secret", SaslFailure.BadPlain)]
    [InlineData("bob\0alice\0secret", SaslFailure.AuthorizationIdentityRefused)]
    public void Plain_MalformedOrForeignIdentity_Fails(string response, SaslFailure expected)
    {
        Start("PLAIN", Base64(response), out _).Should().Be(new SaslStep.Failed(expected));
    }

    [Fact]
    public void Plain_AuthorizationIdentityDifferingOnlyInCase_IsTheUser()
    {
        Start("PLAIN", Base64("ALICE\0alice\0secret"), out _).Should().BeOfType<SaslStep.Done>();
    }

    [Fact]
    public void Login_AsksForUserThenPassword()
    {
        Start("LOGIN", null, out var exchange).Should().Be(new SaslStep.Challenge("Username:"));
        exchange.Continue(Base64("alice")).Should().Be(new SaslStep.Challenge("Password:"));
        exchange.Continue(Base64("secret")).Should().Be(new SaslStep.Done(new SaslCredentials("LOGIN", "alice", "secret")));
    }

    [Fact]
    public void Login_InitialResponseIsTheUser()
    {
        Start("LOGIN", Base64("alice"), out var exchange).Should().Be(new SaslStep.Challenge("Password:"));
        exchange.Continue(Base64("secret")).Should().Be(new SaslStep.Done(new SaslCredentials("LOGIN", "alice", "secret")));
    }

    [Fact]
    public void CramMd5_SendsTheChallengeAndReturnsTheDigestWithIt()
    {
        var digest = CramMd5.Digest("tanstaaftanstaaf", Challenge);

        Start("CRAM-MD5", null, out var exchange).Should().Be(new SaslStep.Challenge(Challenge));
        var step = exchange.Continue(Base64("tim " + digest));

        step.Should().Be(new SaslStep.Done(new SaslCredentials("CRAM-MD5", "tim", null, Challenge, digest)));
        CramMd5.Matches("tanstaaftanstaaf", Challenge, ((SaslStep.Done)step).Credentials.Digest!).Should().BeTrue();
    }

    [Fact]
    public void CramMd5_UserNameMayContainSpaces()
    {
        Start("CRAM-MD5", null, out var exchange);

        var done = exchange.Continue(Base64("tim smith abcdef")).Should().BeOfType<SaslStep.Done>().Subject;
        done.Credentials.UserName.Should().Be("tim smith");
        done.Credentials.Digest.Should().Be("abcdef");
    }

    [Fact]
    public void CramMd5_InitialResponse_IsRefusedWithoutMakingAChallenge()
    {
        var made = 0;
        var step = SaslExchange.Start("CRAM-MD5", Base64("tim abc"), () => { made++; return Challenge; }, out _);

        step.Should().Be(new SaslStep.Failed(SaslFailure.InitialResponseNotAllowed));
        made.Should().Be(0);
    }

    [Fact]
    public void CramMd5_ResponseWithoutDigest_Fails()
    {
        Start("CRAM-MD5", null, out var exchange);

        exchange.Continue(Base64("tim")).Should().Be(new SaslStep.Failed(SaslFailure.BadCramMd5));
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public void AnyMechanism_StarCancels_AndBadBase64Fails(string mechanism)
    {
        Start(mechanism, null, out var exchange);
        exchange.Continue("*").Should().Be(new SaslStep.Failed(SaslFailure.Cancelled));

        Start(mechanism, null, out exchange);
        exchange.Continue("not base64!").Should().Be(new SaslStep.Failed(SaslFailure.BadBase64));
    }

    [Fact]
    public void UnknownMechanism_IsTheCallersMistake()
    {
        var start = () => SaslExchange.Start("NTLM", null, () => Challenge, out _);

        start.Should().Throw<ArgumentException>();
    }

    private static SaslStep Start(string mechanism, string? initial, out SaslExchange exchange) =>
        SaslExchange.Start(mechanism, initial, () => Challenge, out exchange);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
