namespace MailLab.Scenarios.Driver;

/// <summary>
/// The folders a scenario run on someone else's behalf (<c>POST /api/scenarios/run</c>) may read
/// topology files from: the scenario folders MailLab ships (next to its binaries, and the checkout
/// it was built from) and the running world's own data directory. A topology step naming anything
/// else, after links are followed (<see cref="RealPath"/>), is refused without opening the file, so
/// no other file's content, parse error or existence reaches the caller.
/// </summary>
public sealed class TopologyFolders
{
    private TopologyFolders(IReadOnlyList<string> folders)
    {
        Folders = folders;
    }

    /// <summary>The allowed folders, as real full paths, in the order relative paths are tried.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The shipped scenario folders, then <paramref name="dataDirectory"/> (maillab up --data-dir) when there is one.</summary>
    public static TopologyFolders ShippedAnd(string? dataDirectory)
    {
        var folders = Shipped().ToList();
        if (!string.IsNullOrEmpty(dataDirectory) && Directory.Exists(dataDirectory))
        {
            folders.Add(RealPath.Of(dataDirectory));
        }

        return new TopologyFolders(folders.Distinct().ToArray());
    }

    /// <summary>
    /// The <c>scenarios</c> folder copied next to the binaries (the build and the packed tool carry
    /// scenarios/topologies), and the nearest one above them: the checkout a build runs from.
    /// </summary>
    public static IReadOnlyList<string> Shipped()
    {
        var folders = new List<string>();
        var beside = Path.Combine(AppContext.BaseDirectory, "scenarios");
        if (Directory.Exists(Path.Combine(beside, "topologies")))
        {
            folders.Add(RealPath.Of(beside));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            var above = Path.Combine(dir.FullName, "scenarios");
            if (Directory.Exists(Path.Combine(above, "topologies")))
            {
                folders.Add(RealPath.Of(above));
                break;
            }
        }

        return folders;
    }

    /// <summary>Whether a real full path lies inside one of the folders.</summary>
    public bool Contains(string realPath) => Folders.Any(f => IsInside(realPath, f));

    /// <summary>The folders as an error message lists them.</summary>
    public string Describe() => Folders.Count == 0
        ? "(none: MailLab found no shipped scenarios folder and the world has no data directory)"
        : string.Join(", ", Folders);

    private static bool IsInside(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
