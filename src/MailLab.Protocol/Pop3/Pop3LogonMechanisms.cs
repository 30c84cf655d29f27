namespace MailLab.Protocol.Pop3;

/// <summary>The names of the ways a POP3 client can log on, as they appear in <see cref="Pop3Credentials.Mechanism"/>.</summary>
public static class Pop3LogonMechanisms
{
    /// <summary>USER and PASS (RFC 1939 §7): the password in the clear.</summary>
    public const string UserPass = "USER";

    /// <summary>APOP (RFC 1939 §7): the MD5 digest of the greeting's timestamp banner and the secret.</summary>
    public const string Apop = "APOP";

    /// <summary>AUTH PLAIN (RFC 4616): the password in the clear.</summary>
    public const string Plain = Common.Sasl.SaslMechanisms.Plain;

    /// <summary>AUTH LOGIN (draft-murchison-sasl-login): the password in the clear.</summary>
    public const string Login = Common.Sasl.SaslMechanisms.Login;

    /// <summary>AUTH CRAM-MD5 (RFC 2195): an HMAC-MD5 of a server challenge keyed with the secret.</summary>
    public const string CramMd5 = Common.Sasl.SaslMechanisms.CramMd5;

    /// <summary>The SASL mechanisms this server implements, in the order CAPA lists them.</summary>
    public static readonly IReadOnlyList<string> Sasl = Common.Sasl.SaslExchange.Mechanisms;

    /// <summary>True for the mechanisms that carry the password itself, which SPA refuses outside TLS.</summary>
    public static bool IsCleartext(string mechanism) => mechanism is UserPass or Plain or Login;
}
