namespace MailLab.Mail.Pop3;

/// <summary>A mailbox's quota: the user its quota file names, that user's limit and what that user's mail already takes.</summary>
public sealed record Pop3Quota(string Owner, long LimitBytes, long UsedBytes)
{
    /// <summary>Full: SMTP refuses further mail for the mailbox with 552 5.2.2.</summary>
    public bool IsFull => UsedBytes >= LimitBytes;
}
