namespace MailLab.Scenarios.Driver;

/// <summary>
/// Finds the file a topology step names. Without limits (the CLI and the SpecFlow tests, which
/// run the user's own files) a relative path is tried from the working directory, the feature
/// file's folder and each folder above them (so "scenarios/topologies/mailru-rosnou.yaml" works from the
/// repository, from a test's bin folder and from a feature's own folder); a bare file name is also
/// looked for in scenarios/topologies/. With <see cref="TopologyFolders"/> (the web API) a path is
/// only looked for inside those folders, and one that leads outside them is refused unopened.
/// </summary>
public static class TopologyFiles
{
    /// <summary>The full path of the file to load (links followed when <paramref name="allowed"/> is given). ScenarioSetupException: not found or not allowed.</summary>
    public static string Resolve(string path, string? featureDirectory, TopologyFolders? allowed = null) =>
        allowed is null ? ResolveAnywhere(path.Trim(), featureDirectory) : ResolveInside(path.Trim(), allowed);

    private static string ResolveAnywhere(string path, string? featureDirectory)
    {
        var tried = new List<string>();
        foreach (var candidate in Candidates(path, featureDirectory))
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

    /// <summary>
    /// Relative paths from each allowed folder (and from the folder holding a "scenarios" folder, so
    /// "scenarios/topologies/mailru-rosnou.yaml" reads as in the repository); a path is checked lexically before
    /// anything is looked up and again after its links are followed, so a file outside is never opened.
    /// </summary>
    private static string ResolveInside(string path, TopologyFolders allowed)
    {
        var outside = false;
        foreach (var candidate in RootedCandidates(path, allowed))
        {
            var full = Path.GetFullPath(candidate);
            if (!allowed.Contains(full))
            {
                outside = true;
                continue;
            }

            string real;
            try
            {
                real = RealPath.Of(full);
            }
            catch (IOException)
            {
                outside = true;
                continue;
            }

            if (!allowed.Contains(real))
            {
                outside = true;
                continue;
            }

            if (File.Exists(real))
            {
                return real;
            }
        }

        throw new ScenarioSetupException(outside
            ? $"The topology \"{path}\" is outside the folders a scenario run here may read topologies from: {allowed.Describe()}. Name a file inside one of them (a bare name such as \"three-hosts-mx-failover.yaml\" is looked for in their topologies folders)."
            : $"The topology file \"{path}\" was not found in the folders a scenario run here may read topologies from: {allowed.Describe()}.");
    }

    private static IEnumerable<string> RootedCandidates(string path, TopologyFolders allowed)
    {
        if (Path.IsPathRooted(path))
        {
            yield return path;
            yield break;
        }

        var bare = !path.Contains('/') && !path.Contains('\\');
        foreach (var folder in allowed.Folders)
        {
            yield return Path.Combine(folder, path);
            if (bare)
            {
                yield return Path.Combine(folder, "topologies", path);
            }

            if (Path.GetFileName(folder) == "scenarios" && path.StartsWith("scenarios", StringComparison.Ordinal) && Path.GetDirectoryName(folder) is { } parent)
            {
                yield return Path.Combine(parent, path);
            }
        }
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
