using MailLab.Protocol.Pop3;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>The digest arithmetic handlers rely on, checked against the RFCs' own examples.</summary>
public sealed class Pop3CredentialsTests
{
    [Fact]
    public void ApopDigest_MatchesRfc1939Example()
    {
        // RFC 1939 §7: banner <1896.697170952@dbc.mtview.ca.us>, secret "tanstaaf".
        Pop3Credentials.ApopDigest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf")
            .Should().Be("c4c9334bac560ecc979e58001b3e22fb");
    }

    [Fact]
    public void CramMd5Digest_MatchesRfc2195Example()
    {
        // RFC 2195 §2: challenge <1896.697170952@postoffice.reston.mci.net>, secret "tanstaaftanstaaf".
        Common.CramMd5.Digest("tanstaaftanstaaf", "<1896.697170952@postoffice.reston.mci.net>")
            .Should().Be("b913a602c7eda7a495b4e6e7334d3890");
    }

    [Theory]
    [InlineData(Pop3LogonMechanisms.UserPass)]
    [InlineData(Pop3LogonMechanisms.Plain)]
    [InlineData(Pop3LogonMechanisms.Login)]
    public void Matches_ComparesCleartextPasswords(string mechanism)
    {
        new Pop3Credentials(mechanism, "alice", "secret").Matches("secret").Should().BeTrue();
        new Pop3Credentials(mechanism, "alice", "Secret").Matches("secret").Should().BeFalse();
        new Pop3Credentials(mechanism, "alice", null).Matches("secret").Should().BeFalse();
    }

    [Fact]
    public void Matches_ChecksAnApopDigestInEitherCase()
    {
        const string banner = "<1896.697170952@dbc.mtview.ca.us>";

        new Pop3Credentials(Pop3LogonMechanisms.Apop, "mrose", null, banner, "c4c9334bac560ecc979e58001b3e22fb").Matches("tanstaaf").Should().BeTrue();
        new Pop3Credentials(Pop3LogonMechanisms.Apop, "mrose", null, banner, "C4C9334BAC560ECC979E58001B3E22FB").Matches("tanstaaf").Should().BeTrue();
        new Pop3Credentials(Pop3LogonMechanisms.Apop, "mrose", null, banner, "c4c9334bac560ecc979e58001b3e22fb").Matches("other").Should().BeFalse();
        new Pop3Credentials(Pop3LogonMechanisms.Apop, "mrose", "tanstaaf").Matches("tanstaaf").Should().BeFalse("an APOP logon must carry a digest, not a password");
    }

    [Fact]
    public void Matches_ChecksACramMd5Digest()
    {
        const string challenge = "<1896.697170952@postoffice.reston.mci.net>";

        new Pop3Credentials(Pop3LogonMechanisms.CramMd5, "tim", null, challenge, "b913a602c7eda7a495b4e6e7334d3890").Matches("tanstaaftanstaaf").Should().BeTrue();
        new Pop3Credentials(Pop3LogonMechanisms.CramMd5, "tim", null, null, "b913a602c7eda7a495b4e6e7334d3890").Matches("tanstaaftanstaaf").Should().BeFalse();
    }

    [Fact]
    public void ToString_NeverShowsThePasswordOrDigest()
    {
        new Pop3Credentials(Pop3LogonMechanisms.UserPass, "alice", "secret").ToString().Should().Be("USER alice");
        new Pop3Credentials(Pop3LogonMechanisms.Apop, "alice", null, "<b>", "0123456789abcdef0123456789abcdef").ToString().Should().NotContain("0123");
    }
}
