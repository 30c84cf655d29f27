using System.Net;
using System.Text;
using System.Text.Json;
using MailLab.Scenarios.Driver;
using MailLab.Web.Tests.Infrastructure;

namespace MailLab.Web.Tests;

/// <summary>
/// <c>POST /api/scenarios/run</c> on a server with a data directory: a topology step reads only the
/// shipped scenario folders and the world's data directory. Anything else (a system file, a path
/// climbing out with "..", a link out of the data directory, an absolute path elsewhere) is
/// refused naming the allowed folders, and nothing of the foreign file reaches the answer.
/// </summary>
public sealed class ScenarioTopologyPathTests : IAsyncLifetime
{
    /// <summary>In every foreign file: a parse error that quotes its line would carry it into the answer.</summary>
    private const string Marker = "FOREIGN-FILE-CONTENT-7f3a";

    private readonly string _data = Directory.CreateTempSubdirectory("maillab-data-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("maillab-elsewhere-").FullName;

    /// <summary>Two levels above the test's bin folder, where the working directory's "../../" leads.</summary>
    private readonly string _climbed = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "..", $"maillab-climbed-{Guid.NewGuid():N}.yaml"));

    private SimulatedWebApp _web = null!;

    public async Task InitializeAsync()
    {
        var foreign = $"hosts: [ {{ name: {Marker}, broken: [\n";
        File.WriteAllText(Path.Combine(_elsewhere, "outside.yaml"), foreign);
        File.WriteAllText(_climbed, foreign);
        File.CreateSymbolicLink(Path.Combine(_data, "link-out.yaml"), Path.Combine(_elsewhere, "outside.yaml"));
        File.CreateSymbolicLink(Path.Combine(_data, "passwd.yaml"), "/etc/passwd");
        File.Copy(Path.Combine(RepositoryPaths.Root, "scenarios", "topologies", "mailru-rosnou.yaml"), Path.Combine(_data, "lab.yaml"));
        _web = await SimulatedWebApp.StartAsync(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), _data);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
        File.Delete(_climbed);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../{climbed}")]
    [InlineData("{data}/link-out.yaml")]
    [InlineData("passwd.yaml")]
    [InlineData("{elsewhere}/outside.yaml")]
    public async Task ATopologyOutsideTheAllowedFolders_IsRefusedNamingThem_WithoutItsContent(string path)
    {
        path = path.Replace("{climbed}", Path.GetFileName(_climbed), StringComparison.Ordinal)
            .Replace("{data}", _data, StringComparison.Ordinal)
            .Replace("{elsewhere}", _elsewhere, StringComparison.Ordinal);

        var (step, body) = await RunTopologyAsync(path);

        step.GetProperty("status").GetString().Should().Be("failed", body);
        var error = step.GetProperty("error").GetString()!;
        error.Should().Contain($"The topology \"{path}\" is outside the folders a scenario run here may read topologies from:");
        error.Should().Contain(_data).And.Contain(Path.Combine(RepositoryPaths.Root, "scenarios"));
        body.Should().NotContain(Marker).And.NotContain("root:").And.NotContain("has errors");
    }

    [Theory]
    [InlineData("three-hosts-mx-failover.yaml")]
    [InlineData("scenarios/topologies/three-hosts-mx-failover.yaml")]
    [InlineData("lab.yaml")]
    [InlineData("{data}/lab.yaml")]
    public async Task ShippedTopologies_AndTheWorldsDataDirectory_StillLoad(string path)
    {
        var (step, body) = await RunTopologyAsync(path.Replace("{data}", _data, StringComparison.Ordinal), "Then the queue of \"mail.ru\" holds 0 messages");

        step.GetProperty("status").GetString().Should().Be("passed", body);
    }

    [Fact]
    public async Task AMissingFileInsideTheFolders_SaysWhereItWasLookedFor()
    {
        var (step, _) = await RunTopologyAsync("no-such-topology.yaml");

        step.GetProperty("error").GetString().Should()
            .Be($"The topology file \"no-such-topology.yaml\" was not found in the folders a scenario run here may read topologies from: {TopologyFolders.ShippedAnd(_data).Describe()}.");
    }

    /// <summary>Runs a one-scenario feature that loads PATH (then the extra step) and returns its topology step.</summary>
    private async Task<(JsonElement Step, string Body)> RunTopologyAsync(string path, string? then = null)
    {
        var feature = $"Feature: Paths\n\n  Scenario: A topology file\n    Given the topology \"{path}\"\n{(then is null ? string.Empty : $"    {then}\n")}";
        using var response = await _web.Http.PostAsync("/api/scenarios/run", new StringContent(feature, Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var scenario = JsonDocument.Parse(body).RootElement.GetProperty("scenarios")[0].Clone();
        return (scenario.GetProperty("steps")[0], body);
    }
}
