using System.Reflection;
using MailLab.Scenarios.Steps;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// The step library: every [StepDefinition] (or [Given]/[When]/[Then]) of the [Binding] classes
/// in Steps/, read by reflection, and the scenario hooks. One library, two runners: the runtime
/// runner matches against it, and the SpecFlow bindings of tests/MailLab.Specs dispatch every
/// step to it (<see cref="StepDispatcher"/>), so a step is declared once, here.
/// </summary>
public sealed class StepCatalog
{
    private StepCatalog(IReadOnlyList<StepDefinition> definitions, IReadOnlyList<MethodInfo> beforeScenario, IReadOnlyList<MethodInfo> afterScenario, IReadOnlyList<MethodInfo> beforeStep, IReadOnlyList<MethodInfo> afterStep)
    {
        Definitions = definitions;
        BeforeScenario = beforeScenario;
        AfterScenario = afterScenario;
        BeforeStep = beforeStep;
        AfterStep = afterStep;
    }

    /// <summary>The library in MailLab.Scenarios.</summary>
    public static StepCatalog Default { get; } = FromAssemblies([typeof(StepCatalog).Assembly]);

    public IReadOnlyList<StepDefinition> Definitions { get; }

    public IReadOnlyList<MethodInfo> BeforeScenario { get; }

    public IReadOnlyList<MethodInfo> AfterScenario { get; }

    public IReadOnlyList<MethodInfo> BeforeStep { get; }

    public IReadOnlyList<MethodInfo> AfterStep { get; }

    public static StepCatalog FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        var definitions = new List<StepDefinition>();
        var hooks = new Dictionary<Type, List<MethodInfo>>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsDefined(typeof(BindingAttribute), inherit: false)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                foreach (var attribute in method.GetCustomAttributes<StepDefinitionAttribute>())
                {
                    foreach (var kind in attribute.Kinds)
                    {
                        definitions.Add(StepDefinition.Create(kind, attribute.Regex, method));
                    }
                }

                foreach (var hook in method.GetCustomAttributes().Where(a => a is BeforeScenarioAttribute or AfterScenarioAttribute or BeforeStepAttribute or AfterStepAttribute))
                {
                    var key = hook.GetType();
                    if (!hooks.TryGetValue(key, out var list))
                    {
                        hooks[key] = list = [];
                    }

                    list.Add(method);
                }
            }
        }

        IReadOnlyList<MethodInfo> Hooks<T>() => hooks.GetValueOrDefault(typeof(T)) ?? [];
        return new StepCatalog(definitions, Hooks<BeforeScenarioAttribute>(), Hooks<AfterScenarioAttribute>(), Hooks<BeforeStepAttribute>(), Hooks<AfterStepAttribute>());
    }

    /// <summary>
    /// The definitions of this kind whose expression matches the whole text. As in SpecFlow, when
    /// several match, those whose method takes the step's arguments (the captures, then the doc
    /// string or data table when there is one) win over those that do not.
    /// </summary>
    public IReadOnlyList<(StepDefinition Definition, System.Text.RegularExpressions.Match Match)> Match(StepKind kind, string text, bool hasArgument = false)
    {
        var matches = Definitions.Where(d => d.Kind == kind)
            .Select(d => (Definition: d, Match: d.Regex.Match(text)))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Definition.Method)
            .Select(g => g.First())
            .ToArray();
        var fitting = matches.Where(m => m.Definition.Method.GetParameters().Length == m.Match.Groups.Count - 1 + (hasArgument ? 1 : 0)).ToArray();
        return fitting.Length > 0 ? fitting : matches;
    }

    /// <summary>
    /// The phrasings closest to an undefined step, best first, each with a keyword: the step's own
    /// kind when the phrasing accepts it (most accept any keyword), else the first it accepts.
    /// </summary>
    public IReadOnlyList<(StepKind Kind, string Phrasing)> Closest(string text, StepKind kind = StepKind.Given, int take = 3)
    {
        var byPhrasing = Definitions
            .Where(d => !d.Method.Name.StartsWith("NotYetAvailable", StringComparison.Ordinal))
            .GroupBy(d => d.Phrasing)
            .ToDictionary(g => g.Key, g => g.Any(d => d.Kind == kind) ? kind : g.First().Kind);
        return Similarity.Rank(text, byPhrasing.Keys, take, minimum: 0.2)
            .Select(p => (byPhrasing[p], p))
            .ToArray();
    }
}
