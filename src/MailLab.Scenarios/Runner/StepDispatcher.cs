using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// One scenario's step classes and the steps run on them: the binding classes are built once on the
/// scenario's <see cref="ScenarioWorld"/>, a step's text is matched against the library's expressions
/// (of its own kind, as SpecFlow does), its captures converted to the method's parameters (the doc
/// string or data table last) and the method awaited. The runtime runner (<see cref="ScenarioRunner"/>)
/// and the SpecFlow bindings of tests/MailLab.Specs both run their steps here.
/// </summary>
public sealed class StepDispatcher(StepCatalog catalog, ScenarioWorld world)
{
    private readonly Dictionary<Type, object> _instances = [];

    public StepCatalog Catalog => catalog;

    public ScenarioWorld World => world;

    public Task<Exception?> BeforeScenarioAsync() => RunHooksAsync(catalog.BeforeScenario);

    public Task<Exception?> AfterScenarioAsync() => RunHooksAsync(catalog.AfterScenario);

    public Task<Exception?> BeforeStepAsync() => RunHooksAsync(catalog.BeforeStep);

    public Task<Exception?> AfterStepAsync() => RunHooksAsync(catalog.AfterStep);

    /// <summary>The definitions the step's text matches (<see cref="StepCatalog.Match"/>).</summary>
    public IReadOnlyList<(StepDefinition Definition, Match Match)> Find(StepKind kind, string text, bool hasArgument) =>
        catalog.Match(kind, text, hasArgument);

    /// <summary>Runs one matched definition; what the method threw is rethrown as it was (not wrapped).</summary>
    public async Task InvokeAsync(StepDefinition definition, Match match, string? docString, Table? table)
    {
        try
        {
            await InvokeAsync(definition.Method, Arguments(definition.Method, match, docString, table)).ConfigureAwait(false);
        }
        catch (TargetInvocationException e)
        {
            throw Unwrap(e);
        }
    }

    /// <summary>
    /// A whole step as SpecFlow runs one: an undefined or ambiguous step throws a
    /// <see cref="ScenarioSetupException"/> worded as the runtime runner's report words it
    /// (with the closest phrasings); the step hooks run around the step.
    /// </summary>
    public async Task RunAsync(StepKind kind, string keyword, string text, string? docString, Table? table, string language = "en")
    {
        var matches = Find(kind, text, docString is not null || table is not null);
        if (matches.Count == 0)
        {
            throw new ScenarioSetupException(UndefinedMessage(kind, keyword, text, language, out _));
        }

        if (matches.Count > 1)
        {
            throw new ScenarioSetupException(AmbiguousMessage(keyword, text, language, matches));
        }

        if (await BeforeStepAsync().ConfigureAwait(false) is { } before)
        {
            throw before;
        }

        await InvokeAsync(matches[0].Definition, matches[0].Match, docString, table).ConfigureAwait(false);
        if (await AfterStepAsync().ConfigureAwait(false) is { } after)
        {
            throw after;
        }
    }

    /// <summary>"Undefined step: …" with the closest phrasings, each with a keyword of the feature's language.</summary>
    public string UndefinedMessage(StepKind kind, string keyword, string text, string language, out IReadOnlyList<string> closest)
    {
        var words = RunnerWords.For(language);
        closest = catalog.Closest(text, kind).Select(c => $"{FeatureParser.KeywordFor(language, c.Kind)} {c.Phrasing}").ToArray();
        return $"{words.UndefinedStep}: {keyword} {text}" + (closest.Count == 0
            ? string.Empty
            : $"{Environment.NewLine}{words.ClosestPhrasings}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", closest)}");
    }

    public static string AmbiguousMessage(string keyword, string text, string language, IReadOnlyList<(StepDefinition Definition, Match Match)> matches)
    {
        var words = RunnerWords.For(language);
        return $"{words.AmbiguousStep}: {keyword} {text} {words.Matches} {string.Join($" {words.And} ", matches.Select(m => $"\"{m.Definition.Phrasing}\""))}";
    }

    /// <summary>The regular expression's captures, converted to the parameters' types, then the doc string or data table.</summary>
    private static object?[] Arguments(MethodInfo method, Match match, string? docString, Table? table)
    {
        var parameters = method.GetParameters();
        var values = match.Groups.Cast<Group>().Skip(1).Select(g => g.Success ? (object?)g.Value : null).ToList();
        var hasArgument = docString is not null || table is not null;
        if (docString is not null)
        {
            values.Add(docString);
        }
        else if (table is not null)
        {
            values.Add(table);
        }

        if (values.Count != parameters.Length)
        {
            var what = parameters.Length > 0 && parameters[^1].ParameterType == typeof(Table) ? "a data table (| rows |)" : "a doc string (lines between \"\"\" marks)";
            throw new ScenarioSetupException(!hasArgument && parameters.Length == values.Count + 1
                ? $"This step needs {what} under it."
                : $"This step passes {values.Count} arguments but its binding {method.DeclaringType?.Name}.{method.Name} takes {parameters.Length}{(hasArgument ? " (is the doc string or table meant for another step?)" : string.Empty)}.");
        }

        return parameters.Select((p, i) => values[i] is string or null ? Convert((string?)values[i], p.ParameterType) : values[i]).ToArray();
    }

    private static object? Convert(string? value, Type type)
    {
        if (type == typeof(string))
        {
            return value ?? string.Empty;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            return target == type && type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        try
        {
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new ScenarioSetupException($"\"{value}\" is not a valid {target.Name}.");
        }
    }

    private async Task<Exception?> RunHooksAsync(IReadOnlyList<MethodInfo> hooks)
    {
        foreach (var hook in hooks)
        {
            try
            {
                await InvokeAsync(hook, []).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return Unwrap(e);
            }
        }

        return null;
    }

    private async Task InvokeAsync(MethodInfo method, object?[] arguments)
    {
        var target = method.IsStatic ? null : Instance(method.DeclaringType!);
        var returned = method.Invoke(target, arguments);
        if (returned is Task task)
        {
            await task.ConfigureAwait(false);
        }
        else if (returned is ValueTask valueTask)
        {
            await valueTask.ConfigureAwait(false);
        }
    }

    /// <summary>One instance of each binding class per scenario; constructors may take the <see cref="ScenarioWorld"/>.</summary>
    private object Instance(Type type)
    {
        if (_instances.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType == typeof(ScenarioWorld)
            ? world
            : throw new ScenarioSetupException($"The binding {type.Name} asks for a {p.ParameterType.Name}; the runtime runner can only give it the ScenarioWorld.")).ToArray();
        var instance = constructor.Invoke(arguments);
        _instances[type] = instance;
        return instance;
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e;
}
