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
}
