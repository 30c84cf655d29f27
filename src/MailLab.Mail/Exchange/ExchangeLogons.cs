using MailLab.Mail.World;

namespace MailLab.Mail.Exchange;

/// <summary>
/// What the POP3 and IMAP4 logon paths ask of an Exchange host: whether the user's mailbox can be
/// opened (its store mounted, the Information Store running; a dismounted store: "no users can
/// access it", docs/EXCHANGE-2003.md [62]), and the Logons node's entries. No source gives Exchange
/// 2003's POP3 or IMAP4 reply for an unavailable store; the texts are MailLab's (chosen). Later
/// versions answer "-ERR Server Unavailable. 21" and "NO Server Unavailable. 15" when the mailbox
/// server cannot be reached (docs/EXCHANGE-2003.md, section 5).
/// </summary>
public static class ExchangeLogons
{
    /// <summary>
    /// On an Exchange host the POP3 and IMAP listeners are Exchange's "Microsoft Exchange POP3" and
    /// "Microsoft Exchange IMAP4" (Disabled by default; "If this service is stopped, clients cannot
    /// connect to this computer using IMAP4", technet bb124644, docs/EXCHANGE-2003.md section 1).
    /// Windows refuses the TCP connection when nothing listens; MailLab keeps the listener and ends
    /// each new session at once with the service's status (chosen: a lab sees why, and the host's
    /// listener keeps its port across a stop and start). Paused takes no new connections either.
    /// Null when the service runs, or the host is no Exchange server.
    /// </summary>
    public static string? ProtocolNotRunning(MailHost host, string service) =>
        host.Exchange?.Services.Find(service) is { Status: not Services.ServiceStatus.Running } found
            ? $"{found.DisplayName} is {found.Status.ToString().ToLowerInvariant()}"
            : null;

    /// <summary>Why the logon must be refused, as the reply's text; null when the mailbox is available (or the host is no Exchange server).</summary>
    public static string? Refusal(MailHost host, string address) =>
        host.Exchange?.Unavailable(address) is { } reason ? $"The mailbox {address} is not available now: {reason}." : null;

    public static void LoggedOn(MailHost host, long sessionId, string address, string protocol, string? clientAddress) =>
        host.Exchange?.LoggedOn(sessionId, address, protocol, clientAddress);

    public static void LoggedOff(MailHost host, long sessionId) => host.Exchange?.LoggedOff(sessionId);
}
