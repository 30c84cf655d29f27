using MailLab.Mail.Stores;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Mail.Imap;

/// <summary>
/// A logged-on user's <see cref="Mailbox"/> as <see cref="IImapAccount"/>: folders by name, STATUS,
/// QUOTA (the POP3 quota: RFC 9208 STORAGE over every folder), APPENDLIMIT and APPEND. Every change
/// goes through the mailbox's methods, so it is durable before the call returns.
/// </summary>
internal sealed class ImapAccount(ImapService service, Mailbox mailbox, ImapTraceObserver trace) : IImapAccount
{
    // Messages that left a folder by this session's EXPUNGE or MOVE, until the trace observer names them.
    private readonly Dictionary<(string Folder, uint Uid), StoredMessage> _removed = [];

    public string User => mailbox.Address;

    public Mailbox Mailbox => mailbox;

    public ImapService Service => service;

    public IReadOnlyList<ImapFolderInfo> ListFolders()
    {
        var folders = mailbox.Folders;
        var existing = folders.Select(f => new ImapFolderInfo(
            f.Name,
            ImapFlags.Attributes(f.SpecialUse) | (mailbox.HasChildren(f) ? ImapFolderAttributes.HasChildren : ImapFolderAttributes.HasNoChildren),
            f.Subscribed));
        var orphans = mailbox.SubscribedNamesWithoutFolder
            .Where(name => mailbox.FindFolder(name) is null)
            .Select(name => new ImapFolderInfo(name, ImapFolderAttributes.NonExistent, true));
        return [.. existing, .. orphans];
    }

    /// <summary>CREATE; a name subscribed while it did not exist becomes the new folder's subscription (<see cref="Mailbox.Subscribe(string)"/>).</summary>
    public ImapResult CreateFolder(string name) => Do(() => mailbox.CreateFolder(name));

    /// <summary>DELETE; the folder's subscription stays, as a name without a folder (RFC 3501 §6.3.9).</summary>
    public ImapResult DeleteFolder(string name) => Do(() => mailbox.DeleteFolder(name));

    public ImapResult RenameFolder(string oldName, string newName) => Do(() => mailbox.RenameFolder(oldName, newName));

    /// <summary>SUBSCRIBE; a name with no folder is kept too (RFC 9051 §6.3.7 allows it).</summary>
    public ImapResult Subscribe(string name) => Do(() => mailbox.Subscribe(name));

    public ImapResult Unsubscribe(string name)
    {
        var subscribed = false;
        var result = Do(() => subscribed = mailbox.Unsubscribe(name));
        return !result.Succeeded || subscribed ? result : ImapResult.Fail(ImapResponseCode.NonExistent, $"{name} is not subscribed");
    }

    public ImapFolderStatus? GetStatus(string name)
    {
        if (mailbox.FindFolder(name) is not { } folder)
        {
            return null;
        }

        var now = folder.ChangesSince(ulong.MaxValue);
        var messages = now.Messages;
        var firstRecent = mailbox.FirstUnclaimedRecent(folder);
        return new ImapFolderStatus(
            messages.Count,
            now.UidNext,
            folder.UidValidity,
            messages.Count(m => !m.IsSeen),
            messages.Count(m => m.IsDeleted),
            messages.Sum(m => m.Size),
            now.HighestModSeq,
            messages.Count(m => m.Uid >= firstRecent));
    }

    public ImapQuota? Quota
    {
        get
        {
            var pop3 = service.Host.Pop3;
            if (pop3.FindMailbox(mailbox.Address) is not { } pop3Mailbox || pop3.QuotaOf(pop3Mailbox) is not { } quota)
            {
                return null;
            }

            return new ImapQuota((quota.UsedBytes + 1023) / 1024, quota.LimitBytes / 1024);
        }
    }

    public long? AppendLimit => service.AppendLimit;

    public ImapAppendResult Append(string folder, IReadOnlyList<string> flags, DateTimeOffset internalDate, ReadOnlyMemory<byte> content)
    {
        if (mailbox.FindFolder(folder) is not { } target)
        {
            return ImapAppendResult.Fail(ImapResponseCode.TryCreate, $"{folder} does not exist");
        }

        if (AppendLimit is { } limit && content.Length > limit)
        {
            return ImapAppendResult.Fail(ImapResponseCode.TooBig, $"The message is larger than the limit of {limit} octets");
        }

        if (IsOverQuotaWith(content.Length))
        {
            return ImapAppendResult.Fail(ImapResponseCode.OverQuota, "The mailbox is over its quota");
        }

        var world = service.Host.World;
        var message = new StoredMessage(world.NextMessageSequence(), service.Host.Name, mailbox.Address, [mailbox.Address], content.ToArray(), world.Clock.GetUtcNow());
        var (system, keywords) = ImapFlags.Parse(flags);
        try
        {
            var entry = mailbox.Append(target, message, system, keywords, internalDate);
            trace.Appended(target, entry);
            return new ImapAppendResult(ImapResult.Ok, target.UidValidity, entry.Uid);
        }
        catch (MailboxFolderException e)
        {
            return ImapAppendResult.Fail(ImapResponseCode.TryCreate, e.Message);
        }
    }

    public ImapOpenResult Open(string name, bool readOnly)
    {
        if (mailbox.FindFolder(name) is not { } folder)
        {
            return ImapOpenResult.Fail(ImapResponseCode.NonExistent, $"{name} does not exist");
        }

        return ImapOpenResult.Success(new ImapFolderView(this, folder, readOnly));
    }

    /// <summary>True when <paramref name="extra"/> more octets would go over the POP3 quota (quotas count every folder).</summary>
    internal bool IsOverQuotaWith(long extra)
    {
        var pop3 = service.Host.Pop3;
        return pop3.FindMailbox(mailbox.Address) is { } pop3Mailbox && pop3.QuotaOf(pop3Mailbox) is { } quota && quota.UsedBytes + extra > quota.LimitBytes;
    }

    internal void Removed(MailboxFolder folder, IEnumerable<FolderMessage> entries)
    {
        lock (_removed)
        {
            foreach (var entry in entries)
            {
                _removed[(folder.Name, entry.Uid)] = entry.Message;
            }
        }
    }

    /// <summary>The message a UID named in a folder, present or just removed by this session.</summary>
    internal StoredMessage? Resolve(string folderName, uint uid, bool removed = false)
    {
        if (removed)
        {
            lock (_removed)
            {
                return _removed.Remove((folderName, uid), out var gone) ? gone : null;
            }
        }

        return mailbox.FindFolder(folderName)?.Find(uid)?.Message;
    }

    public void Dispose()
    {
        lock (_removed)
        {
            _removed.Clear();
        }
    }

    private static ImapResult Do(Action action)
    {
        try
        {
            action();
            return ImapResult.Ok;
        }
        catch (MailboxFolderException e)
        {
            return ImapResult.Fail(ImapFlags.Code(e.Error), e.Message);
        }
    }
}
