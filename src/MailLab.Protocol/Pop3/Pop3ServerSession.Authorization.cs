namespace MailLab.Protocol.Pop3;

/// <summary>USER/PASS and APOP (RFC 1939 §7) and what every successful logon does.</summary>
public sealed partial class Pop3ServerSession
{
    private string? _pendingUser;

    /// <summary>False under "Require Secure Password Authentication" until TLS is up.</summary>
    private bool CleartextAllowed => _options.AllowCleartextLogin || Context.IsSecure;

    private void User(string argument)
    {
        if (!CleartextAllowed)
        {
            Reply(Pop3Responses.CleartextRefused);
            return;
        }

        if (argument.Length == 0)
        {
            Reply(Pop3Responses.Syntax("USER name"));
            return;
        }

        // The user is not looked up here: telling unknown names from known ones would help guessing.
        _pendingUser = argument;
        Reply(Pop3Responses.UserAccepted);
    }

    private void Pass(string argument, string? pendingUser, bool hasArgument)
    {
        if (!CleartextAllowed)
        {
            Reply(Pop3Responses.CleartextRefused);
        }
        else if (pendingUser is null)
        {
            Reply(Pop3Responses.SendUserFirst);
        }
        else if (!hasArgument)
        {
            Reply(Pop3Responses.Syntax("PASS string"));
        }
        else
        {
            // RFC 1939 §7: PASS has one argument, so spaces in it belong to the password.
            Logon(new Pop3Credentials(Pop3LogonMechanisms.UserPass, pendingUser, argument));
        }
    }

    /// <summary>APOP name digest: the digest is MD5 of the greeting's banner followed by the secret.</summary>
    private void Apop(string argument)
    {
        var space = argument.LastIndexOf(' ');
        var digest = space < 0 ? string.Empty : argument[(space + 1)..];
        if (space <= 0 || digest.Length != 32 || !digest.All(char.IsAsciiHexDigit))
        {
            Reply(Pop3Responses.Syntax("APOP name digest"));
            return;
        }

        Logon(new Pop3Credentials(Pop3LogonMechanisms.Apop, argument[..space], null, TimestampBanner, digest.ToLowerInvariant()));
    }

    /// <summary>
    /// Asks the handler; on success the maildrop is locked and the session enters TRANSACTION
    /// (RFC 1939 §4). On failure the session stays in AUTHORIZATION and the client may try again.
    /// </summary>
    private void Logon(Pop3Credentials credentials)
    {
        var result = _handler.Logon(credentials);
        if (result.Maildrop is not { } maildrop)
        {
            Reply(result.Failure ?? Pop3Responses.InvalidCredentials);
            return;
        }

        _maildrop = maildrop;
        _deleted = new bool[maildrop.Count];
        State = Pop3SessionState.Transaction;
        Context.AuthenticatedUser = result.UserName ?? credentials.UserName;
        Context.LogonMechanism = credentials.Mechanism;
        var (count, octets) = Totals();
        Reply(Pop3Responses.MaildropSummary(count, octets));
    }
}
