namespace MailLab.Scenarios.Labs;

/// <summary>
/// Where the labs are: the folder <see cref="Variable"/> names, else courseware/labs beside the
/// binaries (the build and the packed tool carry it), else the nearest courseware/labs above them or
/// above the current directory (a checkout run with dotnet run).
/// </summary>
public static class LabFolders
{
    /// <summary>The environment variable that points at another labs folder (a teacher's own labs).</summary>
    public const string Variable = "MAILLAB_LABS";

    /// <summary>The labs folder; <paramref name="given"/> (an option such as --labs) wins over the rest.</summary>
    public static string Find(string? given = null)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            return Path.GetFullPath(named);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "courseware", "labs");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var above = Path.Combine(dir.FullName, "courseware", "labs");
                if (Directory.Exists(above))
                {
                    return above;
                }
            }
        }

        return beside;
    }
}
