using MailLab.Scenarios.Labs;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Labs;

/// <summary>lab.yaml's problems, each named with its file and line.</summary>
public sealed class LabLoaderTests : IDisposable
{
    private const string Good = """
        id: 99-sample
        slide: 10
        slideTitle: "Запуск"
        title: { ru: "Пример", en: "Sample" }
        minutes: 5
        topology: topology.yaml
        tasks:
          - id: one
            text: { ru: "Один", en: "One" }
            check: 'the SMTP service on "mail.ru" is stopped'
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"maillab-labs-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AWellFormedLab_Loads()
    {
        var lab = Load(Good, out var problems);
        problems.Should().BeEmpty();
        lab!.Tasks.Single().Check.Should().Be("the SMTP service on \"mail.ru\" is stopped");
        lab.Title.For("ru").Should().Be("Пример");
        lab.Instructions("en").Should().Be("# Sample");
    }

    [Fact]
    public void AMissingField_IsNamed()
    {
        Load(Good.Replace("minutes: 5\n", "", StringComparison.Ordinal), out var problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().EndWith(":1: missing field \"minutes\"");
    }

    [Fact]
    public void AnUnknownStep_IsRefused_WithTheClosestPhrasings()
    {
        Load(Good.Replace("the SMTP service on \"mail.ru\" is stopped", "the SMTP servise on \"mail.ru\" is stoped", StringComparison.Ordinal), out var problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("lab.yaml:10: check: \"the SMTP servise on \"mail.ru\" is stoped\" is not a step of the library; closest Then phrasings: the SMTP service on \"HOST\" is stopped|paused|running;");
    }

    [Fact]
    public void ASetupStep_IsNotACheck_AThenOnlyStepIs()
    {
        Load(Good.Replace("'the SMTP service on \"mail.ru\" is stopped'", "'the default topology'", StringComparison.Ordinal), out var problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("\"the default topology\" (TopologySteps.DefaultTopology) would change the world");

        Load(Good.Replace("'the SMTP service on \"mail.ru\" is stopped'", "'the store \"S\" on \"rosnou.ru\" is mounted'", StringComparison.Ordinal), out problems).Should().NotBeNull();
        problems.Should().BeEmpty("a Then-only step is a check");
    }

    [Fact]
    public void AStepThatChangesTheWorld_IsRefused()
    {
        Load(Good.Replace("'the SMTP service on \"mail.ru\" is stopped'", "'\"ivan@mail.ru\" sends a message to \"student@rosnou.ru\" with subject \"x\"'", StringComparison.Ordinal), out var problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("(MailSteps.Send) would change the world");
    }

    [Fact]
    public void AMissingTopology_AndInstructions_AreNamed()
    {
        Load(Good.Replace("topology: topology.yaml", "topology: nowhere.yaml", StringComparison.Ordinal), out var problems, instructions: false).Should().BeNull();
        problems.Should().Contain(p => p.Contains("lab.yaml:1: topology: no file ") && p.Contains("nowhere.yaml"));
        problems.Should().Contain(p => p.EndsWith("ru.md: missing (the instructions in Russian)", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIdOtherThanTheFolder_AndAnUnknownField_AreNamed()
    {
        Load(Good.Replace("id: 99-sample", "id: 99-other\nslides: 3", StringComparison.Ordinal), out var problems).Should().BeNull();
        problems.Should().Contain(p => p.EndsWith(":2: lab.yaml has no field \"slides\" (its fields: id, slide, slideTitle, title, minutes, topology, tasks)", StringComparison.Ordinal));
        problems.Should().Contain(p => p.EndsWith(":1: id \"99-other\" is not the folder's name \"99-sample\"", StringComparison.Ordinal));
    }

    private Lab? Load(string yaml, out IReadOnlyList<string> problems, bool instructions = true)
    {
        var folder = Path.Combine(_root, "99-sample");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "lab.yaml"), yaml);
        File.WriteAllText(Path.Combine(folder, "topology.yaml"), "hosts: []\n");
        if (instructions)
        {
            File.WriteAllText(Path.Combine(folder, "ru.md"), "# Пример");
            File.WriteAllText(Path.Combine(folder, "en.md"), "# Sample");
        }

        return LabLoader.Load(folder, StepCatalog.Default, out problems);
    }
}
