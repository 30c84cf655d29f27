using System.Text;
using MailLab.Mail.Queue;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Persistence;

/// <summary>
/// A virtual server's home directory on disk, as IIS lays it out: <c>&lt;mailroot&gt;/Drop</c>,
/// <c>Queue</c>, <c>Badmail</c> and <c>Pickup</c>. Drop and Queue hold &lt;id&gt;.eml files
/// (<see cref="MailFileFormat"/>); a Queue file's progress is in its sidecar
/// (<see cref="QueueStateFile"/>); Badmail holds the message as <c>.BAD</c> and the reason as plain
/// text in <c>.BDR</c>, as IIS does (docs/REFERENCE.md, "Home directory (mailroot)"; IIS's binary .BDP is not written).
/// </summary>
internal sealed class HomeDirectoryFiles(SmtpVirtualServer server, string root) : IHomeDirectoryPersistence
{
    private readonly RelayedHops _relayed = new(Path.Combine(root, RelayedHops.FileName));

    public string Root { get; } = root;

    public string PickupFolder => Path.Combine(Root, server.HomeDirectory.Pickup.Name);

    public void FileAdded(MailFolder folder, MailFile file)
    {
        var path = PathOf(folder, file);
        if (file.Reason is { } reason)
        {
            DurableFile.Write(path, [], Encoding.UTF8.GetBytes(reason));
            return;
        }

        DurableFile.Write(path, MailFileFormat.Envelope(file.Message, file.Message.Recipients, file.Created), file.Message.Data);
    }

    public void FileRemoved(MailFolder folder, MailFile file)
    {
        var path = PathOf(folder, file);
        var queue = folder == server.HomeDirectory.Queue;
        if (queue && file.Message.PreviousHop is { } hop)
        {
            // Recorded before the files go: the message is always in the queue or in the record.
            _relayed.Record(hop, file.Message.Recipients);
        }

        DurableFile.Delete(path);
        if (queue)
        {
            DurableFile.Delete(QueueStateFile.PathFor(path));
        }
    }

    public bool WasRelayed(string previousHop, string recipient) => _relayed.Contains(previousHop, recipient);

    public void QueueEntryChanged(QueueEntry entry)
    {
        var path = Path.Combine(Root, server.HomeDirectory.Queue.Name, entry.Message.Id + ".eml");
        DurableFile.Write(QueueStateFile.PathFor(path), [], QueueStateFile.Serialize(entry.Snapshot()));
    }

    /// <summary>Reads Drop, Badmail and Queue back into memory; returns the highest message id seen.</summary>
    public long Load(DataDirectoryReport report)
    {
        var home = server.HomeDirectory;
        var host = server.Host;
        _relayed.Load();
        long highest = 0;
        foreach (var (message, filed, name) in StoreFiles.ReadMessages(Folder(home.Drop), "*.eml", host, report))
        {
            home.Drop.Add(new MailFile(name, filed, message));
            highest = Math.Max(highest, message.Sequence);
            report.Drop++;
        }

        foreach (var (message, filed, name) in StoreFiles.ReadMessages(Folder(home.BadMail), "*.BAD", host, report))
        {
            home.BadMail.Add(new MailFile(name, filed, message));
            var reasonPath = Path.Combine(Folder(home.BadMail), Path.ChangeExtension(name, ".BDR"));
            if (File.Exists(reasonPath))
            {
                home.BadMail.Add(new MailFile(Path.GetFileName(reasonPath), filed, message, File.ReadAllText(reasonPath)));
            }

            highest = Math.Max(highest, message.Sequence);
            report.BadMail++;
        }

        var queue = Folder(home.Queue);
        foreach (var (message, filed, _) in StoreFiles.ReadMessages(queue, "*.eml", host, report))
        {
            // No sidecar: accepted but never tried (the crash came first) — every recipient pending.
            var state = QueueStateFile.Read(QueueStateFile.PathFor(Path.Combine(queue, message.Id + ".eml")))
                ?? new QueueEntryState(filed, 0, filed, false, message.Recipients, new Dictionary<string, Protocol.Smtp.SmtpReply>());
            server.Queue.Restore(message, state, filed);
            highest = Math.Max(highest, message.Sequence);
            report.Queue++;
        }

        return highest;
    }

    private string Folder(MailFolder folder) => Path.Combine(Root, folder.Name);

    private string PathOf(MailFolder folder, MailFile file) => Path.Combine(Folder(folder), StoreFiles.SafeName(file.Name));
}
