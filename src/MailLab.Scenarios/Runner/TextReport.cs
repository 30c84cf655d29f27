using System.Globalization;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// The console report, in each feature's language (<see cref="RunnerWords"/>): each scenario with
/// its time, each step with ✓ (passed), ✗ (failed), ? (undefined) or - (skipped), a scenario
/// without steps with ! (a warning: it checked nothing); under a failed step what was expected,
/// what was found and the protocol transcript around it; with <c>verbose</c>, under every step
/// what its administration commands printed; a summary line at the end.
/// </summary>
public static class TextReport
{
    public static void WriteFeature(TextWriter output, FeatureResult feature, bool verbose = false)
    {
        var words = RunnerWords.For(feature.Language);
        output.WriteLine($"{words.FeatureKeyword}: {feature.Name}  ({feature.Path})");
        foreach (var error in feature.Errors)
        {
            output.WriteLine($"  ✗ {error}");
        }

        foreach (var scenario in feature.Scenarios)
        {
            var time = scenario.Status switch
            {
                RunStatus.Skipped => words.IgnoredScenario,
                RunStatus.Empty => words.NoSteps,
                _ => words.Duration(scenario.DurationMs),
            };
            output.WriteLine($"  {Mark(scenario.Status)} {words.ScenarioKeyword}: {scenario.Name}  ({time})");
            foreach (var step in scenario.Steps)
            {
                WriteStep(output, step, words, verbose);
            }
        }

        output.WriteLine();
    }

    /// <summary>The last line: counts by outcome, in the features' language when they share one (else English).</summary>
    public static void WriteSummary(TextWriter output, RunReport report)
    {
        var languages = report.Features.Select(f => f.Language).Distinct().ToArray();
        var words = RunnerWords.For(languages.Length == 1 ? languages[0] : "en");
        var total = report.Features.Sum(f => f.Scenarios.Count);
        var parts = new List<string> { words.Count(report.Count(RunStatus.Passed), words.Passed) };
        foreach (var (status, outcome) in new[] { (RunStatus.Failed, words.Failed), (RunStatus.Undefined, words.Undefined), (RunStatus.Skipped, words.Ignored), (RunStatus.Empty, words.WithoutSteps) })
        {
            if (report.Count(status) > 0)
            {
                parts.Add(words.Count(report.Count(status), outcome));
            }
        }

        var broken = report.Features.Count(f => f.Errors.Count > 0);
        if (broken > 0)
        {
            parts.Add(words.Unreadable(broken));
        }

        var seconds = (report.DurationMs / 1000).ToString("0.00", CultureInfo.InvariantCulture);
        output.WriteLine($"{words.Features(report.Features.Count)}, {words.Scenarios(total)}: {string.Join(", ", parts)} ({seconds} {words.Seconds})");
    }

    private static void WriteStep(TextWriter output, StepResult step, RunnerWords words, bool verbose)
    {
        output.WriteLine($"      {Mark(step.Status)} {step.Keyword} {step.Text}");
        foreach (var note in step.Notes ?? [])
        {
            output.WriteLine($"          ({note})");
        }

        if (verbose && step.Output is { Count: > 0 } printed)
        {
            output.WriteLine($"          {words.Output}");
            foreach (var line in printed.SelectMany(p => p.Split('\n')))
            {
                output.WriteLine($"            {line.TrimEnd('\r')}");
            }
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
            // The two labels padded to one width, so expected and actual line up.
            var width = Math.Max(words.Expected.Length, words.Actual.Length) + 2;
            output.WriteLine($"          {(words.Expected + ":").PadRight(width)}{Indent(step.Expected, width)}");
            output.WriteLine($"          {(words.Actual + ":").PadRight(width)}{Indent(step.Actual ?? string.Empty, width)}");
        }

        if (step.Transcript is { Count: > 0 } transcript)
        {
            output.WriteLine($"          {words.Transcript}");
            foreach (var line in transcript)
            {
                output.WriteLine($"            {line}");
            }
        }
    }

    private static string Indent(string text, int width) => text.Replace("\n", "\n" + new string(' ', 10 + width), StringComparison.Ordinal);

    private static string Mark(RunStatus status) => status switch
    {
        RunStatus.Passed => "✓",
        RunStatus.Failed => "✗",
        RunStatus.Undefined => "?",
        RunStatus.Empty => "!",
        _ => "-",
    };
}
