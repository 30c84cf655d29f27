using Gherkin;
using Gherkin.Ast;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Steps written in another language than the feature's. Gherkin reads a line that starts with no
/// keyword of the feature's own language as description text, so Russian steps in a file without
/// <c># language: ru</c> (or English ones in a Russian file) would silently run nothing and the
/// scenario would pass. A description line that starts with a keyword of the other language the
/// step library speaks (scenarios/STEPS.md: English and Russian) is reported as an error instead;
/// so is a file the parser refused whose lines start with Russian keywords but that has no
/// language line.
/// </summary>
internal static class ForeignSteps
{
    /// <summary>The languages the step library is phrased in; only their keywords are looked for, so prose in a description stays prose.</summary>
    private static readonly string[] LibraryLanguages = ["en", "ru"];

    private static readonly GherkinDialectProvider Dialects = new("en");

    /// <summary>One error per description line that reads as a step or block in another library language.</summary>
    public static IEnumerable<string> InDescriptions(Feature feature, string text, string path)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        foreach (var (location, description) in Descriptions(feature))
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                continue;
            }

            var from = location.Line;
            foreach (var line in description.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                if (Foreign(line, feature.Language) is not { } language)
                {
                    continue;
                }

                var number = Array.FindIndex(lines, Math.Min(from, lines.Length), l => l.Trim() == line) + 1;
                from = Math.Max(from, number);
                var column = number > 0 ? lines[number - 1].IndexOf(line[0], StringComparison.Ordinal) + 1 : 1;
                yield return $"{path}:{number}:{column}: \"{Shorten(line)}\" reads as {Describe(language)}, but this feature is in {Name(feature.Language)}, so Gherkin takes it for description text and would not run it: {Remedy(language)}";
            }
        }
    }

    /// <summary>For a file the parser refused: a hint when it has no language line but its lines start with another library language's keywords.</summary>
    public static string? HintForUnparsed(string text, string path)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Any(l => l.TrimStart().StartsWith('#') && l.Contains("language", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (Foreign(lines[i].Trim(), "en") is { } language)
            {
                return $"{path}:{i + 1}: \"{Shorten(lines[i].Trim())}\" is Gherkin in {Name(language)}, but the file has no language line: {Remedy(language)}";
            }
        }

        return null;
    }

    /// <summary>The library language (other than the feature's) whose keyword starts the line, or null.</summary>
    private static string? Foreign(string line, string own)
    {
        foreach (var language in LibraryLanguages.Where(l => l != own))
        {
            var dialect = Dialects.GetDialect(language, null);
            var steps = dialect.GivenStepKeywords.Concat(dialect.WhenStepKeywords).Concat(dialect.ThenStepKeywords)
                .Concat(dialect.AndStepKeywords).Concat(dialect.ButStepKeywords)
                .Where(k => k.Trim() != "*");
            var blocks = dialect.FeatureKeywords.Concat(dialect.RuleKeywords).Concat(dialect.BackgroundKeywords)
                .Concat(dialect.ScenarioKeywords).Concat(dialect.ScenarioOutlineKeywords).Concat(dialect.ExamplesKeywords)
                .Select(k => k + ":");
            if (steps.Any(k => line.StartsWith(k, StringComparison.Ordinal) && line.Length > k.Length)
                || blocks.Any(k => line.StartsWith(k, StringComparison.Ordinal)))
            {
                return language;
            }
        }

        return null;
    }

    private static IEnumerable<(Location Location, string? Description)> Descriptions(Feature feature)
    {
        yield return (feature.Location, feature.Description);
        foreach (var item in Children(feature.Children))
        {
            yield return item;
        }
    }

    private static IEnumerable<(Location, string?)> Children(IEnumerable<IHasLocation> children)
    {
        foreach (var child in children)
        {
            switch (child)
            {
                case Background b:
                    yield return (b.Location, b.Description);
                    break;
                case Rule r:
                    yield return (r.Location, r.Description);
                    foreach (var item in Children(r.Children))
                    {
                        yield return item;
                    }

                    break;
                case Scenario s:
                    yield return (s.Location, s.Description);
                    foreach (var examples in s.Examples)
                    {
                        yield return (examples.Location, examples.Description);
                    }

                    break;
            }
        }
    }

    private static string Describe(string language) => language == "ru" ? "a step in Russian" : "a step in English";

    private static string Name(string language) => language switch
    {
        "ru" => "Russian",
        "en" => "English",
        _ => $"the language \"{language}\"",
    };

    private static string Remedy(string language) => language == "ru"
        ? "put \"# language: ru\" on the first line"
        : "remove the \"# language:\" line (English is the default) or write the step in the feature's language";

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
