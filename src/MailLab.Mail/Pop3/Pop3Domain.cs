namespace MailLab.Mail.Pop3;

/// <summary>A POP3 e-mail domain: its mailboxes and the administrator's lock on all of them.</summary>
public sealed class Pop3Domain
{
    internal Pop3Domain(string name, bool addedToSmtp)
    {
        Name = name;
        AddedToSmtp = addedToSmtp;
    }

    public string Name { get; }

    /// <summary>Locking a domain locks every mailbox in it (they still receive mail).</summary>
    public bool IsLocked { get; internal set; }

    /// <summary>True when creating it added a Local (Alias) domain to the SMTP virtual servers (removed with it).</summary>
    internal bool AddedToSmtp { get; }

    internal Dictionary<string, Pop3Mailbox> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);
}
