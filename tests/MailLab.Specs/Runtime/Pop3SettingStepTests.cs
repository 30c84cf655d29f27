using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Tests.Settings;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>Every POP3 setting of the table set by the step <c>the POP3 service has "SETTING" set to "VALUE"</c> reads back the same.</summary>
public sealed class Pop3SettingStepTests
{
    [Theory]
    [MemberData(nameof(SettingSamples.Pop3Names), MemberType = typeof(SettingSamples))]
    public async Task EveryPop3Setting_RoundTripsThroughTheScenarioStep(string name)
    {
        var (text, expected) = SettingSamples.For(Pop3Settings.Find(name));
        if (name == "authentication")
        {
            // rosnou.ru has POP3 domains, so its method cannot change; setting the one it has is taken.
            (text, expected) = ("local", "local");
        }
        else if (name == "port")
        {
            // The listener moves at once, so the port must be one this machine can bind.
            text = expected = SettingSamples.FreePort();
        }

        var result = await new FeatureRunner().RunTextAsync($""""
            Feature: one POP3 setting
              Scenario: set by the step, read back
                Given the default topology
                And on "rosnou.ru" the POP3 service has "{name}" set to "{text}"
                Then on "rosnou.ru" the POP3 service's "{name}" is "{expected}"
            """", "inline.feature");

        result.Scenarios.Single().Steps.Where(s => s.Status != RunStatus.Passed).Select(s => s.Error).Should().BeEmpty();
    }

    [Fact]
    public async Task ABadValue_FailsTheStep_WithTheTablesMessage()
    {
        var result = await new FeatureRunner().RunTextAsync(""""
            Feature: one POP3 setting
              Scenario: a value Windows refuses
                Given the default topology
                And on "rosnou.ru" the POP3 service has "loggingLevel" set to "9"
            """", "inline.feature");

        result.Scenarios.Single().Steps.Last().Error.Should().Contain("\"9\" is not a valid value for \"loggingLevel\": expected a whole number from 0 to 3.");
    }
}
