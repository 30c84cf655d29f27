using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>Reading MailLab's .eml files back, and file-system-safe names for hosts, domains and users.</summary>
internal static class StoreFiles
{
    /// <summary>Reads the message files of a folder in id order, removing writes a crash cut short.</summary>
    public static IEnumerable<(StoredMessage Message, DateTimeOffset Filed, string Name)> ReadMessages(string folder, string pattern, MailHost host, DataDirectoryReport report)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        foreach (var temp in Directory.GetFiles(folder, "." + "*" + DurableFile.TempSuffix))
        {
            File.Delete(temp); // a write a crash cut short: never renamed into place, never part of the store
        }

        var read = new List<(StoredMessage Message, DateTimeOffset Filed, string Name)>();
        foreach (var path in Directory.EnumerateFiles(folder, pattern))
        {
            var name = Path.GetFileName(path);

            try
            {
                var info = new FileInfo(path);
                var (message, filed) = MailFileFormat.Read(File.ReadAllBytes(path), host.Name, Path.GetFileNameWithoutExtension(name), info.LastWriteTimeUtc);
                read.Add((message, filed, name));
            }
            catch (IOException e)
            {
                report.Problem($"{path}: {e.Message}");
            }
        }

        return read.OrderBy(m => m.Message.Sequence).ThenBy(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>A name usable as one path segment on every platform (host, domain, user, mailroot).</summary>
    public static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c is '\\' or '/' or ':' ? '_' : c).ToArray();
        var safe = new string(chars).Trim();
        return safe.Length == 0 || safe is "." or ".." ? "_" : safe;
    }

    /// <summary>The last segment of a Windows or Unix path: C:\Inetpub\mailroot → mailroot.</summary>
    public static string LastSegment(string path)
    {
        var segments = path.Split('\\', '/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? "mailroot" : SafeName(segments[^1]);
    }
}
