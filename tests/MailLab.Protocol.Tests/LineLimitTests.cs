using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>Command line framing and its limits (RFC 5321 §4.5.3.1.4, RFC 4954 §4).</summary>
public sealed class LineLimitTests
{
    private const string LineTooLong = "500 5.5.6 Line too long (RFC 5321 4.5.3.1)";

    [Fact]
    public void CommandLine_Of512OctetsWithCrlf_IsAccepted()
    {
        using var driver = Started();
        var line = "NOOP " + new string('x', 512 - 2 - 5);

        driver.Command(line).Should().Equal("250 2.0.0 OK");
    }

    [Fact]
    public void CommandLine_Over512Octets_Returns500AndSessionGoesOn()
    {
        using var driver = Started();
        var line = "NOOP " + new string('x', 512 - 2 - 5 + 1);

        driver.Command(line).Should().Equal(LineTooLong);
        driver.Command("NOOP").Should().Equal("250 2.0.0 OK");
    }

    [Fact]
    public void MailLine_MayUseTheRoomOfAdvertisedExtensions()
    {
        // RFC 1870 §3, RFC 4954 §5: MAIL may grow past 512 octets by what its parameters add.
        using var driver = Started();
        var line = "MAIL FROM:<alice@maillab.test> AUTH=" + new string('a', 600);

        driver.Command(line).Should().Equal("250 2.1.0 Sender OK");
    }

    [Fact]
    public void MailLine_OverTheExtendedLimit_Returns500()
    {
        using var driver = Started();
        var line = "MAIL FROM:<alice@maillab.test> AUTH=" + new string('a', SmtpLimits.MailCommandLine);

        driver.Command(line).Should().Equal(LineTooLong);
    }

    [Fact]
    public void LineWithoutLf_Over12288Octets_IsDiscardedWithoutBufferingThen500AtItsEnd()
    {
        using var driver = Started();
        var chunk = Bytes.Of(new string('x', 4096));

        for (var i = 0; i < 256; i++)
        {
            driver.Send(chunk).Should().Be(chunk.Length);
            driver.Session.BufferedLineOctets.Should().BeLessThanOrEqualTo(SmtpLimits.AuthLine);
        }

        driver.TakeLines().Should().BeEmpty("nothing is answered before the line ends");
        driver.Send("tail of the line\r\nNOOP\r\n");
        driver.TakeLines().Should().Equal(LineTooLong, "250 2.0.0 OK");
        driver.Observer.Lines.Should().Contain("C: (line too long, discarded)");
    }

    [Fact]
    public void LineWithoutLf_Over12288Octets_ByteByByte_IsAnsweredOnce()
    {
        using var driver = Started();

        driver.Send(new string('y', SmtpLimits.AuthLine + 10) + "\r\nNOOP\r\n", FeedMode.ByteByByte);

        driver.TakeLines().Should().Equal(LineTooLong, "250 2.0.0 OK");
        driver.Session.BufferedLineOctets.Should().Be(0);
    }

    [Fact]
    public void CommandLine_EndingInBareLf_IsAccepted()
    {
        using var driver = Started();

        driver.Send("NOOP\nRSET\r\n");

        driver.TakeLines().Should().Equal("250 2.0.0 OK", "250 2.0.0 Reset state");
    }

    [Fact]
    public void UnknownVerb_WithBareCrAndControlCharacters_IsEchoedAsPrintableAscii()
    {
        using var driver = Started();

        driver.Send("BAD\r\t\u0001\r\n");

        driver.TakeLines().Should().Equal("500 5.5.1 Command unrecognized: \"BAD???\"");
    }

    [Fact]
    public void UnknownVerb_IsEchoedAtMost32Characters()
    {
        using var driver = Started();

        driver.Command(new string('Z', 40)).Should().Equal($"500 5.5.1 Command unrecognized: \"{new string('Z', 32)}\"");
    }

    [Fact]
    public void AuthLine_MayBeLongerThan512Octets()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { AuthMechanisms = ["PLAIN"] });
        driver.Command("EHLO client.example");
        var response = Convert.ToBase64String(Bytes.Of("\0alice\0" + new string('p', 2000)));

        driver.Command("AUTH PLAIN " + response).Should().Equal("535 5.7.8 Authentication credentials invalid");
    }

    [Fact]
    public void AuthResponse_Over12288Octets_EndsTheExchangeWith500()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { AuthMechanisms = ["LOGIN"] });
        driver.Command("EHLO client.example");
        driver.Command("AUTH LOGIN").Should().Equal("334 VXNlcm5hbWU6");

        driver.Send(new string('A', SmtpLimits.AuthLine + 4) + "\r\n");
        driver.Command("NOOP").Should().Equal(LineTooLong, "250 2.0.0 OK");
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver();
        driver.TakeLines();
        driver.Command("EHLO client.example");
        return driver;
    }
}
