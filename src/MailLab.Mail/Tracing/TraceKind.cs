namespace MailLab.Mail.Tracing;

/// <summary>The steps the trace records: the stages of docs/ARCHITECTURE.md, "Delivery as named stages" (src/MailLab.Mail/Delivery/README.md).</summary>
public enum TraceKind
{
    ConnectionOpened,
    ClientLine,
    ServerReply,
    ClientData,
    ConnectionClosed,

    /// <summary>A server accepted a message with 250 (receive stage).</summary>
    Received,

    /// <summary>Cleanup added missing headers (Message-ID, Date) and the Received header.</summary>
    Cleanup,

    /// <summary>
    /// Exchange's categorizer resolved a recipient against Active Directory before the store: a proxy
    /// address to its user's mailbox, a distribution group to its members, a contact to its external
    /// address, a forwarding address.
    /// </summary>
    Categorized,

    /// <summary>Delivered into a mailbox of the store.</summary>
    DeliveredToMailbox,

    /// <summary>Written into a home-directory folder (Drop for local mail without a mailbox).</summary>
    DeliveredToDrop,

    Queued,
    MxLookup,
    Connecting,
    Relayed,
    Deferred,
    RetryScheduled,
    DelayNotification,
    Failed,
    NdrGenerated,
    MovedToBadMail,
    Expired,

    /// <summary>A mailbox's user fetched the message with RETR (the last hop).</summary>
    RetrievedByPop3,

    /// <summary>Removed from the mailbox in POP3's UPDATE state (DELE, then QUIT).</summary>
    DeletedByPop3,

    /// <summary>An IMAP session logged on (LOGIN or AUTHENTICATE).</summary>
    ImapLogon,

    /// <summary>An IMAP session selected (or examined) a folder.</summary>
    ImapSelect,

    /// <summary>An IMAP client fetched the message's content (a body section): the last hop, as RETR is for POP3.</summary>
    RetrievedByImap,

    /// <summary>An IMAP client stored a message into a folder with APPEND (a draft, a copy of sent mail).</summary>
    AppendedByImap,

    /// <summary>An IMAP client moved the message to another folder (MOVE), e.g. to Trash.</summary>
    MovedByImap,

    /// <summary>An IMAP client expunged the message from a folder.</summary>
    ExpungedByImap,

    /// <summary>Exchange's Move Mailbox took the mailbox holding the message to another store of the server.</summary>
    MailboxMoved,

    /// <summary>LDAP routing looked a sender or recipient up at RCPT: which directory, which filter, what it found.</summary>
    DirectoryLookup,
}
