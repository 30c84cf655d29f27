using MailLab.Protocol.Tests.Harness;
using Snapshooter.Xunit;

namespace MailLab.Protocol.Tests;

/// <summary>The observer's transcript of a whole session, kept as a Snapshooter snapshot.</summary>
public sealed class TranscriptSnapshotTests
{
    [Fact]
    public void ObserverTranscript_OfEhloAndFullSend_MatchesSnapshot()
    {
        using var driver = new SessionDriver();

        driver.Send(
            "EHLO client.example\r\n" +
            "MAIL FROM:<alice@maillab.test> SIZE=64\r\n" +
            "RCPT TO:<bob@maillab.test>\r\n" +
            "DATA\r\n" +
            "From: alice@maillab.test\r\nSubject: snapshot\r\n\r\n..dot\r\n.\r\n" +
            "QUIT\r\n",
            FeedMode.ByteByByte);

        Snapshot.Match(driver.Observer.Lines);
    }
}
