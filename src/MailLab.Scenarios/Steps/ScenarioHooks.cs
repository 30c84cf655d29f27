using MailLab.Scenarios.Driver;
using TechTalk.SpecFlow;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Each scenario gets a fresh <see cref="ScenarioWorld"/> (SpecFlow's context injection, or the
/// runtime runner's own container); these hooks mark each step and dispose the world at the end.
/// </summary>
[Binding]
public sealed class ScenarioHooks(ScenarioWorld world)
{
    [BeforeStep]
    public void BeginStep() => world.BeginStep();

    [AfterScenario]
    public async Task EndScenarioAsync() => await world.DisposeAsync();
}
