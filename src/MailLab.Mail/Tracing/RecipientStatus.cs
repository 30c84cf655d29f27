namespace MailLab.Mail.Tracing;

/// <summary>Where one recipient's copy of a message is, as the trace tells it.</summary>
public enum RecipientState
{
    /// <summary>Accepted by a server, not yet handed to local delivery or a queue.</summary>
    Received,

    /// <summary>In a virtual server's queue, not tried yet.</summary>
    Queued,

    /// <summary>In a queue after a transient failure, with a retry scheduled.</summary>
    Deferred,

    /// <summary>In a mailbox of a store, or in a Drop folder.</summary>
    Delivered,

    /// <summary>Handed with a 250 to a server outside the world (a real SMTP server): it left MailLab.</summary>
    Relayed,

    /// <summary>Failed for good; a non-delivery report went to the sender (or the message to Badmail).</summary>
    Bounced,
}

/// <summary>
/// One recipient's outcome so far: its state, the host whose stage event set it, where the copy went
/// (the mailbox or Drop folder; the server it was relayed to; the server that refused it) and the
/// event's sequence number in the trace.
/// </summary>
public readonly record struct RecipientStatus(string Address, RecipientState State, string? Host, string? Where, long Sequence)
{
    /// <summary>The state as the API and the page name it (lower case).</summary>
    public string StateName => NameOf(State);

    /// <summary>A state as the API, the page and the status summary name it: "delivered", "relayed"…</summary>
    public static string NameOf(RecipientState state) => state.ToString().ToLowerInvariant();
}
