namespace MailLab.Protocol.Pop3;

/// <summary>What one POP3 session offers and enforces, fixed when the connection opens.</summary>
public sealed record Pop3ServerOptions
{
    /// <summary>The name in the greeting, the APOP banner and QUIT's response.</summary>
    public string HostName { get; init; } = "localhost";

    /// <summary>Whether STLS can be offered (a certificate is available).</summary>
    public bool TlsAvailable { get; init; }

    /// <summary>
    /// False is the Windows POP3 service's "Require Secure Password Authentication": USER/PASS and
    /// AUTH PLAIN/LOGIN are refused with <c>-ERR [AUTH]</c> outside TLS; APOP and CRAM-MD5 still work.
    /// </summary>
    public bool AllowCleartextLogin { get; init; } = true;

    /// <summary>
    /// SASL mechanisms for AUTH (RFC 5034), listed by CAPA; empty means AUTH is not offered. Only
    /// those in <see cref="Pop3LogonMechanisms.Sasl"/> are implemented; others are ignored.
    /// </summary>
    public IReadOnlyList<string> SaslMechanisms { get; init; } = Pop3LogonMechanisms.Sasl;

    /// <summary>The clock part of the APOP banner and CRAM-MD5 challenges.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The unpredictable part of the APOP banner and CRAM-MD5 challenges (RFC 1939 §7 uses the
    /// process id; a random value does the same job better). Tests inject a fixed one.
    /// </summary>
    public Func<string> NonceGenerator { get; init; } = Common.MsgIdChallenge.RandomNonce;
}
