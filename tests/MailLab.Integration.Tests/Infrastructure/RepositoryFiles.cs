namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (the shipped topologies).</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds MailLab.sln, above the test's output folder.</summary>
    public static string Root { get; } = Find();

    /// <summary>A shipped topology, by its file name in scenarios/topologies.</summary>
    public static string Topology(string fileName) => Path.Combine(Root, "scenarios", "topologies", fileName);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MailLab.sln not found above {AppContext.BaseDirectory}.");
    }
}
