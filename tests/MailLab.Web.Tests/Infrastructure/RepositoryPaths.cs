namespace MailLab.Web.Tests.Infrastructure;

/// <summary>Finds the repository (the folder with MailLab.sln) from the test's bin folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MailLab.sln not found above " + AppContext.BaseDirectory);
    }
}
