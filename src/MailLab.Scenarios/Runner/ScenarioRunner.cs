using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Runs one scenario with no compile step: a fresh <see cref="ScenarioWorld"/>, the binding
/// classes built on it, each step matched against the library's expressions (of its own kind, as
/// SpecFlow does), its captures converted to the method's parameters (the doc string last), and
/// the method awaited. After a failure the remaining steps are skipped; the hooks always run.
/// </summary>
public sealed class ScenarioRunner(StepCatalog catalog)
{
    /// <summary>
    /// Called after each step's result (skipped ones too), with the scenario's world still open:
    /// a web page reads the trace events and the virtual time each step left behind.
    /// </summary>
    public Func<StepResult, ScenarioWorld, Task>? StepFinished { get; init; }

    /// <summary>Where topology steps may read files from (<see cref="Driver.TopologyFolders"/>); null: no limit.</summary>
    public TopologyFolders? TopologyFolders { get; init; }

    public async Task<ScenarioResult> RunAsync(ScenarioModel scenario, string language, string? featureDirectory)
    {
        var clock = Stopwatch.StartNew();
        if (scenario.Ignored)
        {
            return new ScenarioResult(scenario.Name, scenario.Line, RunStatus.Skipped, 0,
                scenario.Steps.Select(s => new StepResult(s.Keyword, s.Text, s.Line, RunStatus.Skipped)).ToArray(), [], []);
        }

        if (scenario.Steps.Count == 0)
        {
            // Nothing to run, so nothing was checked: not "passed".
            return new ScenarioResult(scenario.Name, scenario.Line, RunStatus.Empty, 0, [], [], []);
        }

        var world = new ScenarioWorld { FeatureDirectory = featureDirectory, TopologyFolders = TopologyFolders };
        var instances = new Dictionary<Type, object>();
        var results = new List<StepResult>();
        IReadOnlyList<string> transcript = [];
        IReadOnlyList<string> sessions = [];
        try
        {
            var hookError = await RunHooksAsync(catalog.BeforeScenario, world, instances);
            if (hookError is not null)
            {
                await AddAsync(Failed(new StepModel("Before", StepKind.Given, "scenario hooks", scenario.Line, null), hookError, world));
            }

            var failed = hookError is not null;
            foreach (var step in scenario.Steps)
            {
                if (failed)
                {
                    await AddAsync(new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Skipped));
                    continue;
                }

                var result = await RunStepAsync(step, language, world, instances);
                await AddAsync(result);
                failed = result.Status != RunStatus.Passed;
            }

            transcript = world.Transcript();
            sessions = world.TranscriptBySession();
        }
        finally
        {
            await RunHooksAsync(catalog.AfterScenario, world, instances);
            await world.DisposeAsync();
        }

        async Task AddAsync(StepResult result)
        {
            results.Add(result);
            if (StepFinished is { } finished)
            {
                await finished(result, world);
            }
        }

        var status = results.Any(r => r.Status == RunStatus.Failed) ? RunStatus.Failed
            : results.Any(r => r.Status == RunStatus.Undefined) ? RunStatus.Undefined
            : RunStatus.Passed;
        return new ScenarioResult(scenario.Name, scenario.Line, status, clock.Elapsed.TotalMilliseconds, results, transcript, sessions);
    }

    private async Task<StepResult> RunStepAsync(StepModel step, string language, ScenarioWorld world, Dictionary<Type, object> instances)
    {
        var words = RunnerWords.For(language);
        var matches = catalog.Match(step.Kind, step.Text, step.HasArgument);
        if (matches.Count == 0)
        {
            var closest = catalog.Closest(step.Text, step.Kind).Select(c => $"{FeatureParser.KeywordFor(language, c.Kind)} {c.Phrasing}").ToArray();
            var message = $"{words.UndefinedStep}: {step.Keyword} {step.Text}" + (closest.Length == 0
                ? string.Empty
                : $"{Environment.NewLine}{words.ClosestPhrasings}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", closest)}");
            return new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Undefined, message, Suggestions: closest);
        }

        if (matches.Count > 1)
        {
            return new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed,
                $"{words.AmbiguousStep}: {step.Keyword} {step.Text} {words.Matches} {string.Join($" {words.And} ", matches.Select(m => $"\"{m.Definition.Phrasing}\""))}");
        }

        var (definition, match) = matches[0];
        if (await RunHooksAsync(catalog.BeforeStep, world, instances) is { } before)
        {
            return Failed(step, before, world);
        }

        try
        {
            var arguments = Arguments(definition.Method, match, step);
            await InvokeAsync(definition.Method, world, instances, arguments);
        }
        catch (Exception e)
        {
            return Failed(step, Unwrap(e), world) with { Output = OutputOf(world) };
        }

        if (await RunHooksAsync(catalog.AfterStep, world, instances) is { } after)
        {
            return Failed(step, after, world) with { Output = OutputOf(world) };
        }

        return new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Passed, Notes: world.Notes.Count == 0 ? null : world.Notes.ToArray(), Output: OutputOf(world));
    }

    private static IReadOnlyList<string>? OutputOf(ScenarioWorld world) => world.StepOutput.Count == 0 ? null : world.StepOutput.ToArray();

    private static StepResult Failed(StepModel step, Exception e, ScenarioWorld world) => e switch
    {
        ScenarioAssertionException a => new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, a.Summary, a.Expected, a.Actual, a.Transcript),
        ScenarioSetupException s => new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, s.Message, Transcript: world.TranscriptAroundStep()),
        _ => new StepResult(step.Keyword, step.Text, step.Line, RunStatus.Failed, $"{e.GetType().Name}: {e.Message}", Transcript: world.TranscriptAroundStep()),
    };

    /// <summary>The regular expression's captures, converted to the parameters' types, then the doc string or data table.</summary>
    private static object?[] Arguments(MethodInfo method, Match match, StepModel step)
    {
        var parameters = method.GetParameters();
        var values = match.Groups.Cast<Group>().Skip(1).Select(g => g.Success ? (object?)g.Value : null).ToList();
        if (step.DocString is not null)
        {
            values.Add(step.DocString);
        }
        else if (step.Table is { Count: > 0 } rows)
        {
            var table = new TechTalk.SpecFlow.Table([.. rows[0]]);
            foreach (var row in rows.Skip(1))
            {
                table.AddRow([.. row]);
            }

            values.Add(table);
        }

        if (values.Count != parameters.Length)
        {
            var what = parameters.Length > 0 && parameters[^1].ParameterType == typeof(TechTalk.SpecFlow.Table) ? "a data table (| rows |)" : "a doc string (lines between \"\"\" marks)";
            throw new ScenarioSetupException(!step.HasArgument && parameters.Length == values.Count + 1
                ? $"This step needs {what} under it."
                : $"This step passes {values.Count} arguments but its binding {method.DeclaringType?.Name}.{method.Name} takes {parameters.Length}{(step.HasArgument ? " (is the doc string or table meant for another step?)" : string.Empty)}.");
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

    private static async Task<Exception?> RunHooksAsync(IReadOnlyList<MethodInfo> hooks, ScenarioWorld world, Dictionary<Type, object> instances)
    {
        foreach (var hook in hooks)
        {
            try
            {
                await InvokeAsync(hook, world, instances, []);
            }
            catch (Exception e)
            {
                return Unwrap(e);
            }
        }

        return null;
    }

    private static async Task InvokeAsync(MethodInfo method, ScenarioWorld world, Dictionary<Type, object> instances, object?[] arguments)
    {
        var target = method.IsStatic ? null : Instance(method.DeclaringType!, world, instances);
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
    private static object Instance(Type type, ScenarioWorld world, Dictionary<Type, object> instances)
    {
        if (instances.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType == typeof(ScenarioWorld)
            ? world
            : throw new ScenarioSetupException($"The binding {type.Name} asks for a {p.ParameterType.Name}; the runtime runner can only give it the ScenarioWorld.")).ToArray();
        var instance = constructor.Invoke(arguments);
        instances[type] = instance;
        return instance;
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e;
}
