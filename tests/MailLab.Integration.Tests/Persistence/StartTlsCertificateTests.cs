using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Cli.Commands;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// The certificate STARTTLS presents, read by MailKit from a real <c>maillab up</c> process: the
/// generated one is kept in the data directory (same fingerprint after a restart, so clients that
/// pinned it keep working), names localhost and 127.0.0.1, and one given as PEM or PKCS#12 files
/// (<c>--certificate</c> or the topology's <c>certificate:</c>) is the one presented.
/// </summary>
public sealed partial class StartTlsCertificateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-certificate-{Guid.NewGuid():N}");

    public StartTlsCertificateTests()
    {
        Directory.CreateDirectory(_dir);
    }

    [Fact]
    public async Task GeneratedCertificate_WithDataDir_IsTheSameAfterARestart_AndNamesLocalhostAnd127001()
    {
        var data = Path.Combine(_dir, "data");
        string first;
        string firstOutput;
        await using (var up = await MailLabProcess.StartWithAsync("--data-dir", data))
        {
            using var certificate = await SmtpCertificateAsync(up.MailRuSmtp);
            first = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Should().ContainSingle().Subject;
            san.EnumerateDnsNames().Should().Contain(["localhost", "mail.ru", "rosnou.ru"]);
            san.EnumerateIPAddresses().Should().Contain(IPAddress.Loopback);
            using var pop3 = await Pop3CertificateAsync(Pop3EndPoint(up, "rosnou.ru"));
            pop3.GetCertHashString(HashAlgorithmName.SHA256).Should().Be(first, "POP3's STLS presents the same certificate");
            firstOutput = up.Output;
        }

        await using (var again = await MailLabProcess.StartWithAsync("--data-dir", data))
        {
            using var certificate = await SmtpCertificateAsync(again.MailRuSmtp);
            certificate.GetCertHashString(HashAlgorithmName.SHA256).Should().Be(first, "a pinned certificate must survive a restart");
            again.Output.Should().Contain($"SHA-256 {Colons(first)} (self-signed, kept in {Path.Combine(data, "certificate.pfx")})");
        }

        firstOutput.Should().Contain($"SHA-256 {Colons(first)} (self-signed, made and kept in {Path.Combine(data, "certificate.pfx")})");
        File.Exists(Path.Combine(data, "certificate.pfx")).Should().BeTrue();
    }

    [Fact]
    public async Task WithoutDataDir_EachStartMakesItsOwn()
    {
        string first;
        await using (var up = await MailLabProcess.StartWithAsync())
        {
            using var certificate = await SmtpCertificateAsync(up.MailRuSmtp);
            first = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            up.Output.Should().Contain("(self-signed, made for this run (--data-dir keeps one))");
        }

        await using var again = await MailLabProcess.StartWithAsync();
        using var next = await SmtpCertificateAsync(again.MailRuSmtp);
        next.GetCertHashString(HashAlgorithmName.SHA256).Should().NotBe(first, "in memory only, nothing is kept");
    }

    [Fact]
    public async Task CertificateOption_WithAPemPair_IsPresented()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var made = MakeCertificate(key, "pem.maillab.test");
        var certificateFile = Path.Combine(_dir, "server.pem");
        var keyFile = Path.Combine(_dir, "server.key");
        await File.WriteAllTextAsync(certificateFile, made.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());

        await using var up = await MailLabProcess.StartWithAsync("--data-dir", Path.Combine(_dir, "data"), "--certificate", certificateFile, "--certificate-key", keyFile);

        using var presented = await SmtpCertificateAsync(up.MailRuSmtp);
        presented.Thumbprint.Should().Be(made.Thumbprint);
        File.Exists(Path.Combine(_dir, "data", "certificate.pfx")).Should().BeFalse("a given certificate needs no generated one");
    }

    [Fact]
    public async Task CertificateOption_WithAPasswordProtectedPfx_IsPresented()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var made = MakeCertificate(key, "pfx.maillab.test");
        var file = Path.Combine(_dir, "server.pfx");
        await File.WriteAllBytesAsync(file, made.Export(X509ContentType.Pkcs12, "s3cret"));

        await using var up = await MailLabProcess.StartWithAsync("--certificate", file, "--certificate-password", "s3cret");

        using var presented = await SmtpCertificateAsync(up.MailRuSmtp);
        presented.Thumbprint.Should().Be(made.Thumbprint);
        up.Output.Should().Contain("CN=pfx.maillab.test").And.Contain("(given with --certificate)");
    }

    [Fact]
    public async Task TopologyCertificate_RelativeToTheFile_IsPresented()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var made = MakeCertificate(key, "topology.maillab.test");
        Directory.CreateDirectory(Path.Combine(_dir, "certs"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "certs", "both.pem"), made.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        var topology = Path.Combine(_dir, "with-certificate.yaml");
        await File.WriteAllTextAsync(topology, DefaultTopology.ReadYaml() + "\ncertificate: { file: certs/both.pem }\n");

        await using var up = await MailLabProcess.StartWithAsync("--topology", topology);

        using var presented = await SmtpCertificateAsync(up.MailRuSmtp);
        presented.Thumbprint.Should().Be(made.Thumbprint);
        up.Output.Should().Contain($"(from {Path.Combine(_dir, "certs", "both.pem")} (the topology's certificate))");
    }

    [Fact]
    public async Task CertificateOption_WithAFileThatIsNoCertificate_ExitsWith2AndSaysWhich()
    {
        var file = Path.Combine(_dir, "garbage.pem");
        await File.WriteAllTextAsync(file, "no PEM here");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await UpCommand.RunAsync(new UpOptions(ApiPort: 0, AnyPort: true) { Certificate = new CertificateFile(file) }, output, error, CancellationToken.None);

        exit.Should().Be(2);
        error.ToString().Should().StartWith($"maillab: cannot use the certificate {file}: ");
        output.ToString().Should().BeEmpty("nothing starts");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<X509Certificate2> SmtpCertificateAsync(IPEndPoint endPoint) => PresentedAsync(new SmtpClient(), endPoint);

    private static Task<X509Certificate2> Pop3CertificateAsync(IPEndPoint endPoint) => PresentedAsync(new Pop3Client(), endPoint);

    /// <summary>The certificate the server presents after STARTTLS (STLS), as MailKit sees it (and accepts it, to read it).</summary>
    private static async Task<X509Certificate2> PresentedAsync(MailKit.MailService client, IPEndPoint endPoint)
    {
        using var _ = client;
        X509Certificate2? seen = null;
        client.Timeout = 20_000;
        client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
        {
            seen = X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData());
            return true;
        };
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, SecureSocketOptions.StartTls);
        await client.DisconnectAsync(true);
        return seen ?? throw new InvalidOperationException("No certificate was presented.");
    }

    private static IPEndPoint Pop3EndPoint(MailLabProcess up, string host) =>
        IPEndPoint.Parse(Regex.Match(up.Output, $@"^\s+{Regex.Escape(host)}\s+POP3\s+(\S+)", RegexOptions.Multiline).Groups[1].Value);

    private static X509Certificate2 MakeCertificate(ECDsa key, string name)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return request.CreateSelfSigned(from, from.AddYears(10));
    }

    private static string Colons(string hex) => string.Join(':', hex.Chunk(2).Select(c => new string(c)));
}
