namespace MailLab.Mail.Exchange;

/// <summary>
/// What the server tells a disk layer about its disconnected mailboxes (Persistence.DisconnectedMailboxFiles,
/// with <c>--data-dir</c>). Both calls are synchronous and durable before they return, so Delete Mailbox,
/// Reconnect and Purge answer only once the disk agrees.
/// </summary>
internal interface IDisconnectedMailboxPersistence
{
    /// <summary>The mailbox was disconnected: its files leave the live store for the disconnected ones; returns the key of their folder.</summary>
    string Disconnected(DeletedMailbox mailbox);

    /// <summary>The mailbox was reconnected (its messages are already in the user's mailbox) or purged: its files go.</summary>
    void Removed(DeletedMailbox mailbox);
}
