using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailLab.Hosting.Tls;

/// <summary>
/// Makes the certificate STARTTLS uses, at start-up, so no files are needed. It names every host
/// of the topology plus localhost and 127.0.0.1; clients must be told to trust it (tests do).
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

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
