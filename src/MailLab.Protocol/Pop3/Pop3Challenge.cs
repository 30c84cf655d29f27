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
    public static string Create(Pop3ServerOptions options) => Create(options.HostName, options.TimeProvider, options.NonceGenerator);

    /// <summary>The same form for any protocol's CRAM-MD5 (IMAP's AUTHENTICATE uses it too).</summary>
    public static string Create(string hostName, TimeProvider clock, Func<string> nonce)
    {
        var seconds = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"<{nonce()}.{seconds}@{hostName}>";
    }

    /// <summary>Eight random octets in hex.</summary>
    public static string RandomNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
