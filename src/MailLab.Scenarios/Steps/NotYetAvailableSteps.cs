using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Steps about the parts of Exchange MailLab does not have yet (all but its services, stores, mailboxes, storage limits and the server's property sheet, <see cref="ExchangeSteps"/>; those steps name Exchange only inside quotes, so the pattern leaves them) fail with a clear message
/// instead of looking undefined or, worse, passing. Administration commands are left to their own step.
/// </summary>
[Binding]
public sealed class NotYetAvailableSteps(ScenarioWorld world)
{
    // The service's and the server's steps are Exchange's own. The name must stand outside quotes: "About Exchange" as a subject is just a subject.
    private const string Pattern = @"(?!the administrator |администратор |the Exchange service |служба Exchange |on ""[^""]*"" the Exchange server |на ""[^""]*"" у сервера Exchange )((?:[^""]|""[^""]*"")*?\bExchange\b.*)";

    [StepDefinition(Pattern)]
    public void NotYetAvailable(string step) => world.NotYetAvailable(step);

    [StepDefinition(Pattern)]
    public void NotYetAvailableWithDocString(string step, string docString) => world.NotYetAvailable(step, docString);
}
