using MailLab.Scenarios.Driver;
using TechTalk.SpecFlow;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Steps about services MailLab does not have yet (POP3, IMAP, Exchange) fail with a clear message
/// instead of looking undefined or, worse, passing. Administration commands are left to their own step.
/// </summary>
[Binding]
public sealed class NotYetAvailableSteps(ScenarioWorld world)
{
    // The service's name must stand outside quotes: "About POP3" as a subject is just a subject.
    private const string Pattern = @"(?!the administrator |администратор )((?:[^""]|""[^""]*"")*?\b(?:POP3|IMAP|Exchange)\b.*)";

    [Given(Pattern)]
    [When(Pattern)]
    [Then(Pattern)]
    public void NotYetAvailable(string step) => world.NotYetAvailable(step);

    [Given(Pattern)]
    [When(Pattern)]
    [Then(Pattern)]
    public void NotYetAvailableWithDocString(string step, string docString) => world.NotYetAvailable(step, docString);
}
