namespace MailLab.Protocol.Imap;

/// <summary>The four states of RFC 9051 §3.</summary>
public enum ImapSessionState
{
    NotAuthenticated,
    Authenticated,
    Selected,
    Logout,
}
