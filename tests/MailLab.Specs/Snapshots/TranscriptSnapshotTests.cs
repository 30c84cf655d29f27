using MailLab.Scenarios.Runner;
using Snapshooter.Xunit;

namespace MailLab.Specs.Snapshots;

/// <summary>
/// The protocol transcripts of the key scenarios, as golden files (__snapshots__/). A fresh world
/// on a virtual clock gives the same ids, dates and lines on every run.
/// </summary>
public sealed class TranscriptSnapshotTests
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

    private static async Task<IReadOnlyList<string>> TranscriptOf(string feature, string scenario)
    {
        var path = Path.Combine(RepositoryPaths.Scenarios, feature);
        var model = FeatureParser.ParseFile(path);
        var run = await new ScenarioRunner(StepCatalog.Default).RunAsync(model.Scenarios.Single(s => s.Name == scenario), model.Language, Path.GetDirectoryName(path));
        run.Status.Should().Be(RunStatus.Passed);
        return run.SessionTranscript;
    }
}
