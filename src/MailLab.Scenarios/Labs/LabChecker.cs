using MailLab.Hosting;
using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Runner;

namespace MailLab.Scenarios.Labs;

/// <summary>
/// Runs a lab's checks against a world that is already running (the student's instance, or a test's
/// world after a solution was played): each task's Then step through the step library on a
/// <see cref="ScenarioWorld.Over"/> driver, which moves no clock and owns nothing. Only read-only
/// steps run (<see cref="CheckSteps"/>), so checking changes nothing.
/// </summary>
public sealed class LabChecker(StepCatalog? catalog = null)
{
    private readonly StepCatalog _catalog = catalog ?? StepCatalog.Default;

    public async Task<LabReport> CheckAsync(Lab lab, MailLabServer runtime, string? language)
    {
        var lang = LabLanguage.Of(language);
        var results = new List<LabTaskResult>();
        await using var world = ScenarioWorld.Over(runtime);
        var steps = new StepDispatcher(_catalog, world);
        foreach (var task in lab.Tasks)
        {
            results.Add(await CheckAsync(task, steps, lang));
        }

        return new LabReport(lab.Id, lang, lab.Title.For(lang), results);
    }

    private static async Task<LabTaskResult> CheckAsync(LabTask task, StepDispatcher steps, string language)
    {
        var text = task.Text.For(language);
        if (CheckSteps.Find(steps.Catalog, task.Check, out var problem) is not { } found)
        {
            return new LabTaskResult(task.Id, text, task.Check, false, problem);
        }

        steps.World.BeginStep();
        try
        {
            await steps.InvokeAsync(found.Definition, found.Match, docString: null, table: null);
        }
        catch (ScenarioAssertionException e)
        {
            var (summary, expected, actual) = e.In(language);
            return new LabTaskResult(task.Id, text, task.Check, false, summary, expected, actual);
        }
        catch (ScenarioSetupException e)
        {
            return new LabTaskResult(task.Id, text, task.Check, false, e.In(language));
        }

        return new LabTaskResult(task.Id, text, task.Check, true);
    }
}

/// <summary>A lab checked: one result per task, in the lab's order.</summary>
public sealed record LabReport(string Lab, string Language, string Title, IReadOnlyList<LabTaskResult> Tasks)
{
    public bool Passed => Tasks.All(t => t.Passed);
}

/// <summary>
/// One task checked: its text in the report's language, the check that ran, and when it failed the
/// step's message with what was expected and what is there, in the report's language where the step
/// gave a Russian text (<see cref="RussianText"/>; the values themselves, settings, counts and
/// addresses, as the world prints them), else in English.
/// </summary>
public sealed record LabTaskResult(string Id, string Text, string Check, bool Passed, string? Message = null, string? Expected = null, string? Actual = null);
