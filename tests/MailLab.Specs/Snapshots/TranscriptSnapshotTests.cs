using System.Text.RegularExpressions;
using MailLab.Scenarios.Runner;
using Snapshooter.Xunit;

namespace MailLab.Specs.Snapshots;

/// <summary>
/// The protocol transcripts of the key scenarios, as golden files (__snapshots__/). A fresh world
/// on a virtual clock gives the same ids, dates and lines on every run; only the random nonce of
/// a POP3 greeting's APOP banner (RFC 1939 §7) is masked.
/// </summary>
public sealed partial class TranscriptSnapshotTests
{
    [Fact]
    public async Task CanonicalFlow_IvanToStudent() =>
        Snapshot.Match(await TranscriptOf("delivery/push-delivery.feature", "Ivan's message travels from mail.ru to rosnou.ru"));

    [Fact]
    public async Task FirstRetry_DeliversAfter15Minutes() =>
        Snapshot.Match(await TranscriptOf("delivery/retries-and-notifications.feature", "The first retry, 15 minutes later, delivers the message"));

    [Fact]
    public async Task PausedVirtualServer_RefusesANewConnection() =>
        Snapshot.Match(await TranscriptOf("smtp/virtual-server-states.feature", "A new connection finds the virtual server paused [state=paused, greeting=421 4.3.2]"));

    [Fact]
    public async Task Pop3_PetrFetchesIvansMessage() =>
        Snapshot.Match(await TranscriptOf("pop3/classroom-flow.feature", "Petr fetches Ivan's message over POP3"));

    [Fact]
    public async Task Pop3_LockedMailboxReceivesButCannotLogOn() =>
        Snapshot.Match(await TranscriptOf("pop3/classroom-flow.feature", "A locked mailbox still receives mail, but its user cannot log on until it is unlocked"));

    [Fact]
    public async Task Pop3_TypedSessionCommandByCommand() =>
        Snapshot.Match(await TranscriptOf("pop3/typed-sessions.feature", "A whole session, command by command"));

    [Fact]
    public async Task Pop3_SecondSessionMeetsTheMaildropLock() =>
        Snapshot.Match(await TranscriptOf("pop3/maildrop-locks.feature", "A second session meets the lock until the first one quits"));

    [Fact]
    public async Task Smtp_BdatChunks() =>
        Snapshot.Match(await TranscriptOf("smtp/typed-dialogues.feature", "Two chunks, the last one marked LAST"));

    [Fact]
    public async Task Smtp_SilentClientTimesOut() =>
        Snapshot.Match(await TranscriptOf("smtp/typed-dialogues.feature", "A silent client is disconnected after the connection time-out"));

    private static async Task<IReadOnlyList<string>> TranscriptOf(string feature, string scenario)
    {
        var path = Path.Combine(RepositoryPaths.Scenarios, feature);
        var model = FeatureParser.ParseFile(path);
        var run = await new ScenarioRunner(StepCatalog.Default).RunAsync(model.Scenarios.Single(s => s.Name == scenario), model.Language, Path.GetDirectoryName(path));
        run.Status.Should().Be(RunStatus.Passed);
        return run.SessionTranscript.Select(l => ApopNonce().Replace(l, "<NONCE.")).ToArray();
    }

    [GeneratedRegex("<[0-9a-f]{16}\\.")]
    private static partial Regex ApopNonce();
}
