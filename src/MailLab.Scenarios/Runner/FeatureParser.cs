using Gherkin;
using Gherkin.Ast;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Messages = Io.Cucumber.Messages.Types;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Reads a .feature file with the Gherkin parser (any language it knows, e.g. <c># language: ru</c>)
/// and compiles it into pickles with Gherkin's own <see cref="PickleCompiler"/>: the Background
/// steps go before each scenario's own, and a Scenario Outline becomes one pickle per example row
/// with its &lt;placeholders&gt; filled in. What pickles do not carry is read back from the AST
/// through their node ids: the source lines (for reports), the keyword as written, and the example
/// row's values (for the scenario's name). A Background inside a Rule is refused, since SpecFlow
/// 3.9 ignores it and the two runners must agree.
/// </summary>
public static class FeatureParser
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

        var ids = new IncrementingIdGenerator();
        var messages = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(document, path);
        var nodes = new SourceNodes(messages);
        var scenarios = new PickleCompiler(ids).Compile(messages).Select(p => Scenario(p, nodes)).ToArray();
        return new FeatureModel(path, feature.Name, feature.Language, scenarios, []);
    }

    /// <summary>The keyword a dialect writes for a kind of step ("Given", "Допустим").</summary>
    public static string KeywordFor(string language, StepKind kind)
    {
        var dialect = new GherkinDialectProvider("en").GetDialect(language, null);
        var keywords = kind switch
        {
            StepKind.Given => dialect.GivenStepKeywords,
            StepKind.When => dialect.WhenStepKeywords,
            _ => dialect.ThenStepKeywords,
        };
        return keywords.First(k => k.Trim() != "*").Trim();
    }

    /// <summary>A pickle as the runner runs it: named (an example row adds its values), located, its steps' kinds resolved.</summary>
    private static ScenarioModel Scenario(Messages.Pickle pickle, SourceNodes nodes)
    {
        var scenario = nodes.Scenarios[pickle.AstNodeIds[0]];
        var row = pickle.AstNodeIds.Count > 1 ? nodes.Rows[pickle.AstNodeIds[1]] : null;
        var name = row is null
            ? pickle.Name
            : $"{pickle.Name} [{string.Join(", ", row.Value.Header.Cells.Zip(row.Value.Row.Cells).Select(p => $"{p.First.Value}={p.Second.Value.Replace("\n", "\\n", StringComparison.Ordinal)}"))}]";
        var line = (int)(row?.Row.Location.Line ?? scenario.Location.Line);
        var previous = StepKind.Given;
        var steps = new List<StepModel>();
        foreach (var step in pickle.Steps)
        {
            var source = nodes.Steps[step.AstNodeIds[0]];
            // "*" has no kind of its own (UNKNOWN): like And, it continues the step before.
            var kind = step.Type switch
            {
                Messages.PickleStepType.CONTEXT => StepKind.Given,
                Messages.PickleStepType.ACTION => StepKind.When,
                Messages.PickleStepType.OUTCOME => StepKind.Then,
                _ => previous,
            };
            previous = kind;
            var table = step.Argument?.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToArray()).ToArray();
            steps.Add(new StepModel(source.Keyword.Trim(), kind, step.Text, (int)source.Location.Line, step.Argument?.DocString?.Content, table));
        }

        return new ScenarioModel(name, line, pickle.Tags.Select(t => t.Name).ToArray(), steps);
    }

    private static IEnumerable<string> Hint(string text, string path) =>
        ForeignSteps.HintForUnparsed(text, path) is { } hint ? [hint] : [];

    private static FeatureModel Broken(string path, IEnumerable<string> errors) =>
        new(path, System.IO.Path.GetFileNameWithoutExtension(path), "en", [], errors.ToArray());

    /// <summary>The AST nodes a pickle's ids point at: scenarios, steps and example rows (with their header).</summary>
    private sealed class SourceNodes
    {
        public SourceNodes(Messages.GherkinDocument document)
        {
            foreach (var child in document.Feature?.Children ?? [])
            {
                Add(child.Background?.Steps);
                Add(child.Scenario);
                foreach (var ruleChild in child.Rule?.Children ?? [])
                {
                    Add(ruleChild.Background?.Steps);
                    Add(ruleChild.Scenario);
                }
            }
        }

        public Dictionary<string, Messages.Scenario> Scenarios { get; } = [];

        public Dictionary<string, Messages.Step> Steps { get; } = [];

        public Dictionary<string, (Messages.TableRow Header, Messages.TableRow Row)?> Rows { get; } = [];

        private void Add(IEnumerable<Messages.Step>? steps)
        {
            foreach (var step in steps ?? [])
            {
                Steps[step.Id] = step;
            }
        }

        private void Add(Messages.Scenario? scenario)
        {
            if (scenario is null)
            {
                return;
            }

            Scenarios[scenario.Id] = scenario;
            Add(scenario.Steps);
            foreach (var examples in scenario.Examples.Where(e => e.TableHeader is not null))
            {
                foreach (var row in examples.TableBody)
                {
                    Rows[row.Id] = (examples.TableHeader, row);
                }
            }
        }
    }
}
