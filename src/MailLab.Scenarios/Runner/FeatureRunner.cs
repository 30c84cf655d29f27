using System.Diagnostics;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Runs feature files (or every *.feature under a folder) at run time, scenario by scenario, each
/// in a fresh world. <see cref="FeatureFinished"/> fires after each file so a console can print as it goes.
/// </summary>
public sealed class FeatureRunner(StepCatalog? catalog = null)
{
    private readonly ScenarioRunner _scenarios = new(catalog ?? StepCatalog.Default);

    public event Action<FeatureResult>? FeatureFinished;

    /// <summary>The feature files a list of paths names, in a stable order; throws for a path that does not exist.</summary>
    public static IReadOnlyList<string> FindFeatureFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        return files.Distinct().ToArray();
    }

    public async Task<RunReport> RunAsync(IEnumerable<string> featureFiles)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<FeatureResult>();
        foreach (var file in featureFiles)
        {
            var result = await RunFeatureAsync(FeatureParser.ParseFile(file), Path.GetDirectoryName(Path.GetFullPath(file)));
            results.Add(result);
            FeatureFinished?.Invoke(result);
        }

        return new RunReport(results, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Runs feature text that is not in a file (tests; a web page later).</summary>
    public Task<FeatureResult> RunTextAsync(string text, string sourceName, string? directory = null) =>
        RunFeatureAsync(FeatureParser.Parse(text, sourceName), directory);

    private async Task<FeatureResult> RunFeatureAsync(FeatureModel feature, string? directory)
    {
        var scenarios = new List<ScenarioResult>();
        foreach (var scenario in feature.Scenarios)
        {
            scenarios.Add(await _scenarios.RunAsync(scenario, feature.Language, directory));
        }

        return new FeatureResult(feature.Path, feature.Name, scenarios, feature.Errors, feature.Language);
    }
}
