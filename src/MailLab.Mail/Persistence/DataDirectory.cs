using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// <c>maillab up --data-dir DIR</c>: the world's stores on disk, per host and virtual server in the
/// IIS layout —
/// <code>
/// DIR/&lt;host&gt;/&lt;mailroot&gt;/Drop|Queue|Badmail|Pickup/…          (one per virtual server's home directory)
/// DIR/&lt;host&gt;/&lt;mailroot&gt;/Mailbox/&lt;domain&gt;/P3_&lt;user&gt;.mbx/&lt;id&gt;.eml (the POP3 store, see MailboxFiles)
/// </code>
/// where &lt;mailroot&gt; is the last segment of the home directory (C:\Inetpub\mailroot → mailroot).
/// Opening reads everything back (ids continue after the highest found), then attaches the disk
/// layer to every store, resumes queue work on the world's clock and starts watching Pickup.
/// <para>Durability: every store change is written (temp file, fsync, rename, fsync of the folder)
/// synchronously, before the in-memory change, so a message is on disk before its 250 reply.
/// Exactly once across a crash: a local delivery happens before the 250 and its file name derives
/// from (message id, recipient), so repeating it rewrites the same file. A queue entry marks
/// recipients done (sidecar rewritten) right after the next hop's 250, so at most the chunk in
/// flight at the crash is relayed again — the duplicate RFC 5321 §6.1 allows — and the last hop
/// recognises it (same previous hop and id, <see cref="Stores.StoredMessage.PreviousHop"/>) and
/// does not store it twice (LocalDelivery). A middle hop (a relay that queues it for the next hop)
/// does the same: an entry from the same previous hop still in its queue, or recorded in its
/// relayed.log as gone on, is not queued twice (Delivery.RelayDeduplication). A DSN is stored before the entry that caused it is updated, and a
/// Pickup file is deleted after its message is stored or queued: a crash in between repeats them,
/// never loses them.</para>
/// </summary>
public sealed class DataDirectory : IDisposable
{
    private readonly List<PickupWatcher> _watchers = [];

    private DataDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public DataDirectoryReport Report { get; } = new();

    /// <summary>
    /// Writes a file of MailLab's own at the top of DIR (the STARTTLS certificate), crash-safe, readable
    /// by its owner only. Throws IOException or UnauthorizedAccessException when DIR cannot be used.
    /// </summary>
    public static void WriteOwnFile(string path, string name, ReadOnlySpan<byte> data)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new IOException($"{full} is a file, not a directory.");
        }

        var file = System.IO.Path.Combine(full, name);
        DurableFile.Write(file, [], data);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Loads DIR into the world and attaches the disk layer. Throws IOException or UnauthorizedAccessException when DIR cannot be used.</summary>
    public static DataDirectory Open(MailWorld world, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new IOException($"{full} is a file, not a directory.");
        }

        DurableFile.EnsureFolder(full);
        var data = new DataDirectory(full);
        var homes = world.Hosts.SelectMany(h => HomeRoots(full, h)).ToArray();
        var mailboxes = world.Hosts.Select(h => (Host: h, Files: new MailboxFiles(System.IO.Path.Combine(full, StoreFiles.SafeName(h.Name), MailRootName(h), "Mailbox")))).ToArray();

        long highest = 0;
        foreach (var (host, files) in mailboxes)
        {
            highest = Math.Max(highest, files.Load(host, data.Report));
        }

        foreach (var (_, files) in homes)
        {
            highest = Math.Max(highest, files.Load(data.Report));
        }

        world.ContinueSequenceAfter(highest);
        foreach (var (host, files) in mailboxes)
        {
            host.Mailboxes.Persistence = files;
        }

        foreach (var (server, files) in homes)
        {
            server.HomeDirectory.Persistence = files;
        }

        // Only once every store is on disk: a queue kicked now may relay to another host of the
        // world at once, whose acceptance must be durable (and deduplicated) like any other.
        foreach (var (server, files) in homes)
        {
            server.Queue.Kick();
            var watcher = new PickupWatcher(server, files.PickupFolder, data.Report);
            data._watchers.Add(watcher);
            data.Report.Pickup += watcher.Scan();
        }

        return data;
    }

    /// <summary>Stops watching Pickup. The stores keep writing to disk until the world is dropped.</summary>
    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    /// <summary>Each virtual server's home directory folder; two with the same name on one host get -2, -3….</summary>
    private static IEnumerable<(SmtpVirtualServer Server, HomeDirectoryFiles Files)> HomeRoots(string root, MailHost host)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var server in host.Smtp.VirtualServers)
        {
            var name = StoreFiles.LastSegment(server.HomeDirectory.Path);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{name}-{n}";
            }

            yield return (server, new HomeDirectoryFiles(server, System.IO.Path.Combine(root, StoreFiles.SafeName(host.Name), unique)));
        }
    }

    /// <summary>The POP3 store lives in the first virtual server's mailroot, as on a default Windows 2003 install.</summary>
    private static string MailRootName(MailHost host) =>
        host.Smtp.VirtualServers.FirstOrDefault() is { } first ? StoreFiles.LastSegment(first.HomeDirectory.Path) : "mailroot";
}
