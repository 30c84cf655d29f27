using MailLab.Mail.Exchange;

namespace MailLab.Mail.Tests.Exchange;

/// <summary>A storage group's transaction logs: 5 MB files, hex generations, circular logging.</summary>
public sealed class TransactionLogSetTests
{
    private const long Log = TransactionLogSet.LogFileBytes;

    [Fact]
    public void FullLogs_AreRenamedWithTheirGenerationInFiveHexDigits()
    {
        var logs = new TransactionLogSet("E00");

        logs.Write(27 * Log + 10).Should().Be(27);

        logs.CurrentGeneration.Should().Be(28);
        logs.CurrentLogUsed.Should().Be(10);
        logs.FullGenerations.Should().HaveCount(27);
        logs.FullLogName(1).Should().Be("E0000001.log");
        logs.FullLogName(26).Should().Be("E000001A.log");
        logs.Files.Select(f => f.Name).Should().StartWith(["E00.chk", "E00.log", "E0000001.log"]).And.EndWith(["Res1.log", "Res2.log"]);
        logs.Files.Where(f => f.Name.EndsWith(".log")).Should().OnlyContain(f => f.Bytes == 5_242_880);
    }

    [Fact]
    public void CircularLogging_KeepsOnlyTheNewestFullLogs()
    {
        var logs = new TransactionLogSet("E01") { CircularLogging = true };

        logs.Write(10 * Log);

        logs.FullGenerations.Should().Equal(7, 8, 9, 10);
        logs.Files.Sum(f => f.Bytes).Should().BeLessThan(8 * Log);
    }

    [Fact]
    public void WithoutCircularLogging_EveryLogStays()
    {
        var logs = new TransactionLogSet("E00");

        for (var i = 0; i < 100; i++)
        {
            logs.Write(Log / 2);
        }

        logs.FullGenerations.Should().HaveCount(50);
        logs.CurrentLogUsed.Should().Be(0);
    }
}
