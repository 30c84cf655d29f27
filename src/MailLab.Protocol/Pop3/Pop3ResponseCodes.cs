namespace MailLab.Protocol.Pop3;

/// <summary>
/// Extended response codes (RFC 2449 §8, RFC 3206), sent in brackets after <c>-ERR</c> and
/// advertised with the RESP-CODES and AUTH-RESP-CODE capabilities.
/// </summary>
public static class Pop3ResponseCodes
{
    /// <summary>RFC 2449 §8.1.2: the maildrop is locked by another session.</summary>
    public const string InUse = "IN-USE";

    /// <summary>RFC 2449 §8.1.1: the user logged on too recently.</summary>
    public const string LoginDelay = "LOGIN-DELAY";

    /// <summary>RFC 3206 §4: the failure is about the credentials or the account, so asking the user may help.</summary>
    public const string Auth = "AUTH";

    /// <summary>RFC 3206 §3: a temporary system problem; trying later may help.</summary>
    public const string SysTemp = "SYS/TEMP";

    /// <summary>RFC 3206 §3: a permanent system problem; trying later will not help.</summary>
    public const string SysPerm = "SYS/PERM";
}
