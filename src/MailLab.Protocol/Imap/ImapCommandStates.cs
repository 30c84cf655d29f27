namespace MailLab.Protocol.Imap;

/// <summary>The states a command is valid in (RFC 9051 §6).</summary>
[Flags]
internal enum ImapCommandStates
{
    NotAuthenticated = 1,
    Authenticated = 2,
    Selected = 4,
    Any = NotAuthenticated | Authenticated | Selected,
    LoggedIn = Authenticated | Selected,
}
