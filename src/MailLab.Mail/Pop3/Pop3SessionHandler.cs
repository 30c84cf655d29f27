using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// Logs a POP3 session on with the service's authentication method and locks the user's maildrop.
/// With local accounts a logon name is the full address, or a bare user name (completed with the
/// host's domain, or found among the POP3 mailboxes, whose local user names are unique); with the
/// directory, a user name or address of the organisation's directory; with the password file it
/// must be the full address.
/// </summary>
internal sealed class Pop3SessionHandler : IPop3ServerHandler
{
    private readonly Pop3Service _service;
    private readonly Pop3TraceObserver _trace;

    public Pop3SessionHandler(Pop3Service service, Pop3TraceObserver trace)
    {
        _service = service;
        _trace = trace;
    }

    public Pop3LogonResult Logon(Pop3Credentials credentials)
    {
        var throttle = _service.LogonThrottle;
        if (throttle.Wait(credentials.UserName) is { } wait)
        {
            return Pop3LogonResult.LoginDelay($"too many failed logons; try again in {Math.Ceiling(wait.TotalSeconds):0} seconds");
        }

        var address = _service.AuthenticationMethod switch
        {
            Pop3AuthenticationMethod.EncryptedPasswordFile => CheckPasswordFile(credentials),
            Pop3AuthenticationMethod.ActiveDirectoryIntegrated => CheckDirectory(credentials),
            _ => CheckAccounts(credentials),
        };
        if (address is null)
        {
            // RFC 3206 §4: [AUTH] for an unknown user and a wrong password alike, so names cannot be probed.
            throttle.Failed(credentials.UserName);
            return Pop3LogonResult.InvalidCredentials();
        }

        throttle.Succeeded(credentials.UserName);

        if (_service.IsMailboxLocked(address))
        {
            return Pop3LogonResult.MailboxLocked();
        }

        var host = _service.Host;
        var mailbox = host.Mailboxes.Find(address) ?? host.Mailboxes.Create(address);
        if (!_service.MaildropLocks.TryAcquire(mailbox.Address, _trace.SessionId))
        {
            return Pop3LogonResult.InUse();
        }

        var maildrop = new Pop3Maildrop(_service, mailbox, address, _trace.SessionId);
        _trace.Maildrop = maildrop;
        return Pop3LogonResult.Success(maildrop, address);
    }

    /// <summary>Salted hashes answer only the cleartext mechanisms: APOP and CRAM-MD5 need the clear secret.</summary>
    private string? CheckPasswordFile(Pop3Credentials credentials)
    {
        if (!credentials.UserName.Contains('@')
            || !Pop3LogonMechanisms.IsCleartext(credentials.Mechanism)
            || credentials.Password is null
            || _service.FindMailbox(credentials.UserName) is not { } mailbox
            || !_service.PasswordFile.Verify(mailbox.Address, credentials.Password))
        {
            return null;
        }

        return mailbox.Address;
    }

    /// <summary>
    /// The organisation's directory knows the users of all its hosts; those with a mailbox here log
    /// on (by user name or full address). A local account not yet migrated (winpop migrateToAD) does not.
    /// </summary>
    private string? CheckDirectory(Pop3Credentials credentials)
    {
        var account = _service.Directory.FindLogon(credentials.UserName);
        if (account is null || !Accepts(account, credentials) || _service.FindMailbox(account.Address) is null)
        {
            return null;
        }

        return account.Address;
    }

    /// <summary>An account that kept only its password hash (restored from a saved configuration) answers cleartext mechanisms only.</summary>
    private static bool Accepts(Accounts.MailAccount account, Pop3Credentials credentials) => account.Password is { } secret
        ? credentials.Matches(secret)
        : Pop3LogonMechanisms.IsCleartext(credentials.Mechanism) && credentials.Password is { } password && account.Verify(password);

    private string? CheckAccounts(Pop3Credentials credentials)
    {
        var host = _service.Host;
        var account = host.Accounts.FindLogon(credentials.UserName, host.Name);
        if (account is null && !credentials.UserName.Contains('@'))
        {
            var name = credentials.UserName.ToLowerInvariant();
            var owner = _service.Domains.SelectMany(_service.MailboxesOf).FirstOrDefault(m => m.UserName == name);
            account = owner is null ? null : host.Accounts.Find(owner.Address);
        }

        if (account is null || !Accepts(account, credentials))
        {
            return null;
        }

        // In a POP3 domain only its mailboxes log on; hosts without POP3 domains serve every account.
        if (_service.FindDomain(account.Domain) is not null && _service.FindMailbox(account.Address) is null)
        {
            return null;
        }

        return account.Address;
    }
}
