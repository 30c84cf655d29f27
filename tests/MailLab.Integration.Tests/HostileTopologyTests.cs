using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Persistence;

namespace MailLab.Integration.Tests;

/// <summary>
/// Topology files built to take the process down, given to a real <c>maillab up</c> child process
/// (a stack overflow cannot be caught, so in this test host it would end every test): nesting
/// 100,000 deep, a file or a value too large, a fault reply with CR/LF. Each is refused with exit
/// code 2 and FILE:LINE:COLUMN, through <c>--topology</c>, a saved <c>DIR/topology.yaml</c> and a
/// scenario run on a running server, which stays up.
/// </summary>
public sealed class HostileTopologyTests : IDisposable
{
    private const int Depth = 100_000;

    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"maillab-hostile-{Guid.NewGuid():N}")).FullName;

    /// <summary>"hosts: " then the brackets: the 32nd '[' (column 39) opens the 33rd level, counting the file's mapping.</summary>
    private static string Nested => "hosts: " + new string('[', Depth) + new string(']', Depth) + "\n";

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task NestedDeeperThanTheBound_ThroughTopology_Exits2WithFileLineAndColumn()
    {
        var file = Write("nested.yaml", Nested);

        var (exit, output) = await UpAsync($"--topology \"{file}\"");

        exit.Should().Be(2, output);
        output.Should().Contain("maillab: invalid topology:")
            .And.Contain($"{file}:1:39: lists and mappings are nested more than 32 deep here")
            .And.NotContain("Stack overflow");
    }

    [Fact]
    public async Task NestedSavedConfiguration_InTheDataDirectory_Exits2WithItsPath()
    {
        var data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        var saved = Write(Path.Combine("data", "topology.yaml"), Nested);

        var (exit, output) = await UpAsync($"--data-dir \"{data}\"");

        exit.Should().Be(2, output);
        output.Should().Contain($"{saved}:1:39: lists and mappings are nested more than 32 deep here");
    }

    [Fact]
    public async Task FileOverTheBound_AndAValueOverTheBound_Exit2WithWhereTheyCrossIt()
    {
        // 6 MB of host name: refused after reading 4 MB of it, at the line and column of octet 4,194,305.
        var big = Write("big.yaml", "hosts:\n  - name: " + new string('a', 6 * 1024 * 1024) + "\n");
        var (exit, output) = await UpAsync($"--topology \"{big}\"");
        exit.Should().Be(2, output);
        output.Should().Contain($"{big}:2:{(4 * 1024 * 1024) - 7 + 1}: the file goes on past 4 MB, the most a topology file may hold");

        var longName = Write("long.yaml", "hosts:\n  - name: " + new string('a', 100_000) + "\n");
        (exit, output) = await UpAsync($"--topology \"{longName}\"");
        exit.Should().Be(2, output);
        output.Should().Contain($"{longName}:2:11: a value of 100000 characters; a value in a topology file is at most 16384");
    }

    [Fact]
    public async Task FaultReplyWithCrLf_InTheTopology_Exits2WithItsField()
    {
        var file = Write("fault.yaml", Mail.World.DefaultTopology.ReadYaml() + """

            faults:
              - { host: rosnou.ru, kind: reply, stage: mail, code: 451, text: "Try later\r\n250 2.0.0 OK" }

            """);
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("Try later", StringComparison.Ordinal)) + 1;

        var (exit, output) = await UpAsync($"--topology \"{file}\"");

        exit.Should().Be(2, output);
        output.Should().Contain($"{file}:{line}:").And.Contain("field 'faults[0].text': has U+000D at position 10: a line break (CR or LF)");
    }

    [Fact]
    public async Task NestedTopologyInAScenarioRun_FailsTheStepWithFileLineAndColumn_AndTheServerStaysUp()
    {
        var data = Path.Combine(_dir, "server");
        var topology = Write("default.yaml", Mail.World.DefaultTopology.ReadYaml());
        await using var server = await MailLabProcess.StartAsync(data, topology);
        // In the world's own data directory, where a scenario may open a topology.
        var nested = Write(Path.Combine("server", "nested.yaml"), Nested);

        var feature = $"Feature: Hostile\n\n  Scenario: Nested\n    Given the topology \"{nested}\"\n";
        using var response = await server.Api.PostAsync("api/scenarios/run", new StringContent(feature, Encoding.UTF8, "text/plain"));

        response.EnsureSuccessStatusCode();
        var step = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scenarios")[0].GetProperty("steps")[0];
        step.GetProperty("status").GetString().Should().Be("failed");
        step.GetProperty("error").GetString().Should().Contain($"{nested}:1:39: lists and mappings are nested more than 32 deep here");

        (await server.Api.GetFromJsonAsync<JsonElement>("api/servers")).GetArrayLength().Should().BeGreaterThan(0, "the server is still up");
        await using var smtp = await RawSmtpClient.ConnectAsync(server.MailRuSmtp);
        (await smtp.ReadReplyAsync()).Should().StartWith("220 mail.ru");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>`maillab up` with these options on free ports; a topology it accepts would keep it running until the runner's limit.</summary>
    private static Task<(int Exit, string Output)> UpAsync(string options) =>
        ProcessRunner.RunAsync("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "maillab.dll")}\" up {options} --api-port 0 --any-port");
}
