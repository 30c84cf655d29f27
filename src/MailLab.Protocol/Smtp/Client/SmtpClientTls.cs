namespace MailLab.Protocol.Smtp.Client;

/// <summary>Whether a client session asks for STARTTLS (RFC 3207) after EHLO.</summary>
public enum SmtpClientTls
{
    /// <summary>The session stays in clear (IIS's outbound security without TLS encryption).</summary>
    None,

    /// <summary>STARTTLS when the server offers it; without it, or refused, the session goes on in clear.</summary>
    Opportunistic,

    /// <summary>
    /// STARTTLS or nothing: a server that does not offer it, refuses it (454) or fails the handshake
    /// gets no MAIL, and every message gets that reply as its connection error (a transient one, so
    /// the queue retries, as IIS/Exchange 2003 do, KB 329061, and Postfix's "TLS is required").
    /// </summary>
    Required,
}
