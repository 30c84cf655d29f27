namespace MailLab.Protocol.Imap;

/// <summary>What the transport must do after writing the session's output.</summary>
public enum ImapSessionAction
{
    /// <summary>Keep reading.</summary>
    None,

    /// <summary>
    /// Discard unconsumed input (RFC 9051 §6.2.1: the client must wait for the tagged OK), negotiate
    /// TLS, then call <see cref="ImapServerSession.TlsEstablished"/>.
    /// </summary>
    StartTls,

    /// <summary>Write the output, then close the connection.</summary>
    Close,
}
