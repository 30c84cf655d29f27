using MailLab.Mail.Tracing;
using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Runner;

namespace MailLab.Web.Api;

/// <summary>
/// Runs a parsed feature with the runtime runner (each scenario in a fresh simulated world) and
/// keeps, after every step, the virtual time and the trace events that step added to the world,
/// so the page can step through a scenario event by event.
/// </summary>
/// <param name="verbose">Whether each step carries what its administration commands printed.</param>
internal sealed class ScenarioRecorder(TopologyFolders topologyFolders, bool verbose = false)
{
    /// <summary>Events kept per step; a step that sends thousands of messages reports the rest as a count.</summary>
    public const int EventsPerStep = 1000;

    private readonly List<(DateTimeOffset Time, TraceEvent[] Events)> _steps = [];
    private long _lastSequence;

    public async Task<ScenarioRunDto> RunAsync(FeatureModel feature)
    {
        var scenarios = new List<ScenarioResultDto>();
        var runner = new ScenarioRunner(StepCatalog.Default) { StepFinished = RecordAsync, TopologyFolders = topologyFolders };
        foreach (var scenario in feature.Scenarios)
        {
            _steps.Clear();
            _lastSequence = 0;
            var result = await runner.RunAsync(scenario, feature.Language, featureDirectory: null);
            var steps = result.Steps.Select((step, i) => ToDto(step, i < _steps.Count ? _steps[i] : (ScenarioWorld.Epoch, []), verbose)).ToArray();
            scenarios.Add(new ScenarioResultDto(result.Name, result.Line, Status(result.Status), result.Status is RunStatus.Passed, steps));
        }

        return new ScenarioRunDto(feature.Name, feature.Language, scenarios);
    }

    private async Task RecordAsync(StepResult step, ScenarioWorld world)
    {
        if (!world.IsStarted)
        {
            _steps.Add((ScenarioWorld.Epoch, []));
            return;
        }

        var mail = await world.WorldAsync();
        var events = mail.Trace.Views.EventsAfter(_lastSequence).ToArray();
        if (events.Length > 0)
        {
            _lastSequence = events[^1].Sequence;
        }

        _steps.Add((mail.Clock.GetUtcNow(), events));
    }

    private static ScenarioStepDto ToDto(StepResult step, (DateTimeOffset Time, TraceEvent[] Events) recorded, bool verbose) => new(
        step.Keyword.Trim(),
        step.Text,
        step.Line,
        Status(step.Status),
        step.Error,
        step.Expected,
        step.Actual,
        recorded.Time,
        recorded.Events.Take(EventsPerStep)
            .Select(e => new ScenarioEventDto(e.Sequence, e.Time, e.Host, e.Kind.ToString(), e.Text, e.SessionId, e.TraceId, e.MessageId, e.Peer))
            .ToArray(),
        Math.Max(0, recorded.Events.Length - EventsPerStep),
        verbose && step.Output is { Count: > 0 } output ? string.Join("\n", output) : null);

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();
}
