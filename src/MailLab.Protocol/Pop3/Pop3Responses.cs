namespace MailLab.Protocol.Pop3;

/// <summary>
/// The responses the session gives, in one place so transcripts, docs and tests agree. Texts follow
/// the examples of RFC 1939 where it has them.
/// </summary>
public static class Pop3Responses
{
    public static readonly Pop3Response Ok = Pop3Response.Ok();
    public static readonly Pop3Response UserAccepted = Pop3Response.Ok("send PASS");
    public static readonly Pop3Response CapabilityListFollows = Pop3Response.Ok("Capability list follows");
    public static readonly Pop3Response BeginTls = Pop3Response.Ok("Begin TLS negotiation");

    public static readonly Pop3Response UnknownCommand = Pop3Response.Err("unknown command");
    public static readonly Pop3Response EmptyCommand = Pop3Response.Err("empty command");
    public static readonly Pop3Response LineTooLong = Pop3Response.Err("line too long (RFC 2449: at most 255 octets)");
    public static readonly Pop3Response SendUserFirst = Pop3Response.Err("send USER first");
    public static readonly Pop3Response InvalidMessageNumber = Pop3Response.Err("invalid message number");
    public static readonly Pop3Response InvalidLineCount = Pop3Response.Err("invalid number of lines");

    public static readonly Pop3Response CleartextRefused = Pop3Response.Err(
        "cleartext logins are not permitted without TLS (Secure Password Authentication is required)",
        Pop3ResponseCodes.Auth);

    public static readonly Pop3Response InvalidCredentials = Pop3Response.Err("invalid user name or password", Pop3ResponseCodes.Auth);
    public static readonly Pop3Response UnknownMechanism = Pop3Response.Err("unrecognized authentication mechanism");
    public static readonly Pop3Response AuthCancelled = Pop3Response.Err("authentication cancelled");
    public static readonly Pop3Response AuthBadBase64 = Pop3Response.Err("cannot decode response: invalid base64");
    public static readonly Pop3Response AuthBadPlain = Pop3Response.Err("cannot decode PLAIN response: expected authzid NUL authcid NUL password");
    public static readonly Pop3Response AuthBadCramMd5 = Pop3Response.Err("cannot decode CRAM-MD5 response: expected \"user digest\"");
    public static readonly Pop3Response AuthNoInitialResponse = Pop3Response.Err("CRAM-MD5 takes no initial response");
    public static readonly Pop3Response AuthorizationIdentityRefused = Pop3Response.Err("not authorized to log on as another user", Pop3ResponseCodes.Auth);

    /// <summary>RFC 2595 §4 gives this text.</summary>
    public static readonly Pop3Response TlsActive = Pop3Response.Err("Command not permitted when TLS active");
    public static readonly Pop3Response TlsNotAvailable = Pop3Response.Err("TLS not available");

    /// <summary>For the transport's <see cref="Pop3ServerSession.Refuse"/> when the connection limit is reached.</summary>
    public static readonly Pop3Response TooManyConnections = Pop3Response.Err("too many connections, try again later", Pop3ResponseCodes.SysTemp);

    /// <summary>For the transport's <see cref="Pop3ServerSession.Refuse"/> when the service is stopped or stopping.</summary>
    public static readonly Pop3Response ServiceUnavailable = Pop3Response.Err("POP3 service not available", Pop3ResponseCodes.SysTemp);

    public static Pop3Response Greeting(string host, string banner) => Pop3Response.Ok($"{host} POP3 server ready {banner}");

    public static Pop3Response SigningOff(string host) => Pop3Response.Ok($"{host} POP3 server signing off");

    /// <summary>RFC 1939 §6: QUIT in TRANSACTION says what is left after UPDATE.</summary>
    public static Pop3Response SigningOff(string host, int messagesLeft) =>
        Pop3Response.Ok(messagesLeft == 0
            ? $"{host} POP3 server signing off (maildrop empty)"
            : $"{host} POP3 server signing off ({Count(messagesLeft)} left)");

    /// <summary>After a logon and for RSET (RFC 1939 §5, §7).</summary>
    public static Pop3Response MaildropSummary(int messages, long octets) => Pop3Response.Ok($"maildrop has {Count(messages)} ({octets} octets)");

    /// <summary>The first line of a LIST without an argument (RFC 1939 §5 example).</summary>
    public static Pop3Response ScanListing(int messages, long octets) => Pop3Response.Ok($"{Count(messages)} ({octets} octets)");

    public static Pop3Response Stat(int messages, long octets) => Pop3Response.Ok($"{messages} {octets}");

    public static Pop3Response ScanLine(int number, long octets) => Pop3Response.Ok($"{number} {octets}");

    public static Pop3Response UniqueIdLine(int number, string uniqueId) => Pop3Response.Ok($"{number} {uniqueId}");

    public static Pop3Response Retrieving(long octets) => Pop3Response.Ok($"{octets} octets");

    public static Pop3Response Deleted(int number) => Pop3Response.Ok($"message {number} deleted");

    public static Pop3Response NoSuchMessage(int messagesInMaildrop) => Pop3Response.Err($"no such message, only {Count(messagesInMaildrop)} in maildrop");

    public static Pop3Response AlreadyDeleted(int number) => Pop3Response.Err($"message {number} already deleted");

    /// <summary>RETR/TOP of a message an IMAP session expunged while this session held the maildrop (as Dovecot answers).</summary>
    public static Pop3Response Expunged(int number) => Pop3Response.Err($"message {number} was expunged by another session");

    public static Pop3Response NotLoggedIn(string verb) => Pop3Response.Err($"not logged in: {verb} is only valid in the TRANSACTION state");

    public static Pop3Response AlreadyLoggedIn(string verb) => Pop3Response.Err($"already logged in: {verb} is only valid in the AUTHORIZATION state");

    public static Pop3Response Syntax(string usage) => Pop3Response.Err($"syntax error: expected \"{usage}\"");

    public static Pop3Response NoArguments(string verb) => Pop3Response.Err($"syntax error: {verb} takes no arguments");

    private static string Count(int messages) => messages == 1 ? "1 message" : $"{messages} messages";
}
