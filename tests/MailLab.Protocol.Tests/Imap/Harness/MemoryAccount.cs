using MailLab.Protocol.Imap.Backend;

namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>The session's handle on a <see cref="MemoryAccountData"/>.</summary>
internal sealed class MemoryAccount(MemoryAccountData data) : IImapAccount
{
    public string User => data.User;

    public bool Disposed { get; private set; }

    public ImapQuota? Quota => data.Quota is { } q ? q with { UsedKilobytes = (data.Folders.Values.Sum(f => f.Size) + 1023) / 1024 } : null;

    public long? AppendLimit => data.AppendLimit;

    private object Gate => data.Store.Gate;

    public IReadOnlyList<ImapFolderInfo> ListFolders()
    {
        lock (Gate)
        {
            var list = new List<ImapFolderInfo>();
            foreach (var folder in data.Folders.Values)
            {
                var children = data.Folders.Keys.Any(k => k.StartsWith(folder.Name + "/", StringComparison.Ordinal));
                var attributes = folder.Attributes | (children ? ImapFolderAttributes.HasChildren : ImapFolderAttributes.HasNoChildren);
                list.Add(new ImapFolderInfo(folder.Name, attributes, data.Subscriptions.Contains(folder.Name)));
            }

            foreach (var orphan in data.Subscriptions.Where(s => !data.Folders.ContainsKey(s)))
            {
                list.Add(new ImapFolderInfo(orphan, ImapFolderAttributes.NonExistent | ImapFolderAttributes.Noselect, true));
            }

            return list;
        }
    }

    public ImapResult CreateFolder(string name)
    {
        lock (Gate)
        {
            if (data.Folders.ContainsKey(name))
            {
                return ImapResult.Fail(ImapResponseCode.AlreadyExists, "mailbox already exists");
            }

            if (name.Length == 0 || name.Contains("//", StringComparison.Ordinal) || name.StartsWith('/'))
            {
                return ImapResult.Fail(ImapResponseCode.Cannot, "invalid mailbox name");
            }

            var parts = name.Split('/');
            for (var i = 1; i <= parts.Length; i++)
            {
                var path = string.Join('/', parts[..i]);
                if (!data.Folders.ContainsKey(path))
                {
                    data.AddFolder(path);
                }
            }

            return ImapResult.Ok;
        }
    }

    public ImapResult DeleteFolder(string name)
    {
        lock (Gate)
        {
            if (!data.Folders.ContainsKey(name))
            {
                return ImapResult.Fail(ImapResponseCode.NonExistent, "no such mailbox");
            }

            if (data.Folders.Keys.Any(k => k.StartsWith(name + "/", StringComparison.Ordinal)))
            {
                return ImapResult.Fail(ImapResponseCode.Cannot, "mailbox has children");
            }

            data.Folders.Remove(name);
            return ImapResult.Ok;
        }
    }

    public ImapResult RenameFolder(string oldName, string newName)
    {
        lock (Gate)
        {
            if (!data.Folders.TryGetValue(oldName, out var folder))
            {
                return ImapResult.Fail(ImapResponseCode.NonExistent, "no such mailbox");
            }

            if (data.Folders.ContainsKey(newName))
            {
                return ImapResult.Fail(ImapResponseCode.AlreadyExists, "target mailbox exists");
            }

            var moving = data.Folders.Where(kv => kv.Key == oldName || kv.Key.StartsWith(oldName + "/", StringComparison.Ordinal)).ToList();
            foreach (var (key, value) in moving)
            {
                data.Folders.Remove(key);
                value.Name = newName + key[oldName.Length..];
                data.Folders[value.Name] = value;
            }

            _ = folder;
            return ImapResult.Ok;
        }
    }

    public ImapResult Subscribe(string name)
    {
        lock (Gate)
        {
            data.Subscriptions.Add(name);
            return ImapResult.Ok;
        }
    }

    public ImapResult Unsubscribe(string name)
    {
        lock (Gate)
        {
            return data.Subscriptions.Remove(name) ? ImapResult.Ok : ImapResult.Fail(ImapResponseCode.NonExistent, "not subscribed");
        }
    }

    public ImapFolderStatus? GetStatus(string name)
    {
        lock (Gate)
        {
            if (!data.Folders.TryGetValue(name, out var f))
            {
                return null;
            }

            return new ImapFolderStatus(f.Messages.Count, f.UidNext, f.UidValidity, f.Messages.Count(m => !m.Flags.Contains(@"\Seen")),
                f.Messages.Count(m => m.Flags.Contains(@"\Deleted")), f.Size, f.HighestModSeq);
        }
    }

    public ImapAppendResult Append(string folder, IReadOnlyList<string> flags, DateTimeOffset internalDate, ReadOnlyMemory<byte> content)
    {
        MemoryFolderData? target;
        lock (Gate)
        {
            if (!data.Folders.TryGetValue(folder, out target))
            {
                return ImapAppendResult.Fail(ImapResponseCode.TryCreate, "no such mailbox");
            }

            if (data.Quota is { } quota && (data.Folders.Values.Sum(f => f.Size) + content.Length) / 1024 > quota.LimitKilobytes)
            {
                return ImapAppendResult.Fail(ImapResponseCode.OverQuota, "quota exceeded");
            }
        }

        var message = target.Add(content.ToArray(), flags, internalDate);
        return new ImapAppendResult(ImapResult.Ok, target.UidValidity, message.Uid);
    }

    public ImapOpenResult Open(string name, bool readOnly)
    {
        lock (Gate)
        {
            return data.Folders.TryGetValue(name, out var folder)
                ? ImapOpenResult.Success(new MemoryFolder(data, folder, readOnly))
                : ImapOpenResult.Fail(ImapResponseCode.NonExistent, "no such mailbox");
        }
    }

    public void Dispose() => Disposed = true;
}
