namespace MailLab.Protocol.Pop3;

/// <summary>
/// A locked maildrop as the session sees it during TRANSACTION. Indexes are zero-based (message
/// number minus one) and stable for the whole session: the set of messages is the one at logon,
/// whatever arrives meanwhile (RFC 1939 §5: message numbers do not change during a session).
/// </summary>
public interface IPop3Maildrop
{
    int Count { get; }

    /// <summary>The exact size in octets, counting CRLF line ends (RFC 1939 §5, §11): the length of <see cref="Content"/>.</summary>
    long SizeOf(int index);

    /// <summary>RFC 1939 §7 (UIDL): 1 to 70 characters in 0x21–0x7E, the same in every session.</summary>
    string UniqueId(int index);

    /// <summary>The stored RFC 5322 bytes, lines ending in CRLF, not dot-stuffed.</summary>
    ReadOnlyMemory<byte> Content(int index);

    /// <summary>
    /// True when the message left the maildrop after logon by another way than this session (an
    /// IMAP session expunged it): RETR and TOP then answer -ERR. Numbers never change (RFC 1939 §5).
    /// </summary>
    bool IsExpunged(int index) => false;

    /// <summary>UPDATE (RFC 1939 §6): removes these messages for good. Called once, after QUIT, before <see cref="Release"/>.</summary>
    void Commit(IReadOnlyCollection<int> deleted);

    /// <summary>Frees the lock. Called exactly once, however the session ends (QUIT, close, time-out, refusal).</summary>
    void Release();
}
