namespace MailLab.Protocol.Pop3;

/// <summary>
/// The decision a POP3 session asks its host for. It is a plain call with no I/O of the session's
/// own: the mail layer answers from its account directory and in-memory stores.
/// </summary>
public interface IPop3ServerHandler
{
    /// <summary>
    /// Checks the credentials (<see cref="Pop3Credentials.Matches"/> does the arithmetic) and, when
    /// they are right, locks the maildrop for this session (RFC 1939 §4) and returns it. A maildrop
    /// another session holds gives <see cref="Pop3LogonResult.InUse"/>.
    /// </summary>
    Pop3LogonResult Logon(Pop3Credentials credentials);
}
