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

        var address = Pop3AccountCheck.Check(_service, credentials);
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

        if (Recipients.ExchangeFeatures.Refusal(_service.Host, address, Recipients.ExchangeFeatures.Pop3) is { } disabled)
        {
            return Pop3LogonResult.MailboxLocked(disabled);
        }

        var host = _service.Host;
        if (Exchange.ExchangeLogons.Refusal(host, address) is { } unavailable)
        {
            // The store is dismounted or the Information Store stopped: try again later (RFC 3206 §3 [SYS/TEMP]).
            return Pop3LogonResult.TemporaryFailure(unavailable);
        }

        var mailbox = host.Mailboxes.Find(address) ?? host.Mailboxes.Create(address);
        if (!_service.MaildropLocks.TryAcquire(mailbox.Address, _trace.SessionId))
        {
            return Pop3LogonResult.InUse();
        }

        var maildrop = new Pop3Maildrop(_service, mailbox, address, _trace.SessionId);
        _trace.Maildrop = maildrop;
        Exchange.ExchangeLogons.LoggedOn(host, _trace.SessionId, mailbox.Address, "POP3", _trace.Peer);
        return Pop3LogonResult.Success(maildrop, address);
    }
}
