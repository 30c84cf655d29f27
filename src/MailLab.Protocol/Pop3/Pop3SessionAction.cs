namespace MailLab.Protocol.Pop3;

/// <summary>What the transport must do after writing the session's output.</summary>
public enum Pop3SessionAction
{
    /// <summary>Keep reading.</summary>
    None,

    /// <summary>
    /// Discard unconsumed input (RFC 2595 §4, as for STARTTLS), negotiate TLS, then call
    /// <see cref="Pop3ServerSession.TlsEstablished"/>.
    /// </summary>
    StartTls,

    /// <summary>Close the connection.</summary>
    Close,
}
