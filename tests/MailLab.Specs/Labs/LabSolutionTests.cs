using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Labs;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Labs;

/// <summary>
/// Every lab of courseware/labs against its solution, scenarios/labs/&lt;id&gt;.feature: each task's
/// check fails on a fresh world of the lab's starting topology (nothing is done yet), and passes once
/// the solution's Given and When steps have been played; the failure reads in Russian with --lang ru. The solution starts from the lab's topology,
/// is tagged @lab-&lt;id&gt; and ends with the lab's checks, in order, verbatim.
/// </summary>
public sealed class LabSolutionTests
{
    public static string LabsFolder => Path.Combine(RepositoryPaths.Root, "courseware", "labs");

    public static TheoryData<string> LabIds() => new(Folders());

    private static IEnumerable<string> Folders() =>
        Directory.EnumerateDirectories(LabsFolder).Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f));

    [Fact]
    public void EveryLabFolder_Loads_WithoutProblems()
    {
        var set = LabLoader.LoadAll(LabsFolder);
        set.Problems.Should().BeEmpty();
        set.Labs.Select(l => l.Id).Should().Equal(Folders());
    }

    [Theory]
    [MemberData(nameof(LabIds))]
    public async Task EveryCheck_FailsOnTheStartingTopology_AndPassesAfterTheSolution(string id)
    {
        var lab = LabLoader.Load(Path.Combine(LabsFolder, id), StepCatalog.Default, out var problems);
        problems.Should().BeEmpty();
        var solution = Path.Combine(RepositoryPaths.Scenarios, "labs", id + ".feature");
        File.Exists(solution).Should().BeTrue($"lab {id} needs its solution in scenarios/labs/{id}.feature");
        var feature = FeatureParser.ParseFile(solution);
        feature.Errors.Should().BeEmpty();
        var scenario = feature.Scenarios.Should().ContainSingle($"{solution} plays one solution").Subject;
        scenario.Tags.Should().Contain($"@lab-{id}");
        scenario.Steps[0].Kind.Should().Be(StepKind.Given);
        scenario.Steps[0].Text.Should().StartWith("the topology \"");
        var topology = scenario.Steps[0].Text["the topology \"".Length..^1];
        File.ReadAllText(TopologyFiles.Resolve(topology, Path.GetDirectoryName(solution))).Should().Be(File.ReadAllText(lab!.TopologyPath), "the solution starts from the lab's topology");
        scenario.Steps.Where(s => s.Kind == StepKind.Then).Select(s => s.Text).Should().Equal(lab.Tasks.Select(t => t.Check), "the solution ends with the lab's checks, in order");

        await using (var fresh = new ScenarioWorld { FeatureDirectory = Path.GetDirectoryName(solution) })
        {
            await fresh.UseTopologyAsync(lab.TopologyPath);
            var before = await new LabChecker().CheckAsync(lab, await fresh.RuntimeAsync(), "en");
            before.Tasks.Where(t => t.Passed).Select(t => t.Id).Should().BeEmpty("on the starting topology no task is done yet");
            var russian = await new LabChecker().CheckAsync(lab, await fresh.RuntimeAsync(), "ru");
            russian.Tasks.Zip(before.Tasks).Where(p => p.First.Message == p.Second.Message).Select(p => $"{p.First.Id} ({p.First.Check}): {p.First.Message}")
                .Should().BeEmpty("every check a lab uses says why it failed in Russian too (a RussianText beside its English summary)");
        }

        await using var solved = new ScenarioWorld { FeatureDirectory = Path.GetDirectoryName(solution) };
        var steps = new StepDispatcher(StepCatalog.Default, solved);
        foreach (var step in scenario.Steps.Where(s => s.Kind != StepKind.Then))
        {
            solved.BeginStep();
            await steps.RunAsync(step.Kind, step.Keyword, step.Text, step.DocString, step.Table is { } rows ? Table.FromRows(rows) : null, feature.Language);
        }

        var after = await new LabChecker().CheckAsync(lab, await solved.RuntimeAsync(), "en");
        after.Tasks.Where(t => !t.Passed).Select(t => $"{t.Id}: {t.Message} (expected {t.Expected}, actual {t.Actual})").Should().BeEmpty();
        after.Passed.Should().BeTrue();
    }
}
