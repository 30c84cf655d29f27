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
    private const string Scheme = "pbkdf2-sha256";
    private readonly ConcurrentDictionary<string, (byte[] Salt, byte[] Hash)> _entries = new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(string address) => _entries.ContainsKey(address);

    public void Set(string address, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        _entries[address] = (salt, Derive(password, salt));
    }

    /// <summary>An entry as the topology file keeps it: <c>pbkdf2-sha256:100000:salt:hash</c> (Base64), never the password.</summary>
    public string? Export(string address) =>
        _entries.TryGetValue(address, out var entry)
            ? $"{Scheme}:{Iterations}:{Convert.ToBase64String(entry.Salt)}:{Convert.ToBase64String(entry.Hash)}"
            : null;

    /// <summary>Restores an entry written by <see cref="Export"/>; anything else is refused with the expected form.</summary>
    public void Import(string address, string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 4 || parts[0] != Scheme || parts[1] != Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || !TryBase64(parts[2], SaltSize, out var salt) || !TryBase64(parts[3], HashSize, out var hash))
        {
            throw new Pop3AdminException($"A password hash has the form {Scheme}:{Iterations}:<16-byte salt, Base64>:<32-byte hash, Base64>.");
        }

        _entries[address] = (salt, hash);
    }

    public bool Remove(string address) => _entries.TryRemove(address, out _);

    public bool Verify(string address, string password) =>
        _entries.TryGetValue(address, out var entry)
        && CryptographicOperations.FixedTimeEquals(entry.Hash, Derive(password, entry.Salt));

    private static bool TryBase64(string text, int size, out byte[] bytes)
    {
        bytes = new byte[size];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == size;
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashSize);
}
