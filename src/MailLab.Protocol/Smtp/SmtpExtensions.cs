namespace MailLab.Protocol.Smtp;

/// <summary>
/// The service extensions a session offers (<see cref="SmtpServerOptions.Extensions"/>): all by
/// default; a test switches some off to see how a client falls back. What is off is neither
/// advertised in the EHLO reply nor accepted when a client uses it anyway.
/// </summary>
[Flags]
public enum SmtpExtensions
{
    None = 0,

    /// <summary>
    /// EHLO itself. Off, EHLO is answered 500 as by a server that predates it, and the client falls
    /// back to HELO (RFC 5321 §4.1.1.1, §3.2): no extension and no MAIL parameter can then be used.
    /// </summary>
    Ehlo = 1 << 0,

    /// <summary>PIPELINING (RFC 2920); IIS's metabase calls the switch ShouldPipelineIn.</summary>
    Pipelining = 1 << 1,

    /// <summary>CHUNKING (RFC 3030): off, BDAT is an unrecognised command.</summary>
    Chunking = 1 << 2,

    /// <summary>STARTTLS (RFC 3207): off, it is not advertised and the command gets 454 4.7.0.</summary>
    StartTls = 1 << 3,

    /// <summary>8BITMIME (RFC 6152): off, MAIL's BODY=8BITMIME gets 555 5.5.4.</summary>
    EightBitMime = 1 << 4,

    /// <summary>SMTPUTF8 (RFC 6531): off, MAIL's SMTPUTF8 parameter gets 555 5.5.4.</summary>
    SmtpUtf8 = 1 << 5,

    All = Ehlo | Pipelining | Chunking | StartTls | EightBitMime | SmtpUtf8,
}
