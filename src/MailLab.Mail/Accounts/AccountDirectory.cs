using System.Collections.Concurrent;

namespace MailLab.Mail.Accounts;

/// <summary>A host's accounts: who may log on (SMTP AUTH now, POP3/IMAP later) and who has a mailbox.</summary>
public sealed class AccountDirectory
{
    private readonly ConcurrentDictionary<string, MailAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<MailAccount> All => _accounts.Values.OrderBy(a => a.Address, StringComparer.Ordinal).ToArray();

    public MailAccount Add(string address, string password)
    {
        if (address.Count(c => c == '@') != 1 || address.StartsWith('@') || address.EndsWith('@'))
        {
            throw new ArgumentException($"\"{address}\" is not user@domain.", nameof(address));
        }

        return Add(new MailAccount(address, password));
    }

    /// <summary>Adds an account made elsewhere (one restored with only its password hash).</summary>
    public MailAccount Add(MailAccount account)
    {
        if (!_accounts.TryAdd(account.Address, account))
        {
            throw new InvalidOperationException($"The account \"{account.Address}\" already exists.");
        }

        return account;
    }

    public MailAccount? Find(string address) => _accounts.GetValueOrDefault(address);

    public bool Remove(string address) => _accounts.TryRemove(address, out _);

    /// <summary>
    /// Resolves a logon name: a full address, or a bare user name completed with
    /// <paramref name="defaultDomain"/> (IIS Basic authentication's default domain).
    /// </summary>
    public MailAccount? FindLogon(string userName, string? defaultDomain)
    {
        if (userName.Contains('@'))
        {
            return Find(userName);
        }

        return defaultDomain is null ? null : Find($"{userName}@{defaultDomain}");
    }

    public static bool PasswordMatches(MailAccount account, string password) => account.Verify(password);

    /// <summary>RFC 2195: the digest is HMAC-MD5 of the challenge keyed with the password, in lowercase hex.
    /// An account that kept only its password hash cannot answer (the digest needs the clear secret).</summary>
    public static bool CramMd5Matches(MailAccount account, string challenge, string digest) =>
        account.Password is { } secret && Protocol.Common.CramMd5.Matches(secret, challenge, digest);
}
