using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>
/// SMTP smuggling (CVE-2023-51764 and kin): only CRLF "." CRLF ends DATA; look-alike endings made
/// of bare CR or bare LF are message content, so commands hidden after them are never run.
/// </summary>
public sealed class SmtpSmugglingTests
{
    // Each false ending is followed by a complete smuggled transaction.
    private const string Smuggled = "MAIL FROM:<evil@bad.test>\r\nRCPT TO:<bob@maillab.test>\r\nDATA\r\nSubject: forged\r\n";

    [Theory]
    [InlineData("\n.\r\n", "\n.\r\n")]
    [InlineData("\n.\n", "\n.\n")]
    [InlineData("\r.\r\n", "\r.\r\n")]
    [InlineData("\r\n.\r", "\r\n\r")]
    [InlineData("\r.\n", "\r.\n")]
    // RFC 5321 §4.5.2: a line that starts with "." and has more characters loses the dot; a bare LF
    // is such a character (it ends no line), so only the dot goes and the rest is kept.
    [InlineData("\r\n.\n", "\r\n\n")]
    public void Unstuffer_FalseEnding_DoesNotEndMessage(string falseEnding, string kept)
    {
        var wire = "Subject: x" + falseEnding + Smuggled + ".\r\n";

        var result = DotUnstufferTests.Decode(Bytes.Of(wire), []);

        result.Should().Be(("Subject: x" + kept + Smuggled, wire.Length, true));
    }

    [Theory]
    [InlineData("\n.\r\n")]
    [InlineData("\n.\n")]
    [InlineData("\r.\r\n")]
    [InlineData("\r\n.\n")]
    public void Data_FalseEnding_KeepsSmuggledCommandsAsContent(string falseEnding)
    {
        using var driver = new SessionDriver();
        driver.Command("EHLO client.example");

        var replies = driver.SendMessage("Subject: x" + falseEnding + Smuggled + ".\r\n");

        replies.Should().Equal("250 2.6.0 Queued mail for delivery");
        driver.Handler.Delivered.Should().ContainSingle();
        driver.Handler.Delivered[0].Sender.Address.Should().Be("alice@maillab.test");
        driver.Handler.Delivered[0].Text.Should().Contain("MAIL FROM:<evil@bad.test>").And.EndWith("Subject: forged\r\n");
    }

    [Theory]
    [InlineData("\n.\r\n")]
    [InlineData("\n.\n")]
    [InlineData("\r.\r\n")]
    [InlineData("\r\n.\n")]
    public void Data_FalseEnding_AtEverySplitPoint_StillOneMessage(string falseEnding)
    {
        var wire = Bytes.Of("Subject: x" + falseEnding + Smuggled + ".\r\nNOOP\r\n");
        for (var cut = 0; cut <= wire.Length; cut++)
        {
            using var driver = new SessionDriver();
            driver.Command("EHLO client.example");
            driver.Command("MAIL FROM:<alice@maillab.test>");
            driver.Command("RCPT TO:<bob@maillab.test>");
            driver.Command("DATA");

            driver.SendSplit(wire, cut);

            driver.TakeLines().Should().Equal(["250 2.6.0 Queued mail for delivery", "250 2.0.0 OK"], $"split at {cut}");
            driver.Handler.Delivered.Should().ContainSingle();
        }
    }

    [Fact]
    public void Data_RealTerminator_EndsMessageAndNextCommandRuns()
    {
        using var driver = new SessionDriver();
        driver.Command("EHLO client.example");

        var replies = driver.SendMessage("Subject: x\r\n\r\nbody\r\n.\r\n" + "MAIL FROM:<carol@maillab.test>\r\n");

        replies.Should().Equal("250 2.6.0 Queued mail for delivery", "250 2.1.0 Sender OK");
        driver.Handler.Delivered.Single().Text.Should().Be("Subject: x\r\n\r\nbody\r\n");
    }
}
