using System.Text;
using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>Command framing with literals cut at every split point: the session must answer exactly as for one read.</summary>
public sealed class ImapFramingTests
{
    private static string Run(byte[] input, params int[] splits)
    {
        using var driver = new ImapSessionDriver();
        driver.SendSplit(input, splits);
        return driver.TakeText();
    }

    public static TheoryData<string> Commands() => new()
    {
        // A synchronising literal, LITERAL+ (RFC 7888), a quoted string with escapes, literal8 in APPEND (RFC 3516).
        "a1 LOGIN {5}\r\nalice {6}\r\nsecret\r\na2 NOOP\r\n",
        "a1 LOGIN {5+}\r\nalice \"sec\\\\ret\"\r\na2 LOGIN alice {6+}\r\nsecret\r\n",
        "a1 LOGIN alice secret\r\na2 APPEND INBOX (\\Seen) ~{9}\r\nA: b\r\n\r\nc\r\na3 APPEND Drafts {0+}\r\n\r\n",
        "a1 LOGIN alice secret\r\na2 SELECT INBOX\r\na3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)]<0.5>)\nA4 IDLE\r\nDONE\r\n",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_SplitAtAnyPoint_GetsTheSameAnswer(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var whole = Run(bytes);
        whole.Should().NotContain("BAD");
        for (var i = 1; i < bytes.Length; i++)
        {
            Run(bytes, i).Should().Be(whole, $"a split at {i} must not change the answer");
        }
    }

    [Fact]
    public void SynchronisingLiteral_SplitAtEveryPairOfPoints_GetsTheSameAnswer()
    {
        var bytes = Encoding.ASCII.GetBytes("a1 LOGIN {5}\r\nalice {6}\r\nsecret\r\n");
        var whole = Run(bytes);
        whole.Should().Contain("+ Ready for literal data\r\n+ Ready for literal data\r\na1 OK");
        for (var i = 1; i < bytes.Length; i++)
        {
            for (var j = i + 1; j < bytes.Length; j++)
            {
                Run(bytes, i, j).Should().Be(whole, $"splits at {i} and {j}");
            }
        }
    }

    [Fact]
    public void SynchronisingLiteral_ContinuationComesBeforeTheLiteralIsSent()
    {
        using var driver = new ImapSessionDriver();
        driver.Send("a1 LOGIN {5}\r\n");
        driver.TakeLines().Should().Equal("+ Ready for literal data");
        driver.Send("alice {6}\r\n");
        driver.TakeLines().Should().Equal("+ Ready for literal data");
        driver.Send("secret\r\n");
        driver.TakeLines().Single().Should().StartWith("a1 OK");
    }

    [Fact]
    public void NonSynchronisingLiteral_GetsNoContinuation()
    {
        using var driver = new ImapSessionDriver();
        driver.Send("a1 LOGIN {5+}\r\n");
        driver.TakeLines().Should().BeEmpty();
        driver.Send("alice secret\r\n");
        driver.TakeLines().Single().Should().StartWith("a1 OK");
    }

    [Fact]
    public void LiteralEndingInCr_IsKeptWhole()
    {
        using var driver = new ImapSessionDriver();
        driver.LogIn();
        driver.Command("a2 APPEND Drafts {3+}\r\nab\r").Single().Should().StartWith("a2 OK [APPENDUID");
        driver.Store.Accounts["alice"].Folders["Drafts"].Messages.Single().Content.ToArray().Should().Equal("ab\r"u8.ToArray());
    }

    [Fact]
    public void TooLargeSynchronisingAppendLiteral_IsRefusedBeforeItIsSent()
    {
        using var driver = new ImapSessionDriver(ImapSessionDriver.DefaultOptions() with { AppendLimit = 10 });
        driver.LogIn();
        driver.Command("a2 APPEND Drafts {11}").Should().Equal("a2 NO [TOOBIG] message exceeds the size limit of 10 octets");
        driver.Command("a3 NOOP").Should().Equal("a3 OK NOOP completed");
        driver.Session.IsClosed.Should().BeFalse();
    }

    [Fact]
    public void TooLargeNonSynchronisingLiteral_ClosesTheConnection()
    {
        using var driver = new ImapSessionDriver(ImapSessionDriver.DefaultOptions() with { MaxLiteralSize = 100 });
        driver.Command("a1 LOGIN {101+}").Should().Equal("a1 BAD [TOOBIG] literal exceeds 100 octets", "* BYE literal too large");
        driver.Session.PendingAction.Should().Be(ImapSessionAction.Close);
    }

    [Fact]
    public void LongLine_IsDiscardedWithBoundedMemory_AndAnsweredWithItsTag()
    {
        using var driver = new ImapSessionDriver(ImapSessionDriver.DefaultOptions() with { MaxLineLength = 1000 });
        driver.Send("a1 NOOP ");
        for (var i = 0; i < 100; i++)
        {
            driver.Send(new string('x', 100));
            driver.Session.BufferedOctets.Should().BeLessThanOrEqualTo(1000);
        }

        driver.Command(string.Empty).Should().Equal("a1 BAD command line too long (limit 1000 octets)");
        driver.Command("a2 NOOP").Should().Equal("a2 OK NOOP completed");
    }

    [Fact]
    public void StartTls_LeavesPipelinedInputUnconsumed()
    {
        using var driver = new ImapSessionDriver(ImapSessionDriver.DefaultOptions() with { TlsAvailable = true });
        driver.Send("a1 STARTTLS\r\na2 LOGIN alice secret\r\n");
        driver.TakeLines().Should().Equal("a1 OK Begin TLS negotiation now");
        driver.Session.PendingAction.Should().Be(ImapSessionAction.StartTls);
        driver.LastUnconsumed.Should().Be("a2 LOGIN alice secret\r\n".Length, "RFC 9051 §6.2.1: data after STARTTLS is read through TLS");
        driver.Raise(s => s.TlsEstablished());
        driver.Session.Context.IsTls.Should().BeTrue();
        driver.Command("a2 CAPABILITY")[0].Should().NotContain("STARTTLS");
    }
}
