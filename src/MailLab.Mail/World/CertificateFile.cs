namespace MailLab.Mail.World;

/// <summary>
/// The certificate STARTTLS presents, from files (a topology's <c>certificate:</c> or
/// <c>maillab up --certificate</c>): a PKCS#12 file (.pfx, .p12) with its <paramref name="Password"/>,
/// or a PEM certificate with its private key in <paramref name="KeyPath"/> (null: in the same file).
/// Paths are absolute. Read by the hosting layer at start.
/// </summary>
public sealed record CertificateFile(string Path, string? KeyPath = null, string? Password = null)
{
    public bool IsPkcs12 => Path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || Path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
}
