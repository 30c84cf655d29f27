using System.Reflection;
using System.Text.Json;

namespace MailLab.Integration.Tests;

/// <summary>
/// The shipped `maillab` tool (and the web host it carries) runs scenarios without SpecFlow: SpecFlow
/// is a test-time dependency of tests/MailLab.Specs only. Read from the tool's own dependency file
/// (the graph NuGet resolved for it) and from its build output.
/// </summary>
public sealed class ShippedDependenciesTests
{
    private static readonly string[] TestOnly = ["SpecFlow", "TechTalk.", "BoDi"];

    [Theory]
    [InlineData("maillab")]
    [InlineData("MailLab.Web")]
    [InlineData("MailLab.Scenarios")]
    [InlineData("MailLab.Admin")]
    public void TheToolsDependencyGraph_HasNoSpecFlow(string project)
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "maillab.deps.json")));
        var libraries = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var reached = Reachable(libraries, project);

        reached.Should().Contain(name => name.StartsWith(project + "/", StringComparison.Ordinal), "the walk starts at the project");
        reached.Where(IsTestOnly).Should().BeEmpty($"{project} ships in the tool; SpecFlow belongs to tests/MailLab.Specs");
        libraries.EnumerateObject()
            .SelectMany(l => l.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(r => Path.GetFileName(r.Name)) : [])
            .Where(IsTestOnly)
            .Should().BeEmpty("no SpecFlow assembly is deployed with the tool");
    }

    [Fact]
    public void TheCliBuildOutput_HoldsNoSpecFlowAssembly()
    {
        var configuration = typeof(ShippedDependenciesTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var output = Path.Combine(Infrastructure.RepositoryFiles.Root, "src", "MailLab.Cli", "bin", configuration, "net10.0");
        File.Exists(Path.Combine(output, "maillab.dll")).Should().BeTrue($"the test project builds the CLI into {output}");

        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Where(f => IsTestOnly(f!))
            .Should().BeEmpty();
    }

    private static bool IsTestOnly(string name) => TestOnly.Any(t => name.StartsWith(t, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every library reachable from <paramref name="project"/>'s entry, as "name/version".</summary>
    private static HashSet<string> Reachable(JsonElement libraries, string project)
    {
        var byName = libraries.EnumerateObject().ToDictionary(l => l.Name.Split('/')[0], l => l, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var name))
        {
            if (!byName.TryGetValue(name, out var library) || !seen.Add(library.Name))
            {
                continue;
            }

            if (library.Value.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    pending.Push(dependency.Name);
                }
            }
        }

        return seen;
    }
}
