using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Pop3.Harness;
using MailLab.Protocol.Tests.Pop3.Transcripts;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>Every golden POP3 transcript, fed whole (pipelined groups) and byte by byte.</summary>
public sealed class Pop3TranscriptTests
{
    public static TheoryData<string, FeedMode> Transcripts()
    {
        var data = new TheoryData<string, FeedMode>();
        foreach (var name in Pop3Transcripts.All.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name, FeedMode.Whole);
            data.Add(name, FeedMode.ByteByByte);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Pop3Transcript_MatchesGolden(string name, FeedMode mode)
    {
        var (expected, actual) = Pop3TranscriptRunner.Run(Pop3Transcripts.All[name], mode);

        string.Join('\n', actual).Should().Be(string.Join('\n', expected), $"the session should replay {name} exactly");
    }

    [Fact]
    public void Pop3Transcripts_AreFound()
    {
        Pop3Transcripts.All.Should().HaveCountGreaterThanOrEqualTo(20);
    }
}
