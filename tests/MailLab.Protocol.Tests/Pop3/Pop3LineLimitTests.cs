using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Pop3.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>RFC 2449 §4: command lines are at most 255 octets with their CRLF; a bare LF counts as CRLF.</summary>
public sealed class Pop3LineLimitTests
{
    private const string TooLong = "-ERR line too long (RFC 2449: at most 255 octets)";

    [Fact]
    public void CommandLine_Of255OctetsWithCrlf_IsAccepted()
    {
        using var driver = new Pop3SessionDriver();
        var line = "USER " + new string('a', Pop3Limits.CommandLine - 2 - 5);

        driver.Command(line).Should().Equal("+OK send PASS");
    }

    [Fact]
    public void CommandLine_Of256OctetsWithCrlf_IsRefused_AndTheSessionGoesOn()
    {
        using var driver = new Pop3SessionDriver();
        var line = "USER " + new string('a', Pop3Limits.CommandLine - 2 - 5 + 1);

        driver.Command(line).Should().Equal(TooLong);
        driver.Command("USER alice").Should().Equal("+OK send PASS");
        driver.Command("PASS secret").Should().Equal("+OK maildrop has 2 messages (211 octets)");
    }

    [Fact]
    public void BareLf_CountsAsCrlf_ForTheLimit()
    {
        using var driver = new Pop3SessionDriver();

        driver.Send("USER " + new string('a', 248) + "\n");
        driver.TakeLines().Should().Equal("+OK send PASS");
        driver.Send("USER " + new string('a', 249) + "\n");
        driver.TakeLines().Should().Equal(TooLong);
    }

    [Fact]
    public void HugeLine_SentInPieces_IsNotBufferedAndIsAnsweredOnce()
    {
        using var driver = new Pop3SessionDriver();
        var chunk = new string('x', 1000);

        for (var i = 0; i < 100; i++)
        {
            driver.Send(chunk);
            driver.Session.BufferedLineOctets.Should().BeLessThanOrEqualTo(Pop3Limits.CommandLine);
        }

        driver.TakeLines().Should().BeEmpty("the line has not ended yet");
        driver.Send("\r\nCAPA\r\n");
        var lines = driver.TakeLines();
        lines[0].Should().Be(TooLong);
        lines[1].Should().Be("+OK Capability list follows");
        driver.Observer.Lines.Should().Contain("C: (line too long, discarded)");
    }

    [Fact]
    public void PassLine_TooLong_IsRefusedWithoutShowingThePassword()
    {
        using var driver = new Pop3SessionDriver();
        driver.Command("USER alice");

        driver.Command("PASS " + new string('p', 251)).Should().Equal(TooLong);

        driver.Observer.Lines.Should().NotContain(l => l.Contains("ppp", StringComparison.Ordinal));
        driver.Session.State.Should().Be(Pop3SessionState.Authorization);
    }

    [Fact]
    public void SaslResponse_MayBeLongerThanACommandLine()
    {
        // RFC 5034 §4: the 255-octet limit is for the AUTH command; a long response goes in its own line.
        using var driver = new Pop3SessionDriver();
        driver.Handler.Users["alice"] = new string('s', 400);
        driver.Command("AUTH PLAIN").Should().Equal("+ ");

        driver.Command(Pop3SessionDriver.Base64("\0alice\0" + new string('s', 400))).Should().Equal("+OK maildrop has 2 messages (211 octets)");
    }

    [Fact]
    public void AuthCommand_WithAnInitialResponseOver255Octets_IsTooLong()
    {
        using var driver = new Pop3SessionDriver();

        driver.Command("AUTH PLAIN " + Pop3SessionDriver.Base64("\0alice\0" + new string('s', 300))).Should().Equal(TooLong);
    }

    [Fact]
    public void SaslResponse_OverItsLimit_EndsTheExchange()
    {
        using var driver = new Pop3SessionDriver();
        driver.Command("AUTH LOGIN");

        driver.Command(new string('A', Pop3Limits.SaslResponseLine + 10)).Should().Equal(TooLong);

        driver.TakeSingleOf("STAT").Should().Be("-ERR not logged in: STAT is only valid in the TRANSACTION state", "the next line is a command again");
    }
}
