using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>CHUNKING (RFC 3030): BDAT chunks are counted octets, consumed even when refused.</summary>
public sealed class BdatTests
{
    private const string Queued = "250 2.6.0 Queued mail for delivery";
    private const string NeedMail = "503 5.5.1 Bad sequence of commands: need MAIL command";

    [Fact]
    public void Bdat_SeveralChunks_AreJoinedInOrder()
    {
        using var driver = InTransaction();

        driver.Send("BDAT 6\r\nHello,BDAT 8\r\n world\r\nBDAT 0 LAST\r\n");

        driver.TakeLines().Should().Equal("250 2.0.0 6 octets received", "250 2.0.0 8 octets received", Queued);
        driver.Handler.Delivered.Single().Text.Should().Be("Hello, world\r\n");
    }

    [Fact]
    public void Bdat_OneOctetChunk_IsReportedInTheSingular()
    {
        using var driver = InTransaction();

        driver.Send("BDAT 1\r\nxBDAT 2 LAST\r\n\r\n");

        driver.TakeLines().Should().Equal("250 2.0.0 1 octet received", Queued);
    }

    [Fact]
    public void Bdat_ChunkWithDataTerminatorAndDots_IsTakenVerbatim()
    {
        using var driver = InTransaction();
        const string chunk = "a\r\n.\r\n..b\r\nQUIT\r\n";

        driver.Send($"BDAT {chunk.Length} LAST\r\n{chunk}NOOP\r\n");

        driver.TakeLines().Should().Equal(Queued, "250 2.0.0 OK");
        driver.Handler.Delivered.Single().Text.Should().Be(chunk);
        driver.Session.IsClosed.Should().BeFalse();
    }

    [Fact]
    public void Bdat_AtEverySplitPoint_GivesTheSameMessage()
    {
        var input = Bytes.Of("BDAT 7\r\nab\r\n.\r\nBDAT 3 LAST\r\nxyzNOOP\r\n");
        for (var cut = 0; cut <= input.Length; cut++)
        {
            using var driver = InTransaction();

            driver.SendSplit(input, cut);

            driver.TakeLines().Should().Equal(["250 2.0.0 7 octets received", Queued, "250 2.0.0 OK"], $"split at {cut}");
            driver.Handler.Delivered.Single().Text.Should().Be("ab\r\n.\r\nxyz");
        }
    }

    [Fact]
    public void BdatZeroLast_AfterChunks_EndsTheMessage()
    {
        using var driver = InTransaction();

        driver.Send("BDAT 3\r\nabcBDAT 0 LAST\r\n");

        driver.TakeLines().Should().Equal("250 2.0.0 3 octets received", Queued);
        driver.Handler.Delivered.Single().Text.Should().Be("abc");
    }

    [Fact]
    public void Bdat_BeforeMail_ConsumesTheChunkThenReturns503()
    {
        using var driver = Started();

        driver.Send("BDAT 12\r\nMAIL FROM:<>NOOP\r\n");

        driver.TakeLines().Should().Equal(NeedMail, "250 2.0.0 OK");
        driver.Handler.Delivered.Should().BeEmpty();
    }

    [Fact]
    public void Bdat_BeforeEhlo_ConsumesTheChunkThenReturns503()
    {
        using var driver = new SessionDriver();
        driver.TakeLines();

        driver.Send("BDAT 4 LAST\r\nNOOPNOOP\r\n");

        driver.TakeLines().Should().Equal("503 5.5.1 Bad sequence of commands: send HELO/EHLO first", "250 2.0.0 OK");
    }

    [Fact]
    public void Bdat_FailedChunk_DoesNotSpoilTheNextTransaction()
    {
        // RFC 3030 §2: a failed BDAT ends the transaction; a new MAIL starts afresh, with DATA or BDAT.
        using var driver = Started();
        driver.Send("BDAT 3\r\nabc");
        driver.TakeLines().Should().Equal(NeedMail);

        driver.SendMessage("via DATA\r\n.\r\n").Should().Equal(Queued);
        driver.Command("MAIL FROM:<alice@maillab.test>");
        driver.Command("RCPT TO:<bob@maillab.test>");
        driver.Send("BDAT 4 LAST\r\nBDAT");
        driver.TakeLines().Should().Equal(Queued);

        driver.Handler.Delivered.Select(m => m.Text).Should().Equal("via DATA\r\n", "BDAT");
    }

    [Fact]
    public void Bdat_PipelinedAfterAFailedChunk_Get503AndAreConsumed()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { MaxMessageSize = 4 });
        driver.Command("EHLO client.example");
        driver.Command("MAIL FROM:<alice@maillab.test>");
        driver.Command("RCPT TO:<bob@maillab.test>");

        driver.Send("BDAT 5\r\n12345BDAT 3 LAST\r\n678NOOP\r\n");

        driver.TakeLines().Should().Equal("552 5.3.4 Message size exceeds fixed maximum message size", NeedMail, "250 2.0.0 OK");
        driver.Handler.Delivered.Should().BeEmpty();
    }

    [Fact]
    public void Bdat_OverSessionSize_Returns552SessionLimit()
    {
        using var driver = new SessionDriver(SessionDriver.DefaultOptions() with { MaxSessionSize = 4 });
        driver.Command("EHLO client.example");
        driver.Command("MAIL FROM:<alice@maillab.test>");
        driver.Command("RCPT TO:<bob@maillab.test>");

        driver.Send("BDAT 5 LAST\r\n12345");

        driver.TakeLines().Should().Equal("552 5.3.4 Session size limit exceeded");
    }

    [Fact]
    public void Data_AfterBdat_Returns503()
    {
        using var driver = InTransaction();
        driver.Send("BDAT 2\r\nab");
        driver.TakeLines();

        driver.Command("DATA").Should().Equal("503 5.5.1 Bad sequence of commands: DATA cannot follow BDAT in one transaction");
        driver.Session.IsReceivingContent.Should().BeFalse();
    }

    [Theory]
    [InlineData("BDAT")]
    [InlineData("BDAT ten")]
    [InlineData("BDAT -1")]
    [InlineData("BDAT +1")]
    [InlineData("BDAT 1 FIRST")]
    [InlineData("BDAT 1 LAST more")]
    public void Bdat_BadSyntax_Returns501AndReadsNoChunk(string command)
    {
        using var driver = InTransaction();

        driver.Send(command + "\r\nNOOP\r\n");

        driver.TakeLines().Should().Equal("501 5.5.4 Syntax error: expected \"BDAT <size> [LAST]\"", "250 2.0.0 OK");
    }

    [Fact]
    public void Bdat_LastIsCaseInsensitive()
    {
        using var driver = InTransaction();

        driver.Send("BDAT 1 last\r\nx");

        driver.TakeLines().Should().Equal(Queued);
    }

    [Fact]
    public void Bdat_ObserverSeesChunkSizesNotContent()
    {
        using var driver = InTransaction();

        driver.Send("BDAT 6 LAST\r\nsecret");

        driver.Observer.Lines.Should().Contain("D: 6 octets").And.NotContain(l => l.Contains("secret", StringComparison.Ordinal));
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver();
        driver.Command("EHLO client.example");
        return driver;
    }

    private static SessionDriver InTransaction()
    {
        var driver = Started();
        driver.Command("MAIL FROM:<alice@maillab.test>").Should().Equal("250 2.1.0 Sender OK");
        driver.Command("RCPT TO:<bob@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
        return driver;
    }
}
