namespace MailLab.Protocol.Common.Sasl;

/// <summary>
/// What a SASL exchange collected: PLAIN and LOGIN carry <see cref="Password"/>; CRAM-MD5 carries the
/// challenge it sent and the client's hex HMAC-MD5 (<see cref="CramMd5.Matches"/> checks it).
/// </summary>
public sealed record SaslCredentials(string Mechanism, string UserName, string? Password, string? Challenge = null, string? Digest = null)
{
    /// <summary>Never shows the password or digest, so credentials can be logged.</summary>
    public override string ToString() => $"{Mechanism} {UserName}";
}
