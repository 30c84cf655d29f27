using System.Security.Cryptography;
using System.Text;

namespace MailLab.Protocol.Pop3;

/// <summary>
/// What a client offered to log on. <see cref="Mechanism"/> is one of <see cref="Pop3LogonMechanisms"/>:
/// USER/PASS, PLAIN and LOGIN carry <see cref="Password"/>; APOP carries the greeting's timestamp
/// banner as <see cref="Challenge"/> and the hex MD5 as <see cref="Digest"/>; CRAM-MD5 carries its
/// challenge and the hex HMAC-MD5.
/// </summary>
public sealed record Pop3Credentials(string Mechanism, string UserName, string? Password, string? Challenge = null, string? Digest = null)
{
    /// <summary>
    /// True when the credentials prove knowledge of <paramref name="secret"/>: the same password, or
    /// the digest that the secret gives for the challenge. Compared in constant time.
    /// </summary>
    public bool Matches(string secret)
    {
        var expected = Mechanism switch
        {
            Pop3LogonMechanisms.UserPass or Pop3LogonMechanisms.Plain or Pop3LogonMechanisms.Login => secret,
            Pop3LogonMechanisms.Apop when Challenge is not null => ApopDigest(Challenge, secret),
            Pop3LogonMechanisms.CramMd5 when Challenge is not null => Common.CramMd5.Digest(secret, Challenge),
            _ => null,
        };
        var offered = Mechanism is Pop3LogonMechanisms.Apop or Pop3LogonMechanisms.CramMd5 ? Digest?.ToLowerInvariant() : Password;
        return expected is not null
            && offered is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(offered));
    }

    /// <summary>RFC 1939 §7: the lowercase hex MD5 of the timestamp banner (with its angle brackets) followed by the secret.</summary>
    public static string ApopDigest(string banner, string secret) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(banner + secret)));

    /// <summary>Never shows the password or digest, so credentials can be logged.</summary>
    public override string ToString() => $"{Mechanism} {UserName}";
}
