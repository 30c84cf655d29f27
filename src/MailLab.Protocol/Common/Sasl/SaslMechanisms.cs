namespace MailLab.Protocol.Common.Sasl;

/// <summary>The SASL mechanism names (IANA's registry spelling).</summary>
public static class SaslMechanisms
{
    public const string Plain = "PLAIN";
    public const string Login = "LOGIN";
    public const string CramMd5 = "CRAM-MD5";
}
