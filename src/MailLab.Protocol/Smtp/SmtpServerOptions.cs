namespace MailLab.Protocol.Smtp;

/// <summary>
/// What one SMTP session offers and enforces, fixed when the connection opens (a virtual server's
/// settings as they were then). Sizes of 0 mean "no limit".
/// </summary>
public sealed record SmtpServerOptions
{
    /// <summary>The name in the greeting and EHLO reply (IIS: the virtual server's FQDN).</summary>
    public string HostName { get; init; } = "localhost";

    public string Greeting { get; init; } = "Microsoft ESMTP MAIL Service (MailLab) ready";

    /// <summary>Message size limit in octets, advertised with SIZE (RFC 1870).</summary>
    public long MaxMessageSize { get; init; }

    /// <summary>IIS "session size": octets of message content accepted in one connection.</summary>
    public long MaxSessionSize { get; init; }

    /// <summary>Recipients accepted per message; past it 452 4.5.3 (RFC 5321 §4.5.3.1.8).</summary>
    public int MaxRecipients { get; init; } = SmtpLimits.MinimumRecipients;

    /// <summary>The extensions offered (all unless a test switches some off).</summary>
    public SmtpExtensions Extensions { get; init; } = SmtpExtensions.All;

    /// <summary>Whether STARTTLS can be offered (a certificate is available and <see cref="SmtpExtensions.StartTls"/> is on).</summary>
    public bool TlsAvailable { get; init; }

    /// <summary>IIS Access → "Requires TLS encryption": no mail transaction before STARTTLS.</summary>
    public bool RequireTls { get; init; }

    /// <summary>IIS Access → Anonymous access: MAIL without AUTH is allowed.</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>SASL mechanisms for AUTH (RFC 4954); empty means AUTH is not offered.</summary>
    public IReadOnlyList<string> AuthMechanisms { get; init; } = [];

    /// <summary>IIS Basic authentication's "Requires TLS encryption": AUTH only after STARTTLS.</summary>
    public bool RequireTlsForAuth { get; init; }

    /// <summary>
    /// Reject a message whose lines exceed RFC 5321 §4.5.3.1.6's 1000 octets with 500 5.5.6.
    /// </summary>
    public bool EnforceTextLineLimit { get; init; } = true;

    /// <summary>The greeting is 554 (RFC 5321 §3.1) because connection control denied the client.</summary>
    public bool RejectConnection { get; init; }

    /// <summary>Used for CRAM-MD5 challenges (RFC 2195 wants a timestamp in them).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
