namespace MailLab.Scenarios.Driver;

/// <summary>
/// Finds the file a topology step names. A relative path is tried from the working directory, the
/// feature file's folder and each folder above them (so "scenarios/topologies/x.yaml" works from
/// the repository, from a test's bin folder and from a feature's own folder); a bare file name is
/// also looked for in scenarios/topologies/.
/// </summary>
public static class TopologyFiles
{
    public static string Resolve(string path, string? featureDirectory)
    {
        var tried = new List<string>();
        foreach (var candidate in Candidates(path.Trim(), featureDirectory))
        {
            var full = Path.GetFullPath(candidate);
            if (File.Exists(full))
            {
                return full;
            }

            if (!tried.Contains(full))
            {
                tried.Add(full);
            }
        }

        throw new ScenarioSetupException(
            $"The topology file \"{path}\" was not found. Looked in:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", tried.Take(8))}");
    }

    private static IEnumerable<string> Candidates(string path, string? featureDirectory)
    {
        if (Path.IsPathRooted(path))
        {
            yield return path;
            yield break;
        }

        var names = new List<string> { path };
        if (!path.Contains('/') && !path.Contains('\\'))
        {
            names.Add(Path.Combine("scenarios", "topologies", path));
        }

        var starts = new[] { Directory.GetCurrentDirectory(), featureDirectory, AppContext.BaseDirectory }
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.GetFullPath(d!));
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var name in names)
                {
                    yield return Path.Combine(dir.FullName, name);
                }
            }
        }
    }
}
