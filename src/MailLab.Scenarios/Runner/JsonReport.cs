using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// <c>--format json</c>: the whole run for machines. Scenarios carry their time in milliseconds;
/// the full transcript is included for scenarios that did not pass, and with <c>verbose</c> each
/// step's <c>output</c> (what its administration commands printed).
/// </summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RunReport report, bool verbose = false)
    {
        var shape = new
        {
            passed = report.Passed,
            durationMs = Math.Round(report.DurationMs, 1),
            summary = new
            {
                features = report.Features.Count,
                scenarios = report.Features.Sum(f => f.Scenarios.Count),
                passed = report.Count(RunStatus.Passed),
                failed = report.Count(RunStatus.Failed),
                undefined = report.Count(RunStatus.Undefined),
                ignored = report.Count(RunStatus.Skipped),
                withoutSteps = report.Count(RunStatus.Empty),
            },
            features = report.Features.Select(f => new
            {
                path = f.Path,
                name = f.Name,
                language = f.Language,
                passed = f.Passed,
                errors = f.Errors.Count == 0 ? null : f.Errors,
                scenarios = f.Scenarios.Select(s => new
                {
                    name = s.Name,
                    line = s.Line,
                    status = s.Status,
                    durationMs = Math.Round(s.DurationMs, 1),
                    steps = verbose ? s.Steps : s.Steps.Select(step => step with { Output = null }),
                    transcript = s.Status is RunStatus.Passed or RunStatus.Skipped ? null : s.Transcript,
                }),
            }),
        };
        return JsonSerializer.Serialize(shape, Options);
    }
}
