namespace MailLab.Mail.Stores;

/// <summary>Folder management (RFC 9051 §6.3.4-6.3.8): create, delete, rename, subscribe; and the default special-use set.</summary>
public sealed partial class Mailbox
{
    /// <summary>The folders every mailbox gets at its first IMAP logon, with their RFC 6154 attributes.</summary>
    public static readonly IReadOnlyList<(string Name, SpecialUse Use)> DefaultFolders =
    [
        ("Sent", SpecialUse.Sent),
        ("Drafts", SpecialUse.Drafts),
        ("Trash", SpecialUse.Trash),
        ("Junk", SpecialUse.Junk),
        ("Archive", SpecialUse.Archive),
    ];

    /// <summary>Every folder, INBOX first, the others by name.</summary>
    public IReadOnlyList<MailboxFolder> Folders
    {
        get
        {
            lock (Gate)
            {
                return [Inbox, .. _folders.Where(f => !f.IsInbox).OrderBy(f => f.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The folder with this name (INBOX in any case, RFC 9051 §5.1), or null.</summary>
    public MailboxFolder? FindFolder(string name)
    {
        lock (Gate)
        {
            return FindLocked(name);
        }
    }

    /// <summary>The folder with this special use, or null.</summary>
    public MailboxFolder? FindFolder(SpecialUse use)
    {
        lock (Gate)
        {
            return _folders.Find(f => f.SpecialUse == use && use != SpecialUse.None);
        }
    }

    /// <summary>Whether a folder has subfolders (\HasChildren, RFC 3348).</summary>
    public bool HasChildren(MailboxFolder folder)
    {
        lock (Gate)
        {
            var prefix = folder.Name + MailboxFolder.Delimiter;
            return _folders.Exists(f => f.Name.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Creates Sent, Drafts, Trash, Junk and Archive where no folder has that use or name yet. Returns the folders created.</summary>
    public IReadOnlyList<MailboxFolder> EnsureDefaultFolders()
    {
        var created = new List<MailboxFolder>();
        lock (Gate)
        {
            foreach (var (name, use) in DefaultFolders)
            {
                if (FindLocked(name) is null && !_folders.Exists(f => f.SpecialUse == use))
                {
                    var folder = CreateLocked(name, use);
                    folder.Subscribed = true;
                    Persistence?.FolderChanged(this, folder);
                    created.Add(folder);
                }
            }
        }

        created.ForEach(OnChanged);
        return created;
    }

    /// <summary>
    /// CREATE (RFC 9051 §6.3.4): missing superior levels are created too; a trailing "/" is dropped.
    /// Throws <see cref="MailboxFolderException"/> ([ALREADYEXISTS], [CANNOT] for an invalid name).
    /// </summary>
    public MailboxFolder CreateFolder(string name, SpecialUse use = SpecialUse.None)
    {
        var created = new List<MailboxFolder>();
        MailboxFolder folder;
        lock (Gate)
        {
            name = ValidName(name);
            if (FindLocked(name) is not null)
            {
                throw new MailboxFolderException(FolderError.AlreadyExists, $"{name} already exists");
            }

            if (use != SpecialUse.None && _folders.Exists(f => f.SpecialUse == use))
            {
                throw new MailboxFolderException(FolderError.Cannot, $"another folder already has the \\{use} use");
            }

            var levels = name.Split(MailboxFolder.Delimiter);
            for (var i = 1; i < levels.Length; i++)
            {
                var parent = string.Join(MailboxFolder.Delimiter, levels[..i]);
                if (FindLocked(parent) is null)
                {
                    created.Add(CreateLocked(parent, SpecialUse.None));
                }
            }

            folder = CreateLocked(name, use);
            created.Add(folder);
        }

        created.ForEach(OnChanged);
        return folder;
    }

    /// <summary>
    /// DELETE (RFC 9051 §6.3.5): the folder and its messages go. INBOX cannot be deleted; a folder
    /// with subfolders is refused (the server may, and MailLab has no \Noselect folders).
    /// </summary>
    public void DeleteFolder(string name)
    {
        MailboxFolder folder;
        lock (Gate)
        {
            folder = FindLocked(name) ?? throw new MailboxFolderException(FolderError.NonExistent, $"{name} does not exist");
            if (folder.IsInbox)
            {
                throw new MailboxFolderException(FolderError.Cannot, "INBOX cannot be deleted");
            }

            if (_folders.Exists(f => f.Name.StartsWith(folder.Name + MailboxFolder.Delimiter, StringComparison.Ordinal)))
            {
                throw new MailboxFolderException(FolderError.HasChildren, $"{folder.Name} has subfolders; delete them first");
            }

            KeepSubscriptionLocked(folder);
            Persistence?.FolderDeleted(this, folder);
            _folders.Remove(folder);
            folder.IsDeleted = true;
        }

        OnChanged(folder);
    }

    /// <summary>
    /// RENAME (RFC 9051 §6.3.6): subfolders move with it; missing superior levels of the new name
    /// are created. Renaming INBOX moves all its messages into a new folder and leaves INBOX empty.
    /// </summary>
    public MailboxFolder RenameFolder(string name, string newName)
    {
        var changed = new List<MailboxFolder>();
        MailboxFolder target;
        lock (Gate)
        {
            var folder = FindLocked(name) ?? throw new MailboxFolderException(FolderError.NonExistent, $"{name} does not exist");
            newName = ValidName(newName);
            if (FindLocked(newName) is not null)
            {
                throw new MailboxFolderException(FolderError.AlreadyExists, $"{newName} already exists");
            }

            if (newName.StartsWith(folder.Name + MailboxFolder.Delimiter, StringComparison.Ordinal))
            {
                throw new MailboxFolderException(FolderError.Cannot, $"{folder.Name} cannot be moved into itself");
            }

            var levels = newName.Split(MailboxFolder.Delimiter);
            for (var i = 1; i < levels.Length; i++)
            {
                var parent = string.Join(MailboxFolder.Delimiter, levels[..i]);
                if (FindLocked(parent) is null)
                {
                    changed.Add(CreateLocked(parent, SpecialUse.None));
                }
            }

            if (folder.IsInbox)
            {
                target = CreateLocked(newName, SpecialUse.None);
                var entries = Inbox.EntriesLocked.ToArray();
                CopyLocked(Inbox, entries, target);
                RemoveLocked(Inbox, entries);
                changed.Add(Inbox);
            }
            else
            {
                target = folder;
                var oldName = folder.Name;
                var prefix = oldName + MailboxFolder.Delimiter;
                var moving = _folders.Where(f => f == folder || f.Name.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
                foreach (var each in moving)
                {
                    var old = each.Name;
                    each.Name = newName + old[oldName.Length..];
                    Persistence?.FolderRenamed(this, each, old);
                }

                changed.AddRange(moving);
            }

            changed.Add(target);
        }

        changed.Distinct().ToList().ForEach(OnChanged);
        return target;
    }

    /// <summary>SUBSCRIBE / UNSUBSCRIBE (RFC 9051 §6.3.7-8) of an existing folder (<see cref="Subscribe(string)"/> takes any name).</summary>
    public void Subscribe(string name, bool subscribed)
    {
        MailboxFolder folder;
        lock (Gate)
        {
            folder = FindLocked(name) ?? throw new MailboxFolderException(FolderError.NonExistent, $"{name} does not exist");
            if (folder.Subscribed == subscribed)
            {
                return;
            }

            folder.Subscribed = subscribed;
            Persistence?.FolderChanged(this, folder);
        }

        OnChanged(folder);
    }

    internal MailboxFolder? FindLocked(string name)
    {
        if (name.Equals(MailboxFolder.InboxName, StringComparison.OrdinalIgnoreCase))
        {
            return Inbox;
        }

        return _folders.Find(f => !f.IsInbox && f.Name == name);
    }

    /// <summary>Adds a folder the disk layer read back (its numbers come from its state file).</summary>
    internal MailboxFolder RestoreFolderLocked(string name, uint uidValidity, SpecialUse use, bool subscribed)
    {
        var folder = name.Equals(MailboxFolder.InboxName, StringComparison.OrdinalIgnoreCase) ? Inbox : FindLocked(name);
        if (folder is null)
        {
            folder = new MailboxFolder(this, name, uidValidity, use);
            _folders.Add(folder);
        }

        folder.UidValidity = uidValidity;
        folder.SpecialUse = use;
        folder.Subscribed = subscribed;
        _lastUidValidity = Math.Max(_lastUidValidity, uidValidity);
        return folder;
    }

    private MailboxFolder CreateLocked(string name, SpecialUse use)
    {
        var folder = new MailboxFolder(this, name, NextUidValidityLocked(), use);
        Persistence?.FolderCreated(this, folder);
        _folders.Add(folder);
        TakeSubscriptionLocked(folder);
        return folder;
    }

    /// <summary>A folder name as stored: no empty level, no trailing delimiter, not INBOX's children's parent spelled otherwise.</summary>
    private static string ValidName(string name)
    {
        var trimmed = name.TrimEnd(MailboxFolder.Delimiter);
        if (trimmed.Length == 0 || trimmed.Split(MailboxFolder.Delimiter).Any(level => level.Length == 0)
            || trimmed.Any(c => char.IsControl(c) || c is '*' or '%'))
        {
            throw new MailboxFolderException(FolderError.Cannot, $"\"{name}\" is not a valid folder name");
        }

        if (trimmed.Equals(MailboxFolder.InboxName, StringComparison.OrdinalIgnoreCase))
        {
            throw new MailboxFolderException(FolderError.AlreadyExists, "INBOX already exists");
        }

        // INBOX's children keep INBOX's spelling, so INBOX/x and inbox/x are one name (RFC 9051 §5.1).
        var first = trimmed.IndexOf(MailboxFolder.Delimiter);
        return first > 0 && trimmed[..first].Equals(MailboxFolder.InboxName, StringComparison.OrdinalIgnoreCase)
            ? MailboxFolder.InboxName + trimmed[first..]
            : trimmed;
    }
}
