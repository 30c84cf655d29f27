namespace MailLab.Mail.Exchange;

/// <summary>
/// One session logged on to a mailbox, as ESM's Logons node lists it (Exchange_Logon: the logged-on
/// account, the client's protocol and address, the logon time, docs/EXCHANGE-2003.md [110][111]).
/// </summary>
public sealed record ExchangeLogon(long SessionId, string Address, string Protocol, string? ClientAddress, DateTimeOffset Since);
