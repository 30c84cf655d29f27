using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Steps about services MailLab does not have yet (Exchange) fail with a clear message
/// instead of looking undefined or, worse, passing. Administration commands are left to their own step.
/// </summary>
[Binding]
public sealed class NotYetAvailableSteps(ScenarioWorld world)
{
    // The service's name must stand outside quotes: "About Exchange" as a subject is just a subject.
    private const string Pattern = @"(?!the administrator |администратор )((?:[^""]|""[^""]*"")*?\bExchange\b.*)";

    [StepDefinition(Pattern)]
    public void NotYetAvailable(string step) => world.NotYetAvailable(step);

    [StepDefinition(Pattern)]
    public void NotYetAvailableWithDocString(string step, string docString) => world.NotYetAvailable(step, docString);
}
