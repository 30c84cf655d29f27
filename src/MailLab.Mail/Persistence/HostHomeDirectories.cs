using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The home directories of one host's virtual servers under <c>DIR/&lt;host&gt;/</c>: which folder
/// each one has (the home directory's last segment; a second one with the same name on the host
/// gets -2, -3…, and the folder names its owner so it stays that server's across restarts), and
/// its disk layer (<see cref="HomeDirectoryFiles"/>) and Pickup watcher. The servers of the
/// topology are attached when the data directory opens; every one added later is attached before it
/// is listed (<see cref="IVirtualServerPersistence.Adding"/>), so no virtual server ever answers
/// 250 for mail that is only in memory.
/// </summary>
internal sealed class HostHomeDirectories(MailHost host, string hostRoot, DataDirectoryReport report) : IVirtualServerPersistence, IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<SmtpVirtualServer, HomeDirectoryFiles> _files = [];
    private readonly Dictionary<SmtpVirtualServer, PickupWatcher> _watchers = [];
    private bool _disposed;

    /// <summary>The file in a home folder that names the virtual server it belongs to.</summary>
    public const string OwnerFileName = "virtual-server.txt";

    /// <summary>
    /// Gives the virtual servers of the topology their folders and reads them back (not attached
    /// yet); returns the highest message id seen. A folder that names its virtual server
    /// (<see cref="OwnerFileName"/>) is that server's, whatever the order: deleting one virtual server
    /// of two with the same home directory does not give the other's mail to the survivor. The others
    /// get the home directory's last segment, -2, -3… in list order.
    /// </summary>
    public long Load(IReadOnlyList<SmtpVirtualServer> servers)
    {
        var folders = new Dictionary<SmtpVirtualServer, string>();
        lock (_gate)
        {
            foreach (var server in servers)
            {
                if (OwnedFolder(server) is { } owned)
                {
                    folders[server] = owned;
                }
            }

            foreach (var server in servers)
            {
                folders.TryAdd(server, FreeFolder(server));
            }
        }

        return servers.Select(s => Load(s, folders[s])).DefaultIfEmpty(0).Max();
    }

    /// <summary>Gives a virtual server its folder and reads it back (not attached yet); returns the highest message id seen.</summary>
    public long Load(SmtpVirtualServer server)
    {
        string folder;
        lock (_gate)
        {
            folder = OwnedFolder(server) ?? FreeFolder(server);
        }

        return Load(server, folder);
    }

    /// <summary>Attaches the disk layer of a server <see cref="Load"/> has read back: from now on its folders are written before they change.</summary>
    public void Attach(SmtpVirtualServer server) => server.HomeDirectory.Persistence = FilesOf(server);

    /// <summary>Resumes the server's queue on the world's clock and watches its Pickup folder; returns how many Pickup files were waiting.</summary>
    public int Start(SmtpVirtualServer server)
    {
        // Only once every store is on disk: a queue kicked now may relay to another host of the
        // world at once, whose acceptance must be durable (and deduplicated) like any other.
        server.Queue.Kick();
        var watcher = new PickupWatcher(server, FilesOf(server).PickupFolder, report);
        lock (_gate)
        {
            if (_disposed)
            {
                watcher.Dispose();
                return 0;
            }

            _watchers[server] = watcher;
        }

        return watcher.Scan();
    }

    void IVirtualServerPersistence.Adding(SmtpVirtualServer server)
    {
        // Ids go on after the highest on disk, so mail accepted later never reuses a file's name.
        host.World.ContinueSequenceAfter(Load(server));
        Attach(server);
    }

    void IVirtualServerPersistence.Added(SmtpVirtualServer server) => report.Pickup += Start(server);

    void IVirtualServerPersistence.Removed(SmtpVirtualServer server)
    {
        PickupWatcher? watcher;
        lock (_gate)
        {
            _watchers.Remove(server, out watcher);
            _files.Remove(server); // its folder's name stays taken: another server must not read its files as its own
        }

        watcher?.Dispose();
    }

    /// <summary>Stops watching Pickup. The stores keep writing to disk until the world is dropped.</summary>
    public void Dispose()
    {
        PickupWatcher[] watchers;
        lock (_gate)
        {
            _disposed = true;
            watchers = [.. _watchers.Values];
            _watchers.Clear();
        }

        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }
    }

    private long Load(SmtpVirtualServer server, string folder)
    {
        var root = Path.Combine(hostRoot, folder);
        var owner = Path.Combine(root, OwnerFileName);
        if (!File.Exists(owner) || File.ReadAllText(owner) != server.Name)
        {
            DurableFile.Write(owner, [], System.Text.Encoding.UTF8.GetBytes(server.Name));
        }

        var files = new HomeDirectoryFiles(server, root);
        lock (_gate)
        {
            _files[server] = files;
        }

        return files.Load(report);
    }

    /// <summary>A folder not taken yet whose owner file names this virtual server (case as IIS compares names: ignored).</summary>
    private string? OwnedFolder(SmtpVirtualServer server)
    {
        if (!Directory.Exists(hostRoot))
        {
            return null;
        }

        foreach (var folder in Directory.EnumerateDirectories(hostRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var owner = Path.Combine(hostRoot, folder!, OwnerFileName);
            if (!_used.Contains(folder!) && File.Exists(owner) && string.Equals(File.ReadAllText(owner), server.Name, StringComparison.OrdinalIgnoreCase))
            {
                _used.Add(folder!);
                return folder;
            }
        }

        return null;
    }

    /// <summary>The home directory's last segment, or with -2, -3… when another virtual server of the host has it.</summary>
    private string FreeFolder(SmtpVirtualServer server)
    {
        var name = StoreFiles.LastSegment(server.HomeDirectory.Path);
        var unique = name;
        for (var n = 2; !_used.Add(unique); n++)
        {
            unique = $"{name}-{n}";
        }

        return unique;
    }

    private HomeDirectoryFiles FilesOf(SmtpVirtualServer server)
    {
        lock (_gate)
        {
            return _files[server];
        }
    }
}
