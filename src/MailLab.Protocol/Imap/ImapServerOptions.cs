namespace MailLab.Protocol.Imap;

/// <summary>What one IMAP session offers and enforces, fixed when the connection opens.</summary>
public sealed record ImapServerOptions
{
    /// <summary>The name in the greeting and the BYE at LOGOUT.</summary>
    public string HostName { get; init; } = "localhost";

    /// <summary>Whether STARTTLS can be offered (a certificate is available).</summary>
    public bool TlsAvailable { get; init; }

    /// <summary>The port is implicit TLS (993, RFC 8314): STARTTLS is not offered.</summary>
    public bool ImplicitTls { get; init; }

    /// <summary>
    /// Whether LOGIN and AUTHENTICATE PLAIN/LOGIN are allowed outside TLS. False advertises
    /// LOGINDISABLED and refuses them with <c>NO [PRIVACYREQUIRED]</c> until TLS (RFC 9051 §6.2.3);
    /// CRAM-MD5 still works.
    /// </summary>
    public bool AllowPlaintextWithoutTls { get; init; } = true;

    /// <summary>SASL mechanisms offered by AUTHENTICATE: any of PLAIN, LOGIN, CRAM-MD5.</summary>
    public IReadOnlyList<string> SaslMechanisms { get; init; } = ["PLAIN", "LOGIN", "CRAM-MD5"];

    /// <summary>
    /// Capabilities the host turns off (for example "IDLE", "MOVE", "CONDSTORE", "QRESYNC", "QUOTA",
    /// "LITERAL+"); names as in the CAPABILITY response. Turning one off also disables its commands.
    /// </summary>
    public IReadOnlySet<string> DisabledCapabilities { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True advertises LITERAL- (RFC 7888: non-synchronising literals of at most 4096 octets)
    /// instead of LITERAL+.
    /// </summary>
    public bool LiteralMinus { get; init; }

    /// <summary>The longest command line outside literals, in octets (RFC 7162 §4 asks for at least 8192).</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>
    /// The largest literal accepted. A larger one in APPEND gets <c>NO [TOOBIG]</c>; a larger
    /// synchronising literal elsewhere gets BAD; a larger non-synchronising one closes with BYE (RFC 7888 §4).
    /// </summary>
    public long MaxLiteralSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>The deepest nesting of parentheses in a command (search keys, lists).</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>APPENDLIMIT (RFC 7889) advertised when set; an account may have its own smaller one.</summary>
    public long? AppendLimit { get; init; }

    /// <summary>The autologout timer; RFC 9051 §5.4 asks for at least 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The clock for APPEND's default internal date and CRAM-MD5 challenges.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The unpredictable part of CRAM-MD5 challenges; tests inject a fixed one.</summary>
    public Func<string> NonceGenerator { get; init; } = Common.MsgIdChallenge.RandomNonce;

    public bool IsEnabled(string capability) => !DisabledCapabilities.Contains(capability);
}
