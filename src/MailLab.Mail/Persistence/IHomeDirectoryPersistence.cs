using MailLab.Mail.Queue;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Persistence;

/// <summary>
/// What a virtual server's <see cref="HomeDirectory"/> and queue tell a disk layer, synchronously
/// (a file added returns once it is durable). None by default: in memory only.
/// </summary>
public interface IHomeDirectoryPersistence
{
    /// <summary>A file was added to Drop, BadMail or Queue (Pickup on disk is an input only).</summary>
    void FileAdded(MailFolder folder, MailFile file);

    void FileRemoved(MailFolder folder, MailFile file);

    /// <summary>A queue entry's schedule or remaining recipients changed.</summary>
    void QueueEntryChanged(QueueEntry entry);

    /// <summary>
    /// Whether a queue entry that this previous hop sent (<see cref="StoredMessage.PreviousHop"/>)
    /// for this recipient has already left the queue (relayed on, or bounced).
    /// </summary>
    bool WasRelayed(string previousHop, string recipient);
}
