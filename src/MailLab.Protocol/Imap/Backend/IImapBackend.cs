namespace MailLab.Protocol.Imap.Backend;

/// <summary>
/// The mail store as an IMAP session sees it: accounts, their folders and messages, in the
/// protocol's own terms. The session never parses MIME from the store's metadata; it keeps its own
/// message-sequence-number map and decides when the client may be told about changes
/// (RFC 9051 §7.5.1), so the store only reports what changed.
/// <para>
/// Threading: one session calls its account and folder objects from one thread at a time; several
/// sessions (and SMTP delivery) use the same store at once, so the store synchronises between them.
/// Every mutation is durable before it returns.
/// </para>
/// </summary>
public interface IImapBackend
{
    /// <summary>
    /// Checks a user name and password (LOGIN, AUTHENTICATE PLAIN/LOGIN) and opens the account.
    /// User names compare as the store compares them (case-insensitively for MailLab).
    /// A failure says why: <see cref="ImapLogonFailure.InvalidCredentials"/> becomes
    /// <c>NO [AUTHENTICATIONFAILED]</c>, <see cref="ImapLogonFailure.AccountDisabled"/>
    /// <c>NO [AUTHORIZATIONFAILED]</c>, <see cref="ImapLogonFailure.Unavailable"/> <c>NO [UNAVAILABLE]</c> (RFC 5530).
    /// </summary>
    ImapLogonResult Authenticate(string user, string password);

    /// <summary>
    /// The plain password of a user, for CRAM-MD5 (RFC 2195), which needs the shared secret; false
    /// when the user is unknown or the store keeps no plain password. After a digest matches, the
    /// session calls <see cref="Authenticate"/> with this password to open the account.
    /// </summary>
    bool TryGetPassword(string user, out string password);
}
