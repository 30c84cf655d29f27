namespace MailLab.Mail.Stores;

/// <summary>The IMAP system flags (RFC 9051 §2.3.2) a folder keeps per message; keywords are kept beside them.</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    Seen = 1,
    Answered = 2,
    Flagged = 4,
    Deleted = 8,
    Draft = 16,
}

/// <summary>How a flag change applies (IMAP STORE FLAGS, +FLAGS, -FLAGS).</summary>
public enum FlagOperation
{
    Replace,
    Add,
    Remove,
}
