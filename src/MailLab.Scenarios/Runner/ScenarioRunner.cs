using System.Diagnostics;
using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Runs one scenario with no compile step: a fresh <see cref="ScenarioWorld"/>, each step run by a
/// <see cref="StepDispatcher"/> on it, and a result per step. After a failure the remaining steps
/// are skipped; the hooks always run.
/// </summary>
public sealed class ScenarioRunner(StepCatalog catalog)
{
    /// <summary>
    /// Called after each step's result (skipped ones too), with the scenario's world still open:
    /// a web page reads the trace events and the virtual time each step left behind.
    /// </summary>
    public Func<StepResult, ScenarioWorld, Task>? StepFinished { get; init; }

    /// <summary>Where topology steps may read files from (<see cref="Driver.TopologyFolders"/>); null: no limit.</summary>
    public TopologyFolders? TopologyFolders { get; init; }

    public async Task<ScenarioResult> RunAsync(ScenarioModel scenario, string language, string? featureDirectory)
    {
        var clock = Stopwatch.StartNew();
        if (scenario.Ignored)
        {
            return new ScenarioResult(scenario.Name, scenario.Line, RunStatus.Skipped, 0,
                scenario.Steps.Select(s => new StepResult(s.Keyword, s.Text, s.Line, RunStatus.Skipped)).ToArray(), [], []);
        }

        if (scenario.Steps.Count == 0)
        {
            // Nothing to run, so nothing was checked: not "passed".
            return new ScenarioResult(scenario.Name, scenario.Line, RunStatus.Empty, 0, [], [], []);
        }

        var world = new ScenarioWorld { FeatureDirectory = featureDirectory, TopologyFolders = TopologyFolders };
        var steps = new StepDispatcher(catalog, world);
        var results = new List<StepResult>();
        IReadOnlyList<string> transcript = [];
        IReadOnlyList<string> sessions = [];
        try
        {
            var hookError = await steps.BeforeScenarioAsync();
            if (hookError is not null)
            {
                await AddAsync(Failed(new StepModel("Before", StepKind.Given, "scenario hooks", scenario.Line, null), hookError, world));
            }

            var failed = hookError is not null;
            foreach (var step in scenario.Steps)
            {
                if (failed)
                {
                    await AddAsync(new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Skipped));
                    continue;
                }

                var result = await RunStepAsync(step, language, steps);
                await AddAsync(result);
                failed = result.Status != RunStatus.Passed;
            }

            transcript = world.Transcript();
            sessions = world.TranscriptBySession();
        }
        finally
        {
            await steps.AfterScenarioAsync();
            await world.DisposeAsync();
        }

        async Task AddAsync(StepResult result)
        {
            results.Add(result);
            if (StepFinished is { } finished)
            {
                await finished(result, world);
            }
        }

        var status = results.Any(r => r.Status == RunStatus.Failed) ? RunStatus.Failed
            : results.Any(r => r.Status == RunStatus.Undefined) ? RunStatus.Undefined
            : RunStatus.Passed;
        return new ScenarioResult(scenario.Name, scenario.Line, status, clock.Elapsed.TotalMilliseconds, results, transcript, sessions);
    }

    private static async Task<StepResult> RunStepAsync(StepModel step, string language, StepDispatcher steps)
    {
        var world = steps.World;
        var matches = steps.Find(step.Kind, step.Text, step.HasArgument);
        if (matches.Count == 0)
        {
            var message = steps.UndefinedMessage(step.Kind, step.Keyword, step.Text, language, out var closest);
            return new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Undefined, message, Suggestions: closest);
        }

        if (matches.Count > 1)
        {
            return new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, StepDispatcher.AmbiguousMessage(step.Keyword, step.Text, language, matches));
        }

        var (definition, match) = matches[0];
        if (await steps.BeforeStepAsync() is { } before)
        {
            return Failed(step, before, world);
        }

        try
        {
            await steps.InvokeAsync(definition, match, step.DocString, step.Table is { } rows ? Table.FromRows(rows) : null);
        }
        catch (Exception e)
        {
            return Failed(step, e, world) with { Output = OutputOf(world) };
        }

        if (await steps.AfterStepAsync() is { } after)
        {
            return Failed(step, after, world) with { Output = OutputOf(world) };
        }

        return new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Passed, Notes: world.Notes.Count == 0 ? null : world.Notes.ToArray(), Output: OutputOf(world));
    }

    private static IReadOnlyList<string>? OutputOf(ScenarioWorld world) => world.StepOutput.Count == 0 ? null : world.StepOutput.ToArray();

    private static StepResult Failed(StepModel step, Exception e, ScenarioWorld world) => e switch
    {
        ScenarioAssertionException a => new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, a.Summary, a.Expected, a.Actual, a.Transcript),
        ScenarioSetupException s => new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, s.Message, Transcript: world.TranscriptAroundStep()),
        _ => new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, $"{e.GetType().Name}: {e.Message}", Transcript: world.TranscriptAroundStep()),
    };
}
