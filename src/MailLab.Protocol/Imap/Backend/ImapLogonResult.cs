namespace MailLab.Protocol.Imap.Backend;

/// <summary>Why a logon failed.</summary>
public enum ImapLogonFailure
{
    None,

    /// <summary>Unknown user or wrong password: <c>NO [AUTHENTICATIONFAILED]</c>.</summary>
    InvalidCredentials,

    /// <summary>The credentials are right but the account may not log in: <c>NO [AUTHORIZATIONFAILED]</c>.</summary>
    AccountDisabled,

    /// <summary>The mailbox cannot be opened now (store offline, locked): <c>NO [UNAVAILABLE]</c>.</summary>
    Unavailable,
}

/// <summary>The outcome of <see cref="IImapBackend.Authenticate"/>: an account, or why not.</summary>
public sealed class ImapLogonResult
{
    private ImapLogonResult(IImapAccount? account, ImapLogonFailure failure, string? text)
    {
        Account = account;
        Failure = failure;
        Text = text;
    }

    public IImapAccount? Account { get; }

    public ImapLogonFailure Failure { get; }

    /// <summary>Human-readable text for the NO response; null uses the session's default.</summary>
    public string? Text { get; }

    public bool Succeeded => Account is not null;

    public static ImapLogonResult Success(IImapAccount account) => new(account, ImapLogonFailure.None, null);

    public static ImapLogonResult Failed(ImapLogonFailure failure, string? text = null) => new(null, failure, text);
}
