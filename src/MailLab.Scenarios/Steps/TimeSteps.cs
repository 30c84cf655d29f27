using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Moving the virtual clock. Accepted after any keyword, so "And 15 minutes pass" may follow a Then.</summary>
[Binding]
public sealed class TimeSteps(ScenarioWorld world)
{
    [StepDefinition(@"(\d+) seconds? pass(?:es)?")]
    [StepDefinition(@"(?:проходят|проходит|прошло|прошли|прошла) (\d+) (?:секунд|секунда|секунды|секунду)")]
    public Task Seconds(int count) => world.PassAsync(TimeSpan.FromSeconds(count));

    [StepDefinition(@"(\d+) minutes? pass(?:es)?")]
    [StepDefinition(@"(?:проходят|проходит|прошло|прошли|прошла) (\d+) (?:минут|минута|минуты|минуту)")]
    public Task Minutes(int count) => world.PassAsync(TimeSpan.FromMinutes(count));

    [StepDefinition(@"(\d+) hours? pass(?:es)?")]
    [StepDefinition(@"(?:проходят|проходит|прошло|прошли|прошёл|прошел) (\d+) (?:часов|час|часа)")]
    public Task Hours(int count) => world.PassAsync(TimeSpan.FromHours(count));

    [StepDefinition(@"(\d+) days? pass(?:es)?")]
    [StepDefinition(@"(?:проходят|проходит|прошло|прошли|прошёл|прошел) (\d+) (?:дней|день|дня|суток|сутки)")]
    public Task Days(int count) => world.PassAsync(TimeSpan.FromDays(count));
}
