using System.Globalization;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// The console report: each scenario with its time, each step with ✓ (passed), ✗ (failed),
/// ? (undefined) or - (skipped); under a failed step what was expected, what was found and the
/// protocol transcript around it; a summary line at the end.
/// </summary>
public static class TextReport
{
    public static void WriteFeature(TextWriter output, FeatureResult feature)
    {
        output.WriteLine($"Feature: {feature.Name}  ({feature.Path})");
        foreach (var error in feature.Errors)
        {
            output.WriteLine($"  ✗ {error}");
        }

        foreach (var scenario in feature.Scenarios)
        {
            var time = scenario.Status == RunStatus.Skipped ? "ignored" : $"{scenario.DurationMs.ToString("0", CultureInfo.InvariantCulture)} ms";
            output.WriteLine($"  {Mark(scenario.Status)} Scenario: {scenario.Name}  ({time})");
            foreach (var step in scenario.Steps)
            {
                WriteStep(output, step);
            }
        }

        output.WriteLine();
    }

    public static void WriteSummary(TextWriter output, RunReport report)
    {
        var total = report.Features.Sum(f => f.Scenarios.Count);
        var parts = new List<string> { $"{report.Count(RunStatus.Passed)} passed" };
        foreach (var (status, word) in new[] { (RunStatus.Failed, "failed"), (RunStatus.Undefined, "undefined"), (RunStatus.Skipped, "ignored") })
        {
            if (report.Count(status) > 0)
            {
                parts.Add($"{report.Count(status)} {word}");
            }
        }

        var broken = report.Features.Count(f => f.Errors.Count > 0);
        if (broken > 0)
        {
            parts.Add($"{broken} feature file{(broken == 1 ? "" : "s")} unreadable");
        }

        output.WriteLine($"{report.Features.Count} feature{(report.Features.Count == 1 ? "" : "s")}, {total} scenario{(total == 1 ? "" : "s")}: {string.Join(", ", parts)} ({(report.DurationMs / 1000).ToString("0.00", CultureInfo.InvariantCulture)} s)");
    }

    private static void WriteStep(TextWriter output, StepResult step)
    {
        output.WriteLine($"      {Mark(step.Status)} {step.Keyword} {step.Text}");
        foreach (var note in step.Notes ?? [])
        {
            output.WriteLine($"          ({note})");
        }

        if (step.Error is null || step.Status == RunStatus.Skipped)
        {
            return;
        }

        foreach (var line in step.Error.Split('\n'))
        {
            output.WriteLine($"          {line.TrimEnd('\r')}");
        }

        if (step.Expected is not null)
        {
            output.WriteLine($"          Expected: {Indent(step.Expected)}");
            output.WriteLine($"          Actual:   {Indent(step.Actual ?? string.Empty)}");
        }

        if (step.Transcript is { Count: > 0 } transcript)
        {
            output.WriteLine("          Transcript around this step:");
            foreach (var line in transcript)
            {
                output.WriteLine($"            {line}");
            }
        }
    }

    private static string Indent(string text) => text.Replace("\n", "\n                    ", StringComparison.Ordinal);

    private static string Mark(RunStatus status) => status switch
    {
        RunStatus.Passed => "✓",
        RunStatus.Failed => "✗",
        RunStatus.Undefined => "?",
        _ => "-",
    };
}
