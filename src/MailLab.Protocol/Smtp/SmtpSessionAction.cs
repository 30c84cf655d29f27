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
}
