using MailLab.Mail.Stores;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Mail.Imap;

/// <summary>One logged-in user's <see cref="Mailbox"/> in IMAP terms.</summary>
internal sealed class ImapStoreAccount(World.MailHost host, Mailbox mailbox) : IImapAccount
{
    public string User => mailbox.Address;

    public ImapQuota? Quota => null;

    public long? AppendLimit => null;

    public IReadOnlyList<ImapFolderInfo> ListFolders() =>
        mailbox.Folders.Select(f => new ImapFolderInfo(f.Name, Attributes(f), f.Subscribed)).ToArray();

    public ImapResult CreateFolder(string name) => Try(() => mailbox.CreateFolder(name));

    public ImapResult DeleteFolder(string name) => Try(() => mailbox.DeleteFolder(name));

    public ImapResult RenameFolder(string oldName, string newName) => Try(() => mailbox.RenameFolder(oldName, newName));

    public ImapResult Subscribe(string name) => Try(() => mailbox.Subscribe(name, true));

    public ImapResult Unsubscribe(string name) => Try(() => mailbox.Subscribe(name, false));

    public ImapFolderStatus? GetStatus(string name)
    {
        if (mailbox.FindFolder(name) is not { } folder)
        {
            return null;
        }

        var changes = folder.ChangesSince(ulong.MaxValue);
        var messages = changes.Messages;
        return new ImapFolderStatus(messages.Count, changes.UidNext, folder.UidValidity, messages.Count(m => !m.IsSeen), messages.Count(m => m.IsDeleted), messages.Sum(m => m.Size), changes.HighestModSeq);
    }

    public ImapAppendResult Append(string folder, IReadOnlyList<string> flags, DateTimeOffset internalDate, ReadOnlyMemory<byte> content)
    {
        if (mailbox.FindFolder(folder) is not { } target)
        {
            return ImapAppendResult.Fail(ImapResponseCode.TryCreate, $"{folder} does not exist");
        }

        var world = host.World;
        var message = new StoredMessage(world.NextMessageSequence(), host.Name, mailbox.Address, [mailbox.Address], content.ToArray(), world.Clock.GetUtcNow());
        var (system, keywords) = ImapStoreFolder.Split(flags);
        var entry = mailbox.Append(target, message, system, keywords, internalDate);
        return new ImapAppendResult(ImapResult.Ok, target.UidValidity, entry.Uid);
    }

    public ImapOpenResult Open(string name, bool readOnly) =>
        mailbox.FindFolder(name) is { } folder
            ? ImapOpenResult.Success(new ImapStoreFolder(mailbox, folder, readOnly))
            : ImapOpenResult.Fail(ImapResponseCode.NonExistent, $"{name} does not exist");

    public void Dispose()
    {
    }

    internal static ImapResult Try(Action action)
    {
        try
        {
            action();
            return ImapResult.Ok;
        }
        catch (MailboxFolderException e)
        {
            return ImapResult.Fail(
                e.Error switch
                {
                    FolderError.AlreadyExists => ImapResponseCode.AlreadyExists,
                    FolderError.NonExistent => ImapResponseCode.NonExistent,
                    _ => ImapResponseCode.Cannot,
                },
                e.Message);
        }
    }

    private ImapFolderAttributes Attributes(MailboxFolder folder)
    {
        var attributes = mailbox.HasChildren(folder) ? ImapFolderAttributes.HasChildren : ImapFolderAttributes.HasNoChildren;
        return attributes | folder.SpecialUse switch
        {
            SpecialUse.Sent => ImapFolderAttributes.Sent,
            SpecialUse.Drafts => ImapFolderAttributes.Drafts,
            SpecialUse.Trash => ImapFolderAttributes.Trash,
            SpecialUse.Junk => ImapFolderAttributes.Junk,
            SpecialUse.Archive => ImapFolderAttributes.Archive,
            _ => ImapFolderAttributes.None,
        };
    }
}
