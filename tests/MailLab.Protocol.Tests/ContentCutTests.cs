using System.Text;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>
/// What a transport needs to cut a connection in the middle of a message (the "drop" fault): stop
/// reading where the content begins, then take part of the content but never its end.
/// </summary>
public sealed class ContentCutTests
{
    [Fact]
    public void ReceiveUntilContent_StopsRightAfterData_WithThe354Written()
    {
        using var driver = Started();
        const string commands = "MAIL FROM:<alice@maillab.test>\r\nRCPT TO:<bob@maillab.test>\r\nDATA\r\n";

        var consumed = driver.Session.ReceiveUntilContent(Bytes.Of(commands + "Subject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n"));

        consumed.Should().Be(commands.Length);
        driver.Session.IsReceivingContent.Should().BeTrue();
        Encoding.ASCII.GetString(driver.Session.Output.Span).Should().EndWith("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
    }

    [Theory]
    [InlineData("Subject: x\r\n\r\nbody\r\n.\r\n", 11)]
    [InlineData("ab\r\n.\r\n", 3)]
    [InlineData("a\r\n..b\r\n.\r\n", 3)]
    [InlineData(".\r\n", 0)]
    [InlineData("..a\r\n.\r\n", 0)]
    public void PartOfContent_InData_StopsBeforeAnyDotAtALineStart(string content, int expected)
    {
        using var driver = InData();

        driver.Session.PartOfContent(Bytes.Of(content)).Should().Be(expected);
    }

    [Fact]
    public void PartOfContent_NeverEndsTheMessage_WhereverTheContentIsCut()
    {
        const string content = "Subject: dots\r\n\r\n..one\r\n..\r\n.two.\r\nthree\r\n.\r\n";
        for (var start = 0; start < content.Length; start++)
        {
            using var driver = InData();
            driver.Send(content[..start]);
            if (!driver.Session.IsReceivingContent)
            {
                break; // The first start at which the message had ended: nothing left to cut.
            }

            var rest = Bytes.Of(content[start..]);
            driver.Send(Bytes.Text(rest.AsSpan(0, driver.Session.PartOfContent(rest))));

            driver.Session.IsReceivingContent.Should().BeTrue($"cut at {start}");
            driver.Handler.Delivered.Should().BeEmpty();
        }
    }

    [Fact]
    public void ReceiveUntilContent_StopsAfterABdatCommand_AndPartOfContentKeepsTheChunkUnfinished()
    {
        using var driver = Started();
        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("250 2.1.0 Sender OK");
        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
        var input = Bytes.Of("BDAT 10 LAST\r\n0123456789");

        var consumed = driver.Session.ReceiveUntilContent(input);
        var rest = input.AsSpan(consumed);
        var part = driver.Session.PartOfContent(rest);
        driver.Session.Receive(rest[..part]);

        consumed.Should().Be("BDAT 10 LAST\r\n".Length);
        part.Should().Be(5);
        driver.Session.IsReceivingContent.Should().BeTrue();
        driver.Session.ContentReceived.Should().Be(5);
        driver.Handler.Delivered.Should().BeEmpty();
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver();
        driver.Command("EHLO client.example");
        return driver;
    }

    private static SessionDriver InData()
    {
        var driver = Started();
        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("250 2.1.0 Sender OK");
        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
        driver.Command("DATA").Should().Equal("354 Start mail input; end with <CRLF>.<CRLF>");
        return driver;
    }
}
