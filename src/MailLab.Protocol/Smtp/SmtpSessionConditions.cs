namespace MailLab.Protocol.Smtp;

/// <summary>
/// What a server session has been told so far, as far as the order of commands goes: the state a
/// command is looked up in by <see cref="SmtpCommandTable"/>. Several hold at once (after EHLO and
/// MAIL: <see cref="NoRecipients"/>, and <see cref="Secure"/> after STARTTLS).
/// </summary>
[Flags]
internal enum SmtpSessionConditions
{
    None = 0,

    /// <summary>The greeting was 554: only QUIT is answered (RFC 5321 §3.1).</summary>
    Refused = 1 << 0,

    /// <summary>No HELO or EHLO yet, or none since TLS started (RFC 3207 §4.2).</summary>
    NotGreeted = 1 << 1,

    /// <summary>No EHLO (nothing yet, or HELO): the extensions were not offered (RFC 5321 §4.1.1.1).</summary>
    NotExtended = 1 << 2,

    /// <summary>No mail transaction: no MAIL, or the last one ended (RFC 5321 §4.1.4).</summary>
    NoMail = 1 << 3,

    /// <summary>MAIL was accepted and the transaction has not ended.</summary>
    InMail = 1 << 4,

    /// <summary>No RCPT accepted in this transaction (or no transaction).</summary>
    NoRecipients = 1 << 5,

    /// <summary>BDAT chunks were received in this transaction and LAST has not come (RFC 3030 §2).</summary>
    Chunking = 1 << 6,

    /// <summary>AUTH succeeded (RFC 4954 §4).</summary>
    Authenticated = 1 << 7,

    /// <summary>TLS is up (RFC 3207).</summary>
    Secure = 1 << 8,
}
