using MailLab.Mail.Stores;

namespace MailLab.Mail.Persistence;

/// <summary>
/// What a host's <see cref="MailboxStore"/> tells a disk layer. Calls are synchronous: a delivery
/// returns only once its file is durable, so the SMTP 250 reply that follows it is truthful. The
/// store has none by default (in memory only, no cost).
/// </summary>
public interface IMailboxPersistence
{
    /// <summary>Called before the message becomes visible in the mailbox.</summary>
    void Delivered(Mailbox mailbox, StoredMessage message);

    /// <summary>Called after the message left the mailbox (POP3 DELE applied at QUIT).</summary>
    void Removed(Mailbox mailbox, StoredMessage message);

    /// <summary>Called after the mailbox was deleted with all its mail (winpop delete).</summary>
    void MailboxDeleted(Mailbox mailbox);
}
