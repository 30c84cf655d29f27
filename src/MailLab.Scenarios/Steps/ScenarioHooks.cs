using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>
/// Each scenario gets a fresh <see cref="ScenarioWorld"/> (SpecFlow's context injection into the
/// Specs' bindings, or the runtime runner's own); these hooks mark each step and dispose the world at the end.
/// </summary>
[Binding]
public sealed class ScenarioHooks(ScenarioWorld world)
{
    [BeforeStep]
    public void BeginStep() => world.BeginStep();

    [AfterScenario]
    public async Task EndScenarioAsync() => await world.DisposeAsync();
}
