namespace MailLab.Mail.Accounts;

/// <summary>A user account with a mailbox on a host.</summary>
public sealed class MailAccount
{
    private string? _password;
    private PasswordHash? _hash;

    public MailAccount(string address, string password)
    {
        Address = address.ToLowerInvariant();
        _password = password;
    }

    /// <summary>An account restored from a saved configuration, which keeps the salted hash and not the password.</summary>
    public MailAccount(string address, PasswordHash hash)
    {
        Address = address.ToLowerInvariant();
        _hash = hash;
    }

    /// <summary>user@domain.</summary>
    public string Address { get; }

    public string UserName => Address[..Address.IndexOf('@')];

    public string Domain => Address[(Address.IndexOf('@') + 1)..];

    /// <summary>
    /// Kept in clear so that CRAM-MD5 and APOP can be verified (RFC 2195 and RFC 1939 need the
    /// shared secret). Null for an account restored from a saved configuration (a data directory's
    /// topology.yaml keeps only <see cref="Hash"/>): it logs on with cleartext mechanisms only until
    /// its password is set again.
    /// </summary>
    public string? Password
    {
        get => Volatile.Read(ref _password);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _password, value);
            Volatile.Write(ref _hash, null);
        }
    }

    /// <summary>The salted hash of the password, computed once per password (PBKDF2 is slow on purpose).</summary>
    public PasswordHash Hash
    {
        get
        {
            if (Volatile.Read(ref _hash) is { } hash)
            {
                return hash;
            }

            hash = PasswordHash.Of(Password!);
            Volatile.Write(ref _hash, hash);
            return hash;
        }
    }

    /// <summary>Checks a password given in clear: against the password, or against the hash when that is all there is.</summary>
    public bool Verify(string password) => Password is { } clear
        ? System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(clear), System.Text.Encoding.UTF8.GetBytes(password))
        : Hash.Verify(password);
}
