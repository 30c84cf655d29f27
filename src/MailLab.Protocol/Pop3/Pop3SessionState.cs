namespace MailLab.Protocol.Pop3;

/// <summary>The states of a POP3 session (RFC 1939 §3).</summary>
public enum Pop3SessionState
{
    /// <summary>After the greeting: the client identifies itself (USER/PASS, APOP, AUTH) or starts TLS.</summary>
    Authorization,

    /// <summary>The maildrop is locked and the client works on it.</summary>
    Transaction,

    /// <summary>After QUIT in TRANSACTION: deletions are committed and the maildrop released.</summary>
    Update,
}
