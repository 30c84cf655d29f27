using System.Globalization;
using System.Text;
using MailLab.Mail.Exchange;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// An Exchange host's disconnected mailboxes with <c>--data-dir</c>: each in its own folder
/// <c>DIR/&lt;host&gt;/Exchsrvr/Disconnected/&lt;key&gt;/</c>, which holds <c>mailbox.txt</c> (one line:
/// address TAB store TAB the deletion's ISO-8601 time) and <c>Mailbox/&lt;domain&gt;/P3_&lt;user&gt;.mbx/</c>,
/// the mailbox's folder moved there whole from the live store (the same layout, <see cref="MailboxFiles"/>),
/// so its folders, flags and UIDs come back as they were.
/// <para>Order of writes, so a kill -9 at any point leaves a consistent state: Delete Mailbox writes
/// mailbox.txt, then moves the mailbox's folder in (a rename, as both are under DIR/&lt;host&gt;); Reconnect
/// and Purge delete mailbox.txt, then the folder. At start a folder with both is a disconnected mailbox;
/// one without mailbox.txt, or without the mailbox's folder, is a change cut short and is removed (the
/// mailbox is still live, or already reconnected or purged).</para>
/// </summary>
internal sealed class DisconnectedMailboxFiles(string root, MailboxFiles live) : IDisconnectedMailboxPersistence
{
    private const string Folder = "Disconnected";
    private const string MetaFile = "mailbox.txt";
    private const string MailboxRoot = "Mailbox";

    public static string RootFor(string hostRoot) => Path.Combine(hostRoot, LogonTimesFile.Folder, Folder);

    public string Disconnected(DeletedMailbox mailbox)
    {
        var key = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(root, key);
        DurableFile.EnsureFolder(folder);
        DurableFile.Write(Path.Combine(folder, MetaFile), [], Encoding.UTF8.GetBytes(
            $"{mailbox.Address}\t{mailbox.Store.Name}\t{mailbox.Deleted.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\n"));
        var source = live.MailboxFolder(mailbox.Address);
        var target = Files(folder).MailboxFolder(mailbox.Address);
        DurableFile.EnsureFolder(source);
        DurableFile.EnsureFolder(Path.GetDirectoryName(target)!);
        DurableFile.MoveFolder(source, target);
        return key;
    }

    public void Removed(DeletedMailbox mailbox)
    {
        var folder = Path.Combine(root, mailbox.DiskKey!);
        DurableFile.Delete(Path.Combine(folder, MetaFile));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads every disconnected mailbox back onto its store of <paramref name="host"/>'s Exchange server; returns the highest message id seen.</summary>
    public long Load(MailHost host, DataDirectoryReport report)
    {
        long highest = 0;
        if (!Directory.Exists(root) || host.Exchange is not { } exchange)
        {
            return highest;
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var meta = Read(Path.Combine(folder, MetaFile));
            var files = Files(folder);
            if (meta is not var (address, storeName, deleted) || !Directory.Exists(files.MailboxFolder(address)))
            {
                Directory.Delete(folder, recursive: true); // a Delete Mailbox, Reconnect or Purge a crash cut short
                continue;
            }

            if (exchange.FindStore(storeName) is not { } store)
            {
                report.Problem($"{folder}: the disconnected mailbox {address} is on \"{storeName}\", which {host.Name} no longer has; left on disk");
                continue;
            }

            var contents = new MailboxStore { Clock = host.World.Clock };
            highest = Math.Max(highest, files.Load(host, contents, report));
            exchange.RestoreDeleted(new DeletedMailbox(address, store, deleted, contents.Find(address) ?? new Mailbox(address, host.World.Clock)) { DiskKey = Path.GetFileName(folder) });
        }

        return highest;
    }

    private static MailboxFiles Files(string folder) => new(Path.Combine(folder, MailboxRoot));

    /// <summary>The one line of mailbox.txt; null when it is missing or does not parse (a write cut short never renamed in).</summary>
    private static (string Address, string Store, DateTimeOffset Deleted)? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = File.ReadAllText(path, Encoding.UTF8).TrimEnd('\n').Split('\t');
        return fields.Length == 3 && fields[0].Contains('@') && fields[1].Length > 0
            && DateTimeOffset.TryParse(fields[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var deleted)
            ? (fields[0].ToLowerInvariant(), fields[1], deleted)
            : null;
    }
}
