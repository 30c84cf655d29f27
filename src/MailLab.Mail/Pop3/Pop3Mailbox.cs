namespace MailLab.Mail.Pop3;

/// <summary>A POP3 mailbox (P3_&lt;user&gt;.mbx in the store) and its administrative state.</summary>
public sealed class Pop3Mailbox
{
    internal Pop3Mailbox(Pop3Domain domain, string userName)
    {
        Domain = domain;
        UserName = userName.ToLowerInvariant();
    }

    public Pop3Domain Domain { get; }

    public string UserName { get; }

    public string Address => $"{UserName}@{Domain.Name}";

    /// <summary>Its own lock; the domain's lock applies on top (<see cref="IsLocked"/>).</summary>
    public bool IsOwnLocked { get; internal set; }

    public bool IsLocked => IsOwnLocked || Domain.IsLocked;

    /// <summary>
    /// The user named by the mailbox's quota file (winpop createquotafile [/user:]), whose disk quota
    /// its mail is charged to; null while there is no quota file. See Pop3Service.Quotas.cs.
    /// </summary>
    public string? QuotaOwner { get; internal set; }

    /// <summary>The folder in the store, as the Windows POP3 service lays it out.</summary>
    public string StorePath(string mailRoot) => $"{mailRoot}\\{Domain.Name}\\P3_{UserName}.mbx";
}
