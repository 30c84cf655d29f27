using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MailLab.Mail.Pop3;

/// <summary>
/// The encrypted password file: one salted PBKDF2-SHA256 hash per full address, never the
/// password. A hash cannot answer APOP or CRAM-MD5 (both need the clear secret, RFC 1939 §7,
/// RFC 2195 §2), so with this method only cleartext mechanisms can log on.
/// </summary>
public sealed class Pop3PasswordFile
{
    private const int Iterations = 100_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;
    private readonly ConcurrentDictionary<string, (byte[] Salt, byte[] Hash)> _entries = new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(string address) => _entries.ContainsKey(address);

    public void Set(string address, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        _entries[address] = (salt, Derive(password, salt));
    }

    public bool Remove(string address) => _entries.TryRemove(address, out _);

    public bool Verify(string address, string password) =>
        _entries.TryGetValue(address, out var entry)
        && CryptographicOperations.FixedTimeEquals(entry.Hash, Derive(password, entry.Salt));

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashSize);
}
