using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Runner;

namespace MailLab.Integration.Tests.Labs;

/// <summary>
/// Every lab of courseware/labs on one running instance, as a class works: <c>POST /api/labs/ID/start</c>
/// resets it to the lab's topology, <c>POST /api/labs/ID/check</c> finds every task undone (in Russian
/// with <c>?lang=ru</c>, in other words than in English), the lab's solution (scenarios/labs/&lt;id&gt;.feature, its
/// Given and When steps after the topology step that the start stands for) is played on that same running
/// instance by an <see cref="ScenarioWorld.Attach"/>ed driver, its administration commands over the admin
/// API, and the check then finds every task done. The labs run one after another on the one instance,
/// each start wiping what the lab before it left.
/// </summary>
public sealed class LabSolutionApiTests(SimulatedInstance instance) : IClassFixture<SimulatedInstance>
{
    private static readonly string Solutions = Path.Combine(RepositoryFiles.Root, "scenarios", "labs");

    public static TheoryData<string> LabIds() =>
        new(Directory.EnumerateDirectories(Path.Combine(RepositoryFiles.Root, "courseware", "labs")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    private HttpClient Http => instance.Http;

    [Theory]
    [MemberData(nameof(LabIds))]
    public async Task EveryTask_FailsOnTheLabsStart_AndPassesAfterItsSolutionIsPlayedOnTheRunningInstance(string id)
    {
        var solution = Path.Combine(Solutions, id + ".feature");
        var feature = FeatureParser.ParseFile(solution);
        feature.Errors.Should().BeEmpty();
        var steps = feature.Scenarios.Should().ContainSingle($"{solution} plays one solution").Subject.Steps;
        steps[0].Text.Should().StartWith("the topology \"", "the lab's start stands for the solution's first step");

        var started = await Http.PostAsync($"/api/labs/{id}/start", null);
        started.StatusCode.Should().Be(HttpStatusCode.OK, await started.Content.ReadAsStringAsync());

        var english = await CheckAsync(id, "en");
        english.Where(t => t.Passed).Select(t => t.Id).Should().BeEmpty("right after the lab's start no task is done yet");
        var russian = await CheckAsync(id, "ru");
        russian.Select(t => t.Id).Should().Equal(english.Select(t => t.Id));
        russian.Zip(english).Where(p => p.First.Message == p.Second.Message).Select(p => $"{p.First.Id}: {p.First.Message}")
            .Should().BeEmpty("with ?lang=ru every task says in Russian why it failed");

        await using (var student = ScenarioWorld.Attach(instance.Server, instance.Api))
        {
            student.FeatureDirectory = Solutions;
            var dispatcher = new StepDispatcher(StepCatalog.Default, student);
            foreach (var step in steps.Skip(1).Where(s => s.Kind != StepKind.Then))
            {
                var before = student.LastCommand;
                student.BeginStep();
                await dispatcher.RunAsync(step.Kind, step.Keyword, step.Text, step.DocString, step.Table is { } rows ? Table.FromRows(rows) : null, feature.Language);
                if (!ReferenceEquals(student.LastCommand, before))
                {
                    student.LastCommand!.Succeeded.Should().BeTrue($"the solution's \"{step.Text}\" runs through the admin API and should succeed; it printed: {student.LastCommand.Output}");
                }
            }
        }

        var after = await CheckAsync(id, "en");
        after.Where(t => !t.Passed).Select(t => $"{t.Id}: {t.Message} (expected {t.Expected}, actual {t.Actual})").Should().BeEmpty();
        after.Should().HaveCount(english.Length);
    }

    private async Task<CheckedTask[]> CheckAsync(string id, string lang)
    {
        var response = await Http.PostAsync($"/api/labs/{id}/check?lang={lang}", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("language").GetString().Should().Be(lang);
        return report.GetProperty("tasks").EnumerateArray().Select(t => new CheckedTask(
            t.GetProperty("id").GetString()!, t.GetProperty("passed").GetBoolean(), Text(t, "message"), Text(t, "expected"), Text(t, "actual"))).ToArray();
    }

    private static string? Text(JsonElement task, string name) => task.TryGetProperty(name, out var value) ? value.GetString() : null;

    private sealed record CheckedTask(string Id, bool Passed, string? Message, string? Expected, string? Actual);
}
