using MailLab.Mail.Pop3;
using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Imap;

/// <summary>
/// One IMAP session's view of the host's store (<see cref="IImapBackend"/>): logon with the POP3
/// service's authentication method and logon throttle (<see cref="Pop3AccountCheck"/>), then the
/// user's <see cref="Stores.Mailbox"/> as an <see cref="ImapAccount"/>. The special-use folders are
/// created at the first logon. An administrator's mailbox lock (winpop lock) refuses the logon
/// with [UNAVAILABLE]; the RFC 1939 maildrop lock of a POP3 session does not (see <see cref="Pop3Maildrop"/>).
/// </summary>
internal sealed class ImapBackend(ImapService service, ImapTraceObserver trace) : IImapBackend
{
    public ImapLogonResult Authenticate(string user, string password)
    {
        var pop3 = service.Host.Pop3;
        var throttle = pop3.LogonThrottle;
        if (throttle.Wait(user) is { } wait)
        {
            return ImapLogonResult.Failed(ImapLogonFailure.Unavailable, $"Too many failed logons; try again in {Math.Ceiling(wait.TotalSeconds):0} seconds");
        }

        var address = Pop3AccountCheck.Check(pop3, new Pop3Credentials(Pop3LogonMechanisms.Plain, user, password));
        if (address is null)
        {
            throttle.Failed(user);
            return ImapLogonResult.Failed(ImapLogonFailure.InvalidCredentials);
        }

        throttle.Succeeded(user);
        if (pop3.IsMailboxLocked(address))
        {
            return ImapLogonResult.Failed(ImapLogonFailure.Unavailable, "The mailbox is locked by the administrator");
        }

        if (Recipients.ExchangeFeatures.Refusal(service.Host, address, Recipients.ExchangeFeatures.Imap4) is { } disabled)
        {
            return ImapLogonResult.Failed(ImapLogonFailure.Unavailable, disabled);
        }

        var host = service.Host;
        if (Exchange.ExchangeLogons.Refusal(host, address) is { } unavailable)
        {
            // The store is dismounted or the Information Store stopped: NO [UNAVAILABLE] (RFC 5530 §3).
            return ImapLogonResult.Failed(ImapLogonFailure.Unavailable, unavailable);
        }

        var mailbox = host.Mailboxes.Find(address) ?? host.Mailboxes.Create(address);
        mailbox.EnsureDefaultFolders();
        var account = new ImapAccount(service, mailbox, trace);
        trace.Account = account;
        Exchange.ExchangeLogons.LoggedOn(host, trace.SessionId, mailbox.Address, "IMAP4", trace.Peer);
        return ImapLogonResult.Success(account);
    }

    public bool TryGetPassword(string user, out string password)
    {
        password = Pop3AccountCheck.ClearSecret(service.Host.Pop3, user) ?? string.Empty;
        return password.Length > 0;
    }
}
