using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Runner;
using TechTalk.SpecFlow;
using TechTalk.SpecFlow.Bindings;

namespace MailLab.Specs.Bindings;

/// <summary>
/// The SpecFlow side of the step library. Every step of every feature matches one of these
/// catch-all bindings, which hands it to the same <see cref="StepDispatcher"/> the runtime runner
/// uses, over <see cref="StepCatalog.Default"/> (the [StepDefinition]s of MailLab.Scenarios/Steps):
/// a step is declared once, there, and both runners match, convert and report it alike (an
/// undefined step fails with the runtime runner's "closest phrasings"). MailLab.Scenarios itself
/// references no SpecFlow, so neither does the shipped tool.
/// </summary>
[Binding]
public sealed class StepLibraryBindings(ScenarioWorld world, ScenarioContext scenario, FeatureContext feature)
{
    private StepDispatcher? _steps;

    private StepDispatcher Steps => _steps ??= new StepDispatcher(StepCatalog.Default, world);

    [BeforeScenario]
    public async Task BeginScenarioAsync()
    {
        if (await Steps.BeforeScenarioAsync() is { } error)
        {
            throw error;
        }
    }

    [AfterScenario]
    public async Task EndScenarioAsync()
    {
        try
        {
            if (await Steps.AfterScenarioAsync() is { } error)
            {
                throw error;
            }
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    [StepDefinition("(.*)")]
    public Task Step(string text) => RunAsync(text, docString: null, table: null);

    [StepDefinition("(.*)")]
    public Task StepWithDocString(string text, string docString) => RunAsync(text, docString, table: null);

    [StepDefinition("(.*)")]
    public Task StepWithTable(string text, TechTalk.SpecFlow.Table table) =>
        RunAsync(text, docString: null, new Scenarios.Driver.Table(table.Header.ToArray(), table.Rows.Select(r => (IReadOnlyList<string>)r.Values.ToArray())));

    private Task RunAsync(string text, string? docString, Scenarios.Driver.Table? table)
    {
        var kind = scenario.StepContext.StepInfo.StepDefinitionType switch
        {
            StepDefinitionType.Given => StepKind.Given,
            StepDefinitionType.When => StepKind.When,
            _ => StepKind.Then,
        };
        var language = feature.FeatureInfo.Language.Name.Split('-')[0];
        return Steps.RunAsync(kind, FeatureParser.KeywordFor(language, kind), text, docString, table, language);
    }
}
