using System.Globalization;
using System.Security.Cryptography;

namespace MailLab.Protocol.Common;

/// <summary>
/// The challenges of the msg-id form <c>&lt;nonce.clock@host&gt;</c>: POP3's timestamp banner (RFC 1939
/// §7, APOP, which spells it <c>&lt;process-ID.clock@hostname&gt;</c>) and CRAM-MD5's challenge (RFC 2195
/// §2) in SMTP, POP3 and IMAP. Each must differ for every use.
/// </summary>
public static class MsgIdChallenge
{
    public static string Create(string hostName, TimeProvider clock, Func<string> nonce)
    {
        var seconds = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"<{nonce()}.{seconds}@{hostName}>";
    }

    /// <summary>Eight random octets in hex.</summary>
    public static string RandomNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
