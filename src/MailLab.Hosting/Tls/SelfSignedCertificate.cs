using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailLab.Hosting.Tls;

/// <summary>
/// Makes the certificate STARTTLS uses when none is given, so no files are needed. Its subject
/// alternative names are DNS:localhost, IP:127.0.0.1 and every host of the topology; clients must be
/// told to trust it (tests pin it). <see cref="ServerCertificate"/> keeps it in the data directory.
/// </summary>
public static class SelfSignedCertificate
{
    public static X509Certificate2 Create(IEnumerable<string> hostNames, TimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var names = hostNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var request = new CertificateRequest($"CN={(names.Count > 0 ? names[0] : "localhost")}, O=MailLab", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return ServerCertificate.Usable(certificate);
    }
}
