using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Reads a .feature file with the Gherkin parser (any language it knows, e.g. <c># language: ru</c>):
/// Background steps go before each scenario's own (the feature's, then the rule's), and a
/// Scenario Outline becomes one scenario per example row with its &lt;placeholders&gt; filled in.
/// Rules group scenarios (their tags apply); a Background inside a Rule is refused, since SpecFlow
/// 3.9 ignores it and the two runners must agree.
/// </summary>
public static partial class FeatureParser
{
    public static FeatureModel ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static FeatureModel Parse(string text, string path)
    {
        GherkinDocument document;
        try
        {
            document = new Parser().Parse(new StringReader(text));
        }
        catch (CompositeParserException e)
        {
            return Broken(path, [.. e.Errors.Select(x => $"{path}:{x.Location?.Line}:{x.Location?.Column}: {x.Message}"), .. Hint(text, path)]);
        }
        catch (ParserException e)
        {
            return Broken(path, [$"{path}:{e.Location?.Line}:{e.Location?.Column}: {e.Message}", .. Hint(text, path)]);
        }

        if (document.Feature is not { } feature)
        {
            return new FeatureModel(path, System.IO.Path.GetFileNameWithoutExtension(path), "en", [], []);
        }

        var dialect = new GherkinDialectProvider().GetDialect(feature.Language, feature.Location);
        // SpecFlow 3.9 ignores a Background inside a Rule; running it here would make the two runners disagree.
        var ruleBackgrounds = feature.Children.OfType<Rule>().SelectMany(r => r.Children.OfType<Background>())
            .Select(b => $"{path}:{b.Location.Line}:{b.Location.Column}: a Background inside a Rule is not supported (SpecFlow 3.9 ignores it): move its steps to the feature's Background or into the scenarios")
            .ToArray();
        if (ruleBackgrounds.Length > 0)
        {
            return Broken(path, ruleBackgrounds);
        }

        // Steps in another language than the feature's would be read as description and never run.
        var foreign = ForeignSteps.InDescriptions(feature, text, path).ToArray();
        if (foreign.Length > 0)
        {
            return Broken(path, foreign);
        }

        var scenarios = new List<ScenarioModel>();
        var featureTags = feature.Tags.Select(t => t.Name).ToArray();
        Collect(feature.Children, [], featureTags, dialect, scenarios);
        return new FeatureModel(path, feature.Name, feature.Language, scenarios, []);
    }

    /// <summary>The keyword a dialect writes for a kind of step ("Given", "Допустим").</summary>
    public static string KeywordFor(string language, StepKind kind)
    {
        var dialect = new GherkinDialectProvider().GetDialect(language, null);
        var keywords = kind switch
        {
            StepKind.Given => dialect.GivenStepKeywords,
            StepKind.When => dialect.WhenStepKeywords,
            _ => dialect.ThenStepKeywords,
        };
        return keywords.First(k => k.Trim() != "*").Trim();
    }

    private static void Collect(IEnumerable<IHasLocation> children, IReadOnlyList<Step> background, IReadOnlyList<string> tags, GherkinDialect dialect, List<ScenarioModel> scenarios)
    {
        var steps = background;
        foreach (var child in children)
        {
            switch (child)
            {
                case Background b:
                    steps = [.. background, .. b.Steps];
                    break;
                case Rule rule:
                    Collect(rule.Children, steps, [.. tags, .. rule.Tags.Select(t => t.Name)], dialect, scenarios);
                    break;
                case Scenario scenario:
                    Add(scenario, steps, tags, dialect, scenarios);
                    break;
            }
        }
    }

    private static void Add(Scenario scenario, IReadOnlyList<Step> background, IReadOnlyList<string> tags, GherkinDialect dialect, List<ScenarioModel> scenarios)
    {
        var scenarioTags = tags.Concat(scenario.Tags.Select(t => t.Name)).ToArray();
        var examples = scenario.Examples.Where(e => e.TableHeader is not null).ToArray();
        if (examples.Length == 0)
        {
            scenarios.Add(new ScenarioModel(scenario.Name, scenario.Location.Line, scenarioTags, Steps([.. background, .. scenario.Steps], dialect, new Dictionary<string, string>())));
            return;
        }

        foreach (var block in examples)
        {
            var headers = block.TableHeader.Cells.Select(c => c.Value).ToArray();
            foreach (var row in block.TableBody)
            {
                var values = headers.Zip(row.Cells.Select(c => c.Value)).ToDictionary(p => p.First, p => p.Second);
                var name = $"{Fill(scenario.Name, values)} [{string.Join(", ", values.Select(v => $"{v.Key}={v.Value.Replace("\n", "\\n", StringComparison.Ordinal)}"))}]";
                var rowTags = scenarioTags.Concat(block.Tags.Select(t => t.Name)).ToArray();
                scenarios.Add(new ScenarioModel(name, row.Location.Line, rowTags, Steps([.. background, .. scenario.Steps], dialect, values)));
            }
        }
    }

    private static List<StepModel> Steps(IEnumerable<Step> steps, GherkinDialect dialect, IReadOnlyDictionary<string, string> values)
    {
        var result = new List<StepModel>();
        var previous = StepKind.Given;
        foreach (var step in steps)
        {
            var kind = KindOf(step.Keyword, dialect) ?? previous;
            previous = kind;
            var doc = step.Argument is DocString d ? Fill(d.Content, values) : null;
            var table = step.Argument is DataTable t
                ? t.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Fill(c.Value, values)).ToArray()).ToArray()
                : null;
            result.Add(new StepModel(step.Keyword.Trim(), kind, Fill(step.Text, values), step.Location.Line, doc, table));
        }

        return result;
    }

    /// <summary>Given, When or Then for a keyword; null for And, But and * (they continue the kind before).</summary>
    private static StepKind? KindOf(string keyword, GherkinDialect dialect)
    {
        if (keyword.Trim() == "*" || dialect.AndStepKeywords.Contains(keyword) || dialect.ButStepKeywords.Contains(keyword))
        {
            return null;
        }

        if (dialect.GivenStepKeywords.Contains(keyword))
        {
            return StepKind.Given;
        }

        return dialect.WhenStepKeywords.Contains(keyword) ? StepKind.When : StepKind.Then;
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    private static IEnumerable<string> Hint(string text, string path) =>
        ForeignSteps.HintForUnparsed(text, path) is { } hint ? [hint] : [];

    private static FeatureModel Broken(string path, IEnumerable<string> errors) =>
        new(path, System.IO.Path.GetFileNameWithoutExtension(path), "en", [], errors.ToArray());

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Placeholder();
}
