using System.Text.Json;
using MailLab.Cli.Commands;

namespace MailLab.Specs.Runtime;

/// <summary><c>maillab scenario run</c>: exit codes and the two formats.</summary>
public sealed class ScenarioCommandTests
{
    [Fact]
    public async Task AFailingFeature_ExitsWith1_AndPrintsTheFailure()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ScenarioCommand.RunAsync([RepositoryPaths.Sample("wrong-expectation.feature.txt")], json: false, output, error);

        code.Should().Be(1);
        output.ToString().Should().Contain("✗ Then the mailbox \"student@rosnou.ru\" contains 2 messages").And.Contain("Actual:   1 message: \"Only one\"");
    }

    [Fact]
    public async Task AFailingPop3Feature_ExitsWith1_AndPrintsTheFailure()
    {
        using var output = new StringWriter();
        var code = await ScenarioCommand.RunAsync([RepositoryPaths.Sample("wrong-pop3-expectation.feature.txt")], json: false, output, TextWriter.Null);

        code.Should().Be(1);
        output.ToString().Should().Contain("✗ Then \"petr@rosnou.ru\" retrieves 2 messages over POP3")
            .And.Contain("Actual:   petr@rosnou.ru logged on to rosnou.ru over POP3 (USER) and retrieved 1 message: \"Only one\"")
            .And.Contain("2 scenarios: 0 passed, 2 failed");
    }

    [Fact]
    public async Task Json_CarriesEachScenarioWithItsTime_AndTheTranscriptOfFailures()
    {
        using var output = new StringWriter();
        var code = await ScenarioCommand.RunAsync([RepositoryPaths.Sample("wrong-expectation.feature.txt")], json: true, output, TextWriter.Null);

        code.Should().Be(1);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        root.GetProperty("passed").GetBoolean().Should().BeFalse();
        root.GetProperty("summary").GetProperty("failed").GetInt32().Should().Be(2);
        var scenario = root.GetProperty("features")[0].GetProperty("scenarios")[0];
        scenario.GetProperty("status").GetString().Should().Be("failed");
        scenario.GetProperty("durationMs").GetDouble().Should().BePositive();
        scenario.GetProperty("transcript").GetArrayLength().Should().BePositive();
        var step = scenario.GetProperty("steps")[2];
        step.GetProperty("status").GetString().Should().Be("failed");
        step.GetProperty("expected").GetString().Should().Be("2 messages");
        step.GetProperty("actual").GetString().Should().Be("1 message: \"Only one\"");
    }

    [Fact]
    public async Task TheRepositoryFeatures_ExitWith0()
    {
        using var output = new StringWriter();
        var code = await ScenarioCommand.RunAsync([Path.Combine(RepositoryPaths.Scenarios, "delivery", "push-delivery.feature")], json: false, output, TextWriter.Null);
        code.Should().Be(0, output.ToString());
        output.ToString().Should().Contain("6 passed");
    }

    [Fact]
    public async Task Verbose_ShowsWhatEachAdminCommandPrinted_UnderItsPassingStep()
    {
        var file = RepositoryPaths.Sample("winpop-stat.feature.txt");

        using var verbose = new StringWriter();
        (await ScenarioCommand.RunAsync([file], json: false, verbose, TextWriter.Null, verbose: true)).Should().Be(0, verbose.ToString());
        using var quiet = new StringWriter();
        (await ScenarioCommand.RunAsync([file], json: false, quiet, TextWriter.Null)).Should().Be(0);
        using var json = new StringWriter();
        await ScenarioCommand.RunAsync([file], json: true, json, TextWriter.Null, verbose: true);

        verbose.ToString().Should().Contain("""
                  ✓ And the administrator runs "winpop stat lab.example"
                      Output:
                        Domain lab.example: 1 mailbox(es), 0 message(s), 0 bytes
            """.ReplaceLineEndings());
        quiet.ToString().Should().NotContain("Output:").And.NotContain("Domain lab.example:");
        using var parsed = JsonDocument.Parse(json.ToString());
        parsed.RootElement.GetProperty("features")[0].GetProperty("scenarios")[0].GetProperty("steps")[2].GetProperty("output")[0].GetString()
            .Should().StartWith("Domain lab.example: 1 mailbox(es), 0 message(s), 0 bytes\n  petr");
    }

    [Fact]
    public async Task AMissingPath_ExitsWith2()
    {
        using var error = new StringWriter();
        var code = await ScenarioCommand.RunAsync(["no/such/folder"], json: false, TextWriter.Null, error);
        code.Should().Be(2);
        error.ToString().Should().Contain("No such file or folder: no/such/folder");
    }
}
