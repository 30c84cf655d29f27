using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MailLab.Mail.Accounts;

/// <summary>
/// A salted PBKDF2-SHA256 password hash, written as <c>pbkdf2-sha256:100000:salt:hash</c> (Base64):
/// what the POP3 password file keeps and what a saved configuration keeps instead of a password.
/// A hash checks a password given in clear only: APOP and CRAM-MD5 need the clear secret
/// (RFC 1939 §7, RFC 2195 §2).
/// </summary>
public sealed class PasswordHash
{
    private const int Iterations = 100_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;
    private const string Scheme = "pbkdf2-sha256";

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    /// <summary>What <see cref="Parse"/> accepts, for error messages.</summary>
    public static string Form => $"{Scheme}:{Iterations}:<16-byte salt, Base64>:<32-byte hash, Base64>";

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public static PasswordHash Of(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new PasswordHash(salt, Derive(password, salt));
    }

    /// <summary>Reads a hash written by <see cref="ToString"/>; null for anything else.</summary>
    public static PasswordHash? Parse(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 4 && parts[0] == Scheme && parts[1] == Iterations.ToString(CultureInfo.InvariantCulture)
            && TryBase64(parts[2], SaltSize, out var salt) && TryBase64(parts[3], HashSize, out var hash)
            ? new PasswordHash(salt, hash)
            : null;
    }

    public bool Verify(string password) => CryptographicOperations.FixedTimeEquals(_hash, Derive(password, _salt));

    public override string ToString() =>
        $"{Scheme}:{Iterations}:{Convert.ToBase64String(_salt)}:{Convert.ToBase64String(_hash)}";

    private static bool TryBase64(string text, int size, out byte[] bytes)
    {
        bytes = new byte[size];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == size;
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashSize);
}
