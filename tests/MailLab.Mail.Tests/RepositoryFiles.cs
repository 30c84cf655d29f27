namespace MailLab.Mail.Tests;

/// <summary>Finds files of the repository (the folder holding MailLab.sln) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string TopologiesFolder => Path.Combine(Root, "scenarios", "topologies");

    public static string Topology(string fileName) => Path.Combine(TopologiesFolder, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MailLab.sln above {AppContext.BaseDirectory}.");
    }
}
