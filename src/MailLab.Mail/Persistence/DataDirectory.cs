using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// <c>maillab up --data-dir DIR</c>: the world's stores on disk, per host and virtual server in the
/// IIS layout —
/// <code>
/// DIR/&lt;host&gt;/&lt;mailroot&gt;/Drop|Queue|Badmail|Pickup/…          (one per virtual server's home directory)
/// DIR/&lt;host&gt;/&lt;mailroot&gt;/Mailbox/&lt;domain&gt;/P3_&lt;user&gt;.mbx/&lt;id&gt;.eml (the POP3 store, see MailboxFiles)
/// DIR/&lt;host&gt;/Exchsrvr/logon-times.log                        (an Exchange host's last logon / logoff times, see LogonTimesFile)
/// DIR/&lt;host&gt;/Exchsrvr/Disconnected/&lt;key&gt;/…                    (its disconnected mailboxes, see DisconnectedMailboxFiles)
/// </code>
/// where &lt;mailroot&gt; is the last segment of the home directory (C:\Inetpub\mailroot → mailroot).
/// Opening reads everything back (ids continue after the highest found), then attaches the disk
/// layer to every store, resumes queue work on the world's clock and starts watching Pickup. A
/// virtual server created later (admin API, wizard, <c>maillab smtp vs create</c>) gets the same
/// before it is listed (<see cref="HostHomeDirectories"/>), so whenever it was created it takes
/// no mail that is not on disk.
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
    private readonly List<HostHomeDirectories> _homes = [];

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
        var file = System.IO.Path.Combine(FolderPath(path), name);
        DurableFile.Write(file, [], data);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Loads DIR into the world and attaches the disk layer. Throws IOException or UnauthorizedAccessException when DIR cannot be used.</summary>
    public static DataDirectory Open(MailWorld world, string path)
    {
        var full = FolderPath(path);
        DurableFile.EnsureFolder(full);
        var data = new DataDirectory(full);
        var mailboxes = world.Hosts.Select(h => (Host: h, Files: new MailboxFiles(MailboxRoot(System.IO.Path.Combine(full, StoreFiles.SafeName(h.Name)), h)))).ToArray();
        var homes = world.Hosts.Select(h => (Host: h, Homes: new HostHomeDirectories(h, System.IO.Path.Combine(full, StoreFiles.SafeName(h.Name)), data.Report), Servers: h.Smtp.VirtualServers)).ToArray();

        long highest = 0;
        foreach (var (host, files) in mailboxes)
        {
            highest = Math.Max(highest, files.Load(host, data.Report));
        }

        foreach (var (_, hostHomes, servers) in homes)
        {
            data._homes.Add(hostHomes);
            highest = Math.Max(highest, hostHomes.Load(servers));
        }

        foreach (var (host, files) in mailboxes.Where(m => m.Host.Exchange is not null))
        {
            var disconnected = new DisconnectedMailboxFiles(DisconnectedMailboxFiles.RootFor(System.IO.Path.Combine(full, StoreFiles.SafeName(host.Name))), files);
            highest = Math.Max(highest, disconnected.Load(host, data.Report));
            host.Exchange!.DisconnectedPersistence = disconnected;
        }

        world.ContinueSequenceAfter(highest);
        foreach (var host in world.Hosts.Where(h => h.Exchange is not null))
        {
            LogonTimesFile.Attach(host.Exchange!, LogonTimesFile.PathFor(System.IO.Path.Combine(full, StoreFiles.SafeName(host.Name))), data.Report);
        }

        foreach (var (host, files) in mailboxes)
        {
            host.Mailboxes.Persistence = files;
        }

        foreach (var (host, hostHomes, servers) in homes)
        {
            foreach (var server in servers)
            {
                hostHomes.Attach(server);
            }

            // Virtual servers created from now on get theirs before they are listed.
            host.Smtp.Persistence = hostHomes;
        }

        foreach (var (_, hostHomes, servers) in homes)
        {
            foreach (var server in servers)
            {
                data.Report.Pickup += hostHomes.Start(server);
            }
        }

        return data;
    }

    /// <summary>The full path of DIR; IOException when it is a file.</summary>
    private static string FolderPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return File.Exists(full) ? throw new IOException($"{full} is a file, not a directory.") : full;
    }

    /// <summary>Stops watching Pickup. The stores keep writing to disk until the world is dropped.</summary>
    public void Dispose()
    {
        foreach (var homes in _homes)
        {
            homes.Dispose();
        }
    }

    /// <summary>
    /// The POP3 store: a new one in the first virtual server's mailroot, as on a default Windows 2003
    /// install; one already on disk stays where it is, so deleting that virtual server (or a topology
    /// that lists another first) does not leave the mailboxes' mail behind unread.
    /// </summary>
    private static string MailboxRoot(string hostRoot, MailHost host)
    {
        if (Directory.Exists(hostRoot))
        {
            foreach (var mailroot in Directory.EnumerateDirectories(hostRoot).Order(StringComparer.Ordinal))
            {
                var store = System.IO.Path.Combine(mailroot, "Mailbox");
                if (Directory.Exists(store))
                {
                    return store;
                }
            }
        }

        var name = host.Smtp.VirtualServers.FirstOrDefault() is { } first ? StoreFiles.LastSegment(first.HomeDirectory.Path) : "mailroot";
        return System.IO.Path.Combine(hostRoot, name, "Mailbox");
    }
}
