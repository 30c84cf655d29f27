namespace MailLab.Protocol.Pop3;

/// <summary>
/// The handler's answer to a logon: the locked maildrop, or the <c>-ERR</c> response to give
/// (with a response code such as [AUTH], [IN-USE] or [LOGIN-DELAY]).
/// </summary>
public sealed class Pop3LogonResult
{
    private Pop3LogonResult(IPop3Maildrop? maildrop, string? userName, Pop3Response? failure)
    {
        Maildrop = maildrop;
        UserName = userName;
        Failure = failure;
    }

    /// <summary>The maildrop, locked for this session (RFC 1939 §4); null on failure.</summary>
    public IPop3Maildrop? Maildrop { get; }

    /// <summary>The canonical user name (the directory's spelling); null to keep the client's.</summary>
    public string? UserName { get; }

    /// <summary>The negative response on failure; null on success.</summary>
    public Pop3Response? Failure { get; }

    public bool Succeeded => Maildrop is not null;

    public static Pop3LogonResult Success(IPop3Maildrop maildrop, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(maildrop);
        return new(maildrop, userName, null);
    }

    /// <summary>A failure with any response code (see <see cref="Pop3ResponseCodes"/>) or none.</summary>
    public static Pop3LogonResult Fail(string? responseCode, string text) => new(null, null, Pop3Response.Err(text, responseCode));

    /// <summary>Unknown user or wrong password, told apart for nobody (RFC 3206 §4: [AUTH]).</summary>
    public static Pop3LogonResult InvalidCredentials() => new(null, null, Pop3Responses.InvalidCredentials);

    /// <summary>Another session holds the maildrop lock (RFC 1939 §4, RFC 2449 §8.1.2: [IN-USE]).</summary>
    public static Pop3LogonResult InUse(string text = "maildrop is locked by another session") => Fail(Pop3ResponseCodes.InUse, text);

    /// <summary>The administrator locked the mailbox or its domain (winpop lock): [AUTH], as the user must act.</summary>
    public static Pop3LogonResult MailboxLocked(string text = "mailbox is locked by the administrator") => Fail(Pop3ResponseCodes.Auth, text);

    /// <summary>The user logged on too recently (RFC 2449 §8.1.1: [LOGIN-DELAY]).</summary>
    public static Pop3LogonResult LoginDelay(string text = "minimum time between logons has not elapsed") => Fail(Pop3ResponseCodes.LoginDelay, text);

    /// <summary>A temporary system problem (RFC 3206 §3: [SYS/TEMP]).</summary>
    public static Pop3LogonResult TemporaryFailure(string text) => Fail(Pop3ResponseCodes.SysTemp, text);

    /// <summary>A permanent system problem (RFC 3206 §3: [SYS/PERM]).</summary>
    public static Pop3LogonResult PermanentFailure(string text) => Fail(Pop3ResponseCodes.SysPerm, text);
}
