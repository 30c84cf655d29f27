using System.Globalization;
using System.Security.Cryptography;

namespace MailLab.Protocol.Pop3;

/// <summary>
/// Builds the timestamp banner of the greeting (RFC 1939 §7, APOP) and CRAM-MD5 challenges
/// (RFC 2195 §2): both have the msg-id form <c>&lt;nonce.clock@host&gt;</c>, which RFC 1939
/// spells <c>&lt;process-ID.clock@hostname&gt;</c>, and must differ for every use.
/// </summary>
public static class Pop3Challenge
{
    public static string Create(Pop3ServerOptions options)
    {
        var clock = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"<{options.NonceGenerator()}.{clock}@{options.HostName}>";
    }

    /// <summary>Eight random octets in hex.</summary>
    public static string RandomNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
