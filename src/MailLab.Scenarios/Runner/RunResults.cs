namespace MailLab.Scenarios.Runner;

/// <summary>How a step, scenario or feature came out.</summary>
public enum RunStatus
{
    Passed,
    Failed,
    Undefined,
    Skipped,

    /// <summary>A scenario with no steps: nothing was run or checked, so it is reported as a warning, not as passed.</summary>
    Empty,
}

/// <summary>
/// One step's outcome. A failed step carries its message and, for an expectation, expected vs
/// actual and the transcript around it; <see cref="Output"/> holds what the administration
/// commands it ran printed (shown with <c>--verbose</c>).
/// </summary>
public sealed record StepResult(
    string Keyword,
    string Text,
    int Line,
    RunStatus Status,
    string? Error = null,
    string? Expected = null,
    string? Actual = null,
    IReadOnlyList<string>? Transcript = null,
    IReadOnlyList<string>? Notes = null,
    IReadOnlyList<string>? Suggestions = null,
    IReadOnlyList<string>? Output = null);

/// <summary>
/// One scenario's outcome, its time (real, not virtual) and its whole protocol transcript: in the
/// order things happened, and session by session (<see cref="Driver.Transcript.FormatBySession"/>).
/// </summary>
public sealed record ScenarioResult(string Name, int Line, RunStatus Status, double DurationMs, IReadOnlyList<StepResult> Steps, IReadOnlyList<string> Transcript, IReadOnlyList<string> SessionTranscript);

/// <summary>One feature file's outcome, in its Gherkin language; parse errors make it fail without running anything.</summary>
public sealed record FeatureResult(string Path, string Name, IReadOnlyList<ScenarioResult> Scenarios, IReadOnlyList<string> Errors, string Language = "en")
{
    /// <summary>No error and no failed or undefined scenario (a scenario without steps is a warning).</summary>
    public bool Passed => Errors.Count == 0 && Scenarios.All(s => s.Status is RunStatus.Passed or RunStatus.Skipped or RunStatus.Empty);
}

/// <summary>A whole run.</summary>
public sealed record RunReport(IReadOnlyList<FeatureResult> Features, double DurationMs)
{
    public bool Passed => Features.All(f => f.Passed);

    public int Count(RunStatus status) => Features.Sum(f => f.Scenarios.Count(s => s.Status == status));
}
