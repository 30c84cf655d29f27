using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Imap.Harness;
using MailLab.Protocol.Tests.Imap.Transcripts;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>Every golden IMAP transcript, fed whole (pipelined groups) and byte by byte.</summary>
public sealed class ImapTranscriptTests
{
    public static TheoryData<string, FeedMode> Transcripts()
    {
        var data = new TheoryData<string, FeedMode>();
        foreach (var name in ImapTranscripts.All.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name, FeedMode.Whole);
            data.Add(name, FeedMode.ByteByByte);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void ImapTranscript_MatchesGolden(string name, FeedMode mode)
    {
        var (expected, actual) = ImapTranscriptRunner.Run(ImapTranscripts.All[name], mode);
        if (Environment.GetEnvironmentVariable("IMAP_TRANSCRIPT_DUMP") is { Length: > 0 } folder)
        {
            // For writing a new transcript: the actual replay, to be checked against the RFC before it is pasted in.
            File.WriteAllLines(Path.Combine(folder, $"{name}-{mode}.txt"), actual);
        }

        string.Join('\n', actual).Should().Be(string.Join('\n', expected), $"the session should replay {name} exactly");
    }

    [Fact]
    public void ImapTranscripts_AreFound()
    {
        ImapTranscripts.All.Should().HaveCountGreaterThanOrEqualTo(10);
    }
}
