using System.Security.Cryptography;
using System.Text;

namespace MailLab.Protocol.Common;

/// <summary>The CRAM-MD5 challenge-response of RFC 2195, for SMTP AUTH (RFC 4954) and POP3 AUTH (RFC 5034) alike.</summary>
public static class CramMd5
{
    /// <summary>RFC 2195 §2: the lowercase hex HMAC-MD5 of the challenge keyed with the secret.</summary>
    public static string Digest(string secret, string challenge) =>
        Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(challenge)));

    /// <summary>Whether <paramref name="offered"/> is the digest of the challenge (hex case ignored), compared in constant time.</summary>
    public static bool Matches(string secret, string challenge, string offered) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Digest(secret, challenge)), Encoding.ASCII.GetBytes(offered.ToLowerInvariant()));
}
