using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The home directories of one host's virtual servers under <c>DIR/&lt;host&gt;/</c>: which folder
/// each one has (the home directory's last segment; a second one with the same name on the host
/// gets -2, -3… in the order the servers are listed, which is the order topology.yaml keeps), and
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

    /// <summary>Gives a virtual server its folder and reads it back (not attached yet); returns the highest message id seen.</summary>
    public long Load(SmtpVirtualServer server)
    {
        var name = StoreFiles.LastSegment(server.HomeDirectory.Path);
        HomeDirectoryFiles files;
        lock (_gate)
        {
            var unique = name;
            for (var n = 2; !_used.Add(unique); n++)
            {
                unique = $"{name}-{n}";
            }

            files = new HomeDirectoryFiles(server, Path.Combine(hostRoot, unique));
            _files[server] = files;
        }

        return files.Load(report);
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

    private HomeDirectoryFiles FilesOf(SmtpVirtualServer server)
    {
        lock (_gate)
        {
            return _files[server];
        }
    }
}
