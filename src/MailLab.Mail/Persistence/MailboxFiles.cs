using System.Runtime.CompilerServices;
using System.Text;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// A host's mailbox store on disk, laid out as the Windows Server 2003 POP3 service keeps it
/// (docs/REFERENCE.md, "Store"): <c>&lt;mailroot&gt;/Mailbox/&lt;domain&gt;/P3_&lt;user&gt;.mbx/&lt;id&gt;.eml</c>
/// holds INBOX, so the POP3 layout stays as it was. The other IMAP folders are sub-folders named
/// "." and the escaped folder name (<c>P3_user.mbx/.Sent/</c>, <c>.Work%2FProjects/</c>), each with
/// its messages and its <see cref="FolderStateFile"/>; INBOX's state file lives in <c>.INBOX/</c>
/// (no other folder can be called INBOX), with <c>imap.subscriptions</c>, the names subscribed
/// without a folder (RFC 3501 §6.3.9). The mailroot is the home directory of the host's first
/// virtual server (where IIS and the POP3 service share it by default, C:\Inetpub\mailroot); a
/// later <c>winpop set mailroot</c> does not move files. A file's name is the accepted message's
/// id (a second copy in one folder adds <c>_uid</c>), and each recipient has its own folder, so
/// delivering the same message again finds it already there instead of adding a copy. Users and
/// domains map to folders one-to-one (<see cref="StoreFiles.EscapeName"/>), so no two mailboxes
/// share a folder.
/// <para>Order of writes, so a kill -9 at any point leaves a loadable store: an append writes the
/// message file, then its journal line; an expunge writes its journal line, then deletes the file. A
/// file without a journal line is adopted at the next load (UIDs after UIDNEXT, in id order, the
/// way messages from before IMAP get theirs); a file whose entry was expunged is deleted then.</para>
/// </summary>
internal sealed class MailboxFiles(string root) : IMailboxPersistence
{
    private const string InboxStateFolder = ".INBOX";
    private const string DeletedPrefix = "%deleted-";
    private const string SubscriptionsFile = "imap.subscriptions";

    private readonly ConditionalWeakTable<MailboxFolder, FolderDisk> _disks = [];

    public string Root { get; } = root;

    public void Appended(Mailbox mailbox, MailboxFolder folder, FolderMessage entry)
    {
        var disk = Disk(folder);
        EnsureJournal(folder, disk);
        var file = $"{entry.Message.Id}.eml";
        if (disk.InUse.Contains(file))
        {
            file = $"{entry.Message.Id}_{entry.Uid}.eml";
        }

        DurableFile.Write(Path.Combine(disk.MessagesFolder, file), MailFileFormat.Envelope(entry.Message, [mailbox.Address], entry.Message.Received), entry.Message.Data);
        DurableFile.Append(disk.Journal, Encoding.UTF8.GetBytes(FolderStateFile.Appended(entry, file)));
        disk.Add(entry.Uid, file);
    }

    public void FlagsChanged(Mailbox mailbox, MailboxFolder folder, IReadOnlyList<FolderMessage> entries)
    {
        var disk = Disk(folder);
        EnsureJournal(folder, disk);
        DurableFile.Append(disk.Journal, Encoding.UTF8.GetBytes(string.Concat(entries.Select(FolderStateFile.FlagsChanged))));
    }

    public void Expunged(Mailbox mailbox, MailboxFolder folder, IReadOnlyList<FolderMessage> entries, ulong modSeq)
    {
        var disk = Disk(folder);
        EnsureJournal(folder, disk);
        DurableFile.Append(disk.Journal, Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => FolderStateFile.Expunged(modSeq, e.Uid)))));
        foreach (var entry in entries)
        {
            if (disk.Remove(entry.Uid) is { } file)
            {
                DurableFile.Delete(Path.Combine(disk.MessagesFolder, file));
            }
        }
    }

    public void FolderCreated(Mailbox mailbox, MailboxFolder folder)
    {
        var disk = Disk(folder);
        WriteSnapshot(folder, disk);
    }

    public void FolderChanged(Mailbox mailbox, MailboxFolder folder)
    {
        var disk = Disk(folder);
        EnsureJournal(folder, disk);
        var text = new StringBuilder();
        FolderStateFile.Header(text, folder);
        DurableFile.Append(disk.Journal, Encoding.UTF8.GetBytes(text.ToString()));
    }

    public void RecentClaimed(Mailbox mailbox, MailboxFolder folder)
    {
        var disk = Disk(folder);
        EnsureJournal(folder, disk);
        DurableFile.Append(disk.Journal, Encoding.UTF8.GetBytes(FolderStateFile.Recent(folder)));
    }

    public void SubscriptionsChanged(Mailbox mailbox, IReadOnlyList<string> names)
    {
        var folder = Path.Combine(MailboxFolder(mailbox.Address), InboxStateFolder);
        DurableFile.EnsureFolder(folder);
        DurableFile.Write(Path.Combine(folder, SubscriptionsFile), Encoding.UTF8.GetBytes(string.Concat(names.Select(n => Uri.EscapeDataString(n) + "\n"))), []);
    }

    public void FolderRenamed(Mailbox mailbox, MailboxFolder folder, string oldName)
    {
        var disk = Disk(folder);
        var target = FolderPath(mailbox.Address, folder.Name);
        if (Directory.Exists(disk.MessagesFolder))
        {
            DurableFile.MoveFolder(disk.MessagesFolder, target);
        }

        disk.MoveTo(target);
    }

    public void FolderDeleted(Mailbox mailbox, MailboxFolder folder)
    {
        var disk = Disk(folder);
        if (Directory.Exists(disk.MessagesFolder))
        {
            // Renamed away first, so a crash mid-delete leaves no half folder: the loader removes the rest.
            var gone = Path.Combine(MailboxFolder(mailbox.Address), DeletedPrefix + Guid.NewGuid().ToString("N"));
            DurableFile.MoveFolder(disk.MessagesFolder, gone);
            Directory.Delete(gone, recursive: true);
        }

        _disks.Remove(folder);
    }

    public void MailboxDeleted(Mailbox mailbox)
    {
        var folder = MailboxFolder(mailbox.Address);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads every P3_user.mbx folder and its IMAP folders back into the host's store; returns the highest message id seen.</summary>
    public long Load(MailHost host, DataDirectoryReport report) => Load(host, host.Mailboxes, report);

    /// <summary>Reads every P3_user.mbx folder and its IMAP folders back into <paramref name="into"/>; returns the highest message id seen.</summary>
    public long Load(MailHost host, MailboxStore into, DataDirectoryReport report)
    {
        long highest = 0;
        if (!Directory.Exists(Root))
        {
            return highest;
        }

        foreach (var domainFolder in Directory.EnumerateDirectories(Root))
        {
            var domain = StoreFiles.UnescapeName(Path.GetFileName(domainFolder));
            foreach (var mailboxFolder in Directory.EnumerateDirectories(domainFolder, "P3_*.mbx"))
            {
                var user = StoreFiles.UnescapeName(Path.GetFileName(mailboxFolder)[3..^4]);
                var mailbox = into.Find($"{user}@{domain}") ?? into.Create($"{user}@{domain}");
                highest = Math.Max(highest, LoadFolder(host, mailbox, mailbox.Inbox, mailboxFolder, Path.Combine(mailboxFolder, InboxStateFolder, FolderStateFile.FileName), report));
                foreach (var sub in Directory.GetDirectories(mailboxFolder).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(sub);
                    if (name.StartsWith(DeletedPrefix, StringComparison.Ordinal))
                    {
                        Directory.Delete(sub, recursive: true); // a folder deletion a crash cut short
                        continue;
                    }

                    if (!name.StartsWith('.') || name == InboxStateFolder || name.Length < 2)
                    {
                        continue;
                    }

                    var folderName = StoreFiles.UnescapeName(name[1..]);
                    var state = FolderStateFile.Read(Path.Combine(sub, FolderStateFile.FileName));
                    MailboxFolder folder;
                    lock (mailbox.Gate)
                    {
                        folder = mailbox.RestoreFolderLocked(folderName, state.UidValidity ?? NewValidity(host), state.SpecialUse, state.Subscribed);
                    }

                    highest = Math.Max(highest, LoadFolder(host, mailbox, folder, sub, Path.Combine(sub, FolderStateFile.FileName), report, state));
                }

                LoadSubscriptions(mailbox, Path.Combine(mailboxFolder, InboxStateFolder, SubscriptionsFile));
            }
        }

        return highest;
    }

    /// <summary>The names subscribed without a folder, one per line, escaped; written whole each time, so never cut short.</summary>
    private static void LoadSubscriptions(Mailbox mailbox, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var names = File.ReadAllText(path, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString);
        lock (mailbox.Gate)
        {
            mailbox.RestoreSubscribedNamesLocked(names);
        }
    }

    private long LoadFolder(MailHost host, Mailbox mailbox, MailboxFolder folder, string messagesFolder, string journal, DataDirectoryReport report, FolderStateFile.State? state = null)
    {
        state ??= FolderStateFile.Read(journal);
        var disk = new FolderDisk(messagesFolder, journal);
        _disks.AddOrUpdate(folder, disk);
        var files = StoreFiles.ReadMessages(messagesFolder, "*.eml", host, report).ToList();
        var byName = files.ToDictionary(f => f.Name, f => f.Message, StringComparer.Ordinal);
        long highest = 0;
        var dirty = state.NeedsCompaction || (!File.Exists(journal) && files.Count > 0);
        lock (mailbox.Gate)
        {
            if (folder.IsInbox && state.UidValidity is { } validity)
            {
                mailbox.RestoreFolderLocked(MailLab.Mail.Stores.MailboxFolder.InboxName, validity, SpecialUse.None, state.Subscribed);
            }

            foreach (var (modSeq, uid) in state.Expunged)
            {
                folder.RestoreExpungedLocked(modSeq, uid);
            }

            folder.UidNextLocked = Math.Max(folder.UidNextLocked, state.UidNext);
            folder.FirstUnclaimedRecentLocked = Math.Max(folder.FirstUnclaimedRecentLocked, state.FirstUnclaimedRecent);
            folder.HighestModSeqLocked = Math.Max(folder.HighestModSeqLocked, state.HighestModSeq);
            foreach (var entry in state.Live.Values)
            {
                if (!byName.Remove(entry.File, out var message))
                {
                    report.Problem($"{Path.Combine(messagesFolder, entry.File)}: in the folder's state but not on disk; left out");
                    dirty = true;
                    continue;
                }

                mailbox.RestoreLocked(folder, new FolderMessage(entry.Uid, message, entry.Flags, entry.Keywords, entry.InternalDate, entry.ModSeq));
                disk.Add(entry.Uid, entry.File);
                highest = Math.Max(highest, message.Sequence);
                report.Mailboxes++;
            }

            foreach (var (message, _, name) in files)
            {
                if (!byName.ContainsKey(name))
                {
                    continue; // restored from the state above
                }

                if (state.ExpungedFiles.Contains(name))
                {
                    DurableFile.Delete(Path.Combine(messagesFolder, name)); // expunged; a crash came before the delete
                    continue;
                }

                // A message without state (from before IMAP, or a crash between its file and its journal line): the next UID.
                var uid = folder.UidNextLocked;
                mailbox.RestoreLocked(folder, new FolderMessage(uid, message, MessageFlags.None, [], message.Received, folder.HighestModSeqLocked + 1));
                disk.Add(uid, name);
                highest = Math.Max(highest, message.Sequence);
                report.Mailboxes++;
                dirty = true;
            }

            if (dirty)
            {
                WriteSnapshot(folder, disk);
            }
        }

        return highest;
    }

    private void EnsureJournal(MailboxFolder folder, FolderDisk disk)
    {
        if (!disk.JournalExists)
        {
            WriteSnapshot(folder, disk);
        }
    }

    private static void WriteSnapshot(MailboxFolder folder, FolderDisk disk)
    {
        DurableFile.EnsureFolder(disk.MessagesFolder);
        DurableFile.Write(disk.Journal, FolderStateFile.Snapshot(folder, folder.EntriesLocked, disk.Files, folder.HighestModSeqLocked, folder.UidNextLocked), []);
        disk.JournalExists = true;
    }

    private static uint NewValidity(MailHost host) => (uint)Math.Clamp(host.World.Clock.GetUtcNow().ToUnixTimeSeconds(), 1, uint.MaxValue);

    private FolderDisk Disk(MailboxFolder folder) => _disks.GetValue(folder, f =>
    {
        var messages = f.IsInbox ? MailboxFolder(f.Owner.Address) : FolderPath(f.Owner.Address, f.Name);
        var journal = f.IsInbox ? Path.Combine(messages, InboxStateFolder, FolderStateFile.FileName) : Path.Combine(messages, FolderStateFile.FileName);
        return new FolderDisk(messages, journal) { JournalExists = File.Exists(journal) };
    });

    private string FolderPath(string address, string folderName) => Path.Combine(MailboxFolder(address), "." + StoreFiles.EscapeName(folderName));

    /// <summary>The P3_user.mbx folder of <paramref name="address"/> (INBOX's messages; the other folders inside it).</summary>
    public string MailboxFolder(string address)
    {
        var at = address.LastIndexOf('@');
        var user = at < 0 ? address : address[..at];
        var domain = at < 0 ? "localhost" : address[(at + 1)..];
        return Path.Combine(Root, StoreFiles.EscapeName(domain), $"P3_{StoreFiles.EscapeName(user)}.mbx");
    }

    /// <summary>Where one folder's files are, and which file each UID's message is in.</summary>
    private sealed class FolderDisk(string messagesFolder, string journal)
    {
        private readonly Dictionary<uint, string> _files = [];

        public string MessagesFolder { get; private set; } = messagesFolder;

        public string Journal { get; private set; } = journal;

        public bool JournalExists { get; set; }

        public IReadOnlyDictionary<uint, string> Files => _files;

        public HashSet<string> InUse { get; } = new(StringComparer.Ordinal);

        public void Add(uint uid, string file)
        {
            _files[uid] = file;
            InUse.Add(file);
        }

        public string? Remove(uint uid)
        {
            if (!_files.Remove(uid, out var file))
            {
                return null;
            }

            InUse.Remove(file);
            return file;
        }

        public void MoveTo(string folder)
        {
            MessagesFolder = folder;
            Journal = Path.Combine(folder, FolderStateFile.FileName);
        }
    }
}
