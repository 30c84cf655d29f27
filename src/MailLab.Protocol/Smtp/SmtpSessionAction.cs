namespace MailLab.Protocol.Smtp;

/// <summary>What the transport must do after writing the session's output.</summary>
public enum SmtpSessionAction
{
    /// <summary>Keep reading.</summary>
    None,

    /// <summary>Discard unconsumed input (RFC 3207 §4.2), negotiate TLS, then call <see cref="SmtpServerSession.TlsEstablished"/>.</summary>
    StartTls,

    /// <summary>Close the connection.</summary>
    Close,

    /// <summary>
    /// The handler's decision on RCPT needs I/O of its own (a directory lookup): the session reads no
    /// more input until the transport has awaited <see cref="SmtpServerSession.PendingLookup"/> and called
    /// <see cref="SmtpServerSession.LookupCompleted"/>; the input not consumed is given again after.
    /// </summary>
    Wait,
}
