using MailLab.Protocol.Smtp;

namespace MailLab.Testing;

/// <summary>
/// What the server's SMTP sessions offer (<see cref="TestMailServerOptions.Smtp"/>): every extension
/// by default; switch some off to test how the app's client falls back. What is off is not in the
/// EHLO reply and is refused when used anyway.
/// </summary>
public sealed class SmtpCapabilityOptions
{
    public SmtpExtensions Extensions { get; set; } = SmtpExtensions.All;

    /// <summary>No PIPELINING (RFC 2920): the client waits for each reply before the next command.</summary>
    public SmtpCapabilityOptions WithoutPipelining() => Without(SmtpExtensions.Pipelining);

    /// <summary>No CHUNKING (RFC 3030): the client sends DATA, BDAT is unrecognised.</summary>
    public SmtpCapabilityOptions WithoutChunking() => Without(SmtpExtensions.Chunking);

    /// <summary>No STARTTLS (RFC 3207): a client that wants TLS when available goes on in plain text; one that requires it fails.</summary>
    public SmtpCapabilityOptions WithoutStartTls() => Without(SmtpExtensions.StartTls);

    /// <summary>No 8BITMIME (RFC 6152).</summary>
    public SmtpCapabilityOptions Without8BitMime() => Without(SmtpExtensions.EightBitMime);

    /// <summary>No SMTPUTF8 (RFC 6531): internationalised addresses are refused.</summary>
    public SmtpCapabilityOptions WithoutSmtpUtf8() => Without(SmtpExtensions.SmtpUtf8);

    /// <summary>EHLO answered 500 as by a pre-ESMTP server, so the client falls back to HELO (RFC 5321 §3.2) and uses no extension.</summary>
    public SmtpCapabilityOptions HeloOnly() => Without(SmtpExtensions.Ehlo);

    private SmtpCapabilityOptions Without(SmtpExtensions extension)
    {
        Extensions &= ~extension;
        return this;
    }
}
