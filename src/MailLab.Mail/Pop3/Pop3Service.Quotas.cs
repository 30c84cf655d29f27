namespace MailLab.Mail.Pop3;

/// <summary>
/// Mailbox quotas as the Windows Server 2003 POP3 service has them: NTFS disk quotas on the mail
/// root's volume. How MailLab models them:
/// <list type="bullet">
/// <item><c>winpop createquotafile User@Domain [/user:UserName]</c> writes a quota file into that one
/// mailbox's folder (P3_user.mbx). The file names a user (Windows keeps the SID); the mail files
/// delivered into the mailbox are then owned by that user, so NTFS charges them to that user's disk
/// quota. A quota file is therefore per mailbox (<see cref="Pop3Mailbox.QuotaOwner"/>), and the
/// limit is per user (<see cref="QuotaLimitOf"/>): mailboxes whose quota files name the same user
/// (/user:) share one limit and one usage.</item>
/// <item>A user the volume has no quota entry for gets the volume's default limit
/// (<see cref="DefaultQuotaBytes"/>, NTFS "Limit disk space to" for new users); the API and the
/// topology file set a user's own limit.</item>
/// <item>A mailbox without a quota file has no quota: its mail belongs to the service's account,
/// which disk quotas do not limit.</item>
/// <item>Over quota the mailbox's user is not told: SMTP refuses the recipient (552 5.2.2, RFC 3463
/// §3.3 "mailbox full") and the relaying server returns an NDR to the sender (docs/REFERENCE.md, "Quotas").</item>
/// </list>
/// </summary>
public sealed partial class Pop3Service
{
    /// <summary>The default limit of a new quota file's user: 10 MB (an administrator's choice; Windows has no fixed default).</summary>
    public const long DefaultQuotaLimit = 10L * 1024 * 1024;

    private readonly Dictionary<string, long> _quotaLimits = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The volume's default limit for users that have no quota entry of their own yet.</summary>
    public long DefaultQuotaBytes
    {
        get => Settings.DefaultQuotaBytes;
        set => Configure(s => s with { DefaultQuotaBytes = value >= 1 ? value : throw new Pop3AdminException("A quota limit is at least 1 byte.") });
    }

    /// <summary>
    /// winpop createquotafile: the mailbox's mail is charged to <paramref name="userName"/> (by
    /// default the mailbox's own user), who must be a known user. Returns the quota now in force.
    /// </summary>
    public Pop3Quota CreateQuotaFile(string address, string? userName)
    {
        lock (_gate)
        {
            var mailbox = RequireMailbox(address);
            var owner = string.IsNullOrWhiteSpace(userName) ? mailbox.UserName : userName.Trim().ToLowerInvariant();
            if (owner != mailbox.UserName && !IsKnownUser(owner))
            {
                throw new Pop3AdminException($"There is no user {owner}.");
            }

            mailbox.QuotaOwner = owner;
            _quotaLimits.TryAdd(owner, DefaultQuotaBytes);
            return QuotaOfLocked(mailbox)!;
        }
    }

    /// <summary>
    /// Sets the disk quota of the mailbox's quota-file user (creating the quota file for the
    /// mailbox's own user when it has none): the API's and the topology file's way to size a quota.
    /// </summary>
    public Pop3Quota SetQuota(string address, long limitBytes)
    {
        if (limitBytes < 1)
        {
            throw new Pop3AdminException("A quota limit is at least 1 byte.");
        }

        lock (_gate)
        {
            var mailbox = RequireMailbox(address);
            mailbox.QuotaOwner ??= mailbox.UserName;
            _quotaLimits[mailbox.QuotaOwner] = limitBytes;
            return QuotaOfLocked(mailbox)!;
        }
    }

    /// <summary>The mailbox's quota, or null while it has no quota file.</summary>
    public Pop3Quota? QuotaOf(Pop3Mailbox mailbox)
    {
        lock (_gate)
        {
            return QuotaOfLocked(mailbox);
        }
    }

    /// <summary>A user's disk quota limit on the mail root's volume.</summary>
    public long QuotaLimitOf(string owner)
    {
        lock (_gate)
        {
            return _quotaLimits.GetValueOrDefault(owner, DefaultQuotaBytes);
        }
    }

    /// <summary>True when the mailbox's quota is used up (SMTP then refuses the recipient with 552 5.2.2).</summary>
    public bool IsOverQuota(string address) => FindMailbox(address) is { } mailbox && QuotaOf(mailbox) is { IsFull: true };

    private Pop3Quota? QuotaOfLocked(Pop3Mailbox mailbox)
    {
        if (mailbox.QuotaOwner is not { } owner)
        {
            return null;
        }

        // Every mailbox whose quota file names the owner, every IMAP folder of it (each folder's copy
        // is a file of its own): NTFS counts all files the owner owns.
        var used = _domains.Values.SelectMany(d => d.Mailboxes.Values)
            .Where(m => string.Equals(m.QuotaOwner, owner, StringComparison.OrdinalIgnoreCase))
            .Sum(m => Host.Mailboxes.Find(m.Address)?.TotalSize ?? 0);
        return new Pop3Quota(owner, _quotaLimits.GetValueOrDefault(owner, DefaultQuotaBytes), used);
    }

    /// <summary>A user the host knows: a mailbox's user, a local account, a directory account or a quota entry.</summary>
    private bool IsKnownUser(string name) =>
        _quotaLimits.ContainsKey(name)
        || _domains.Values.Any(d => d.Mailboxes.ContainsKey(name))
        || Host.Accounts.All.Any(a => a.UserName == name)
        || Directory.FindByName(name) is not null;
}
