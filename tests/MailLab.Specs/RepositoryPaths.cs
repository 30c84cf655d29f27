namespace MailLab.Specs;

/// <summary>Finds the repository (the folder with MailLab.sln) from the test's bin folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    private static string FindRoot()
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
