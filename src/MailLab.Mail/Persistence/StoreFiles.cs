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

    /// <summary>
    /// A mailbox's user or domain as one path segment, one-to-one (unlike <see cref="SafeName"/>, where
    /// a/b and a_b both became a_b, so after a restart one user read the other's mail): a character that
    /// Windows or Unix refuses in a file name, a control character, '%' itself, a trailing dot or space
    /// (Windows drops them) and a name made only of dots ("." and ".." are folders already) are written
    /// as %XX, the UTF-8 bytes in hex. Other names, such as every name winpop accepts, stay as they are,
    /// so the layout is still the POP3 service's P3_&lt;user&gt;.mbx. <see cref="UnescapeName"/> reverses it.
    /// </summary>
    public static string EscapeName(string name)
    {
        var onlyDots = name.Length > 0 && name.All(c => c == '.');
        var text = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var trailing = name.AsSpan(i).TrimEnd(". ").IsEmpty;
            if (onlyDots || trailing || char.IsControl(c) || c is '%' or '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                var length = char.IsSurrogatePair(name, i) ? 2 : 1;
                foreach (var b in System.Text.Encoding.UTF8.GetBytes(name, i, length))
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"%{b:X2}");
                }

                i += length - 1;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Length == 0 ? "%" : text.ToString();
    }

    /// <summary>The name <see cref="EscapeName"/> wrote as <paramref name="segment"/>.</summary>
    public static string UnescapeName(string segment) => segment == "%" ? string.Empty : Uri.UnescapeDataString(segment);

    /// <summary>The last segment of a Windows or Unix path: C:\Inetpub\mailroot → mailroot.</summary>
    public static string LastSegment(string path)
    {
        var segments = path.Split('\\', '/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? "mailroot" : SafeName(segments[^1]);
    }
}
