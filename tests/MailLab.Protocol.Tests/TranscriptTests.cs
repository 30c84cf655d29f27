using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>Every golden transcript under Transcripts/, fed whole and byte by byte.</summary>
public sealed class TranscriptTests
{
    public static TheoryData<string, FeedMode> Transcripts()
    {
        var data = new TheoryData<string, FeedMode>();
        foreach (var file in TranscriptRunner.Files())
        {
            data.Add(file, FeedMode.Whole);
            data.Add(file, FeedMode.ByteByByte);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Transcript_MatchesGoldenFile(string file, FeedMode mode)
    {
        var (expected, actual) = TranscriptRunner.Run(file, mode);

        string.Join('\n', actual).Should().Be(string.Join('\n', expected), $"the session should replay {file} exactly");
    }

    [Fact]
    public void Transcripts_AreFound()
    {
        TranscriptRunner.Files().Should().HaveCountGreaterThanOrEqualTo(20);
    }
}
