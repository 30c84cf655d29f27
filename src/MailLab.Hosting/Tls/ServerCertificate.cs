using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailLab.Mail.World;

namespace MailLab.Hosting.Tls;

/// <summary>
/// The certificate STARTTLS presents (SMTP and POP3): one given as files (<c>--certificate</c>, the
/// topology's <c>certificate:</c>), or the self-signed one MailLab makes, which is kept in the data
/// directory so that clients that pinned it (mutt, fetchmail, msmtp) still trust it after a restart.
/// </summary>
public static class ServerCertificate
{
    /// <summary>The generated certificate and its key in the data directory (PKCS#12, no password, readable by its owner only).</summary>
    public const string FileName = "certificate.pfx";

    /// <summary>Reads a certificate and its private key from files; <see cref="CertificateFileException"/> says what is wrong.</summary>
    public static X509Certificate2 Load(CertificateFile file)
    {
        try
        {
            using var loaded = file.IsPkcs12
                ? X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.Exportable)
                : file.Password is null
                    ? X509Certificate2.CreateFromPemFile(file.Path, file.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(file.Path, file.Password, file.KeyPath);
            if (!loaded.HasPrivateKey)
            {
                throw new CertificateFileException(file.Path, "it holds no private key for the certificate");
            }

            return Usable(loaded);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CertificateFileException(file.Path, e.Message);
        }
    }

    /// <summary>
    /// The generated certificate of <paramref name="dataDirectory"/>: the one saved there when it is
    /// still valid and names every host, otherwise a new one, saved before it is used. IOException:
    /// the directory cannot be used.
    /// </summary>
    public static X509Certificate2 LoadOrCreate(string dataDirectory, IReadOnlyCollection<string> hostNames, TimeProvider clock, out bool reused)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (Directory.Exists(dataDirectory) && File.Exists(path) && TryReadKept(path, hostNames, clock) is { } kept)
        {
            reused = true;
            return kept;
        }

        var created = SelfSignedCertificate.Create(hostNames, clock);
        Mail.Persistence.DataDirectory.WriteOwnFile(dataDirectory, FileName, created.Export(X509ContentType.Pkcs12));
        reused = false;
        return created;
    }

    /// <summary>The SHA-256 fingerprint as clients show it (AB:CD:…), for pinning.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static X509Certificate2? TryReadKept(string path, IReadOnlyCollection<string> hostNames, TimeProvider clock)
    {
        X509Certificate2 kept;
        try
        {
            kept = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            return null; // Damaged: a new one replaces it.
        }

        var now = clock.GetUtcNow();
        var names = kept.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(san => san.EnumerateDnsNames()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (kept.HasPrivateKey && now >= kept.NotBefore && now < kept.NotAfter && hostNames.All(names.Contains))
        {
            return kept;
        }

        kept.Dispose();
        return null;
    }

    /// <summary>Round-trips through PKCS#12 so the private key is usable by SslStream on every platform.</summary>
    internal static X509Certificate2 Usable(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
}

/// <summary>A certificate file MailLab cannot use; the message names the file and the reason.</summary>
public sealed class CertificateFileException(string path, string reason) : Exception($"cannot use the certificate {path}: {reason}");
