namespace MailLab.Web.Api;

/// <summary>The answer of <c>POST /api/scenarios/run</c>: the feature's name, its Gherkin language ("en", "ru") and each scenario's run.</summary>
public sealed record ScenarioRunDto(string Feature, string Language, IReadOnlyList<ScenarioResultDto> Scenarios);

/// <summary>One scenario, run in its own fresh simulated world. Status: passed, failed, undefined, skipped, or empty (no steps: nothing was checked).</summary>
public sealed record ScenarioResultDto(string Name, int Line, string Status, bool Passed, IReadOnlyList<ScenarioStepDto> Steps);

/// <summary>
/// One step: keyword and text as written, its status, the failure message (with expected and
/// actual for an expectation), the virtual time after it, and the trace events it produced
/// (the first <see cref="ScenarioRecorder.EventsPerStep"/>; <c>Omitted</c> counts the rest).
/// With <c>?verbose=true</c>, <c>Output</c> is what the step's administration commands printed.
/// </summary>
public sealed record ScenarioStepDto(
    string Keyword,
    string Text,
    int Line,
    string Status,
    string? Error,
    string? Expected,
    string? Actual,
    DateTimeOffset Time,
    IReadOnlyList<ScenarioEventDto> Events,
    int Omitted,
    string? Output = null);

/// <summary>A trace event of a scenario's world, in the shape of <see cref="TraceEventDto"/> (without the live stream's fields).</summary>
public sealed record ScenarioEventDto(long Sequence, DateTimeOffset Time, string Host, string Kind, string Text, long? SessionId, string? TraceId, string? MessageId, string? Peer);
