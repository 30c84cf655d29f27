namespace MailLab.Scenarios.Driver;

/// <summary>
/// A path with every symbolic link in it followed (like POSIX realpath(3)), so a containment check
/// sees the file the kernel would open: a "scenarios/topologies/*.yaml" that is a link to /etc/passwd
/// is /etc/passwd here. ".." is resolved lexically first (<see cref="Path.GetFullPath(string)"/>);
/// callers open the path returned here, not the one they were given, so what was checked is what
/// is read.
/// </summary>
public static class RealPath
{
    /// <summary>Links followed in one resolution before giving up (Linux's own limit, MAXSYMLINKS, is 40).</summary>
    private const int MaxLinks = 40;

    /// <summary>The real full path; components that do not exist are kept as they are. IOException: a link loop.</summary>
    public static string Of(string path)
    {
        var links = 0;
        var full = Path.GetFullPath(path);
        while (true)
        {
            var (resolved, followed) = FollowFirstLink(full);
            if (!followed)
            {
                return resolved;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links in {path}.");
            }

            full = resolved;
        }
    }

    /// <summary>The path with its first link replaced by the link's target (and the rest appended), or the path unchanged.</summary>
    private static (string Path, bool Followed) FollowFirstLink(string full)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                // A relative target is relative to the folder holding the link.
                var followed = Path.GetFullPath(target, current);
                return (Path.GetFullPath(Path.Combine([followed, .. parts[(i + 1)..]])), true);
            }

            if (!info.Exists)
            {
                return (full, false);
            }

            current = next;
        }

        return (full, false);
    }
}
