using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Tests.Settings;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>Every setting of the table set by the scenario step <c>has "SETTING" set to "VALUE"</c> reads back the same with <c>smtp vs get</c>.</summary>
public sealed class SettingStepTests
{
    [Theory]
    [MemberData(nameof(SettingSamples.Names), MemberType = typeof(SettingSamples))]
    public async Task EverySetting_RoundTripsThroughTheScenarioStep(string name)
    {
        var (text, expected) = SettingSamples.For(VirtualServerSettings.Find(name));

        var result = await new FeatureRunner().RunTextAsync($""""
            Feature: one setting
              Scenario: set by the step, read by the CLI
                Given the default topology
                And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "{name}" set to "{text}"
                When the administrator runs "maillab smtp vs get {name} --host rosnou.ru"
                Then the command output is:
                  """
                  {name} = {expected}
                  """
            """", "inline.feature");

        result.Scenarios.Single().Steps.Where(s => s.Status != RunStatus.Passed).Select(s => s.Error).Should().BeEmpty();
    }
}
