using MailLab.Mail.Stores;

namespace MailLab.Mail.Persistence;

/// <summary>
/// What a host's <see cref="MailboxStore"/> tells a disk layer. Calls are synchronous and made
/// inside the mailbox's lock, before the change becomes visible: a delivery or an IMAP APPEND,
/// STORE or EXPUNGE returns only once it is durable, so the SMTP 250 or the IMAP tagged OK that
/// follows is truthful. The store has none by default (in memory only, no cost).
/// </summary>
public interface IMailboxPersistence
{
    /// <summary>A message was appended to a folder (delivery into INBOX, APPEND, COPY, MOVE).</summary>
    void Appended(Mailbox mailbox, MailboxFolder folder, FolderMessage entry);

    /// <summary>These entries' flags changed (the entries carry the new flags and modseq).</summary>
    void FlagsChanged(Mailbox mailbox, MailboxFolder folder, IReadOnlyList<FolderMessage> entries);

    /// <summary>These entries left the folder at <paramref name="modSeq"/> (IMAP EXPUNGE, MOVE, POP3 DELE at QUIT).</summary>
    void Expunged(Mailbox mailbox, MailboxFolder folder, IReadOnlyList<FolderMessage> entries, ulong modSeq);

    /// <summary>A folder was created (empty).</summary>
    void FolderCreated(Mailbox mailbox, MailboxFolder folder);

    /// <summary>A folder's subscription or special use changed.</summary>
    void FolderChanged(Mailbox mailbox, MailboxFolder folder);

    /// <summary>Sessions claimed \Recent up to <see cref="MailboxFolder.FirstUnclaimedRecentLocked"/> (RFC 3501 §2.3.2).</summary>
    void RecentClaimed(Mailbox mailbox, MailboxFolder folder);

    /// <summary>The names subscribed without a folder changed; <paramref name="names"/> is the whole list.</summary>
    void SubscriptionsChanged(Mailbox mailbox, IReadOnlyList<string> names);

    /// <summary>A folder (not INBOX) was renamed; <see cref="MailboxFolder.Name"/> is already the new name.</summary>
    void FolderRenamed(Mailbox mailbox, MailboxFolder folder, string oldName);

    /// <summary>A folder (not INBOX) is being deleted with its messages.</summary>
    void FolderDeleted(Mailbox mailbox, MailboxFolder folder);

    /// <summary>Called after the mailbox was deleted with all its mail (winpop delete).</summary>
    void MailboxDeleted(Mailbox mailbox);
}
