using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests;

/// <summary>The topology's top-level <c>certificate:</c>: the files STARTTLS presents, relative to the topology file.</summary>
public sealed class TopologyCertificateTests : IDisposable
{
    private const string Hosts = TopologyFaultsTests.Hosts;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-topology-certificate-{Guid.NewGuid():N}");

    public TopologyCertificateTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "certs"));
        File.WriteAllText(Path.Combine(_dir, "certs", "server.pem"), "not read at load time");
        File.WriteAllText(Path.Combine(_dir, "certs", "server.key"), "not read at load time");
        File.WriteAllText(Path.Combine(_dir, "certs", "server.pfx"), "not read at load time");
    }

    [Fact]
    public void Certificate_IsResolvedAgainstTheTopologyFile_AndWrittenBack()
    {
        var file = Path.Combine(_dir, "topology.yaml");
        File.WriteAllText(file, Hosts + "certificate: { file: certs/server.pem, key: certs/server.key }\n");

        var world = TopologyLoader.LoadFile(file, TimeProvider.System);

        world.Certificate.Should().Be(new CertificateFile(Path.Combine(_dir, "certs", "server.pem"), Path.Combine(_dir, "certs", "server.key")));
        var again = TopologyLoader.LoadText(TopologyWriter.Write(world), "written.yaml", TimeProvider.System);
        again.Certificate.Should().Be(world.Certificate, "the written file names the certificate by its full path");
    }

    [Fact]
    public void NoCertificate_LeavesItToMailLab()
    {
        TopologyLoader.LoadText(Hosts, "plain.yaml", TimeProvider.System).Certificate.Should().BeNull();
        TopologyWriter.Write(TopologyLoader.LoadText(Hosts, "plain.yaml", TimeProvider.System)).Should().NotContain("certificate");
    }

    [Theory]
    [InlineData("{ file: certs/missing.pem }", "field 'certificate.file': no such file: ")]
    [InlineData("{ file: certs/server.pem, key: certs/missing.key }", "field 'certificate.key': no such file: ")]
    [InlineData("{ file: certs/server.pfx, key: certs/server.key }", "field 'certificate.key': a .pfx or .p12 file holds its own private key")]
    [InlineData("{ key: certs/server.key }", "field 'certificate.file': is required")]
    [InlineData("{ file: certs/server.pem, pasword: x }", "field 'certificate.pasword'")]
    public void BadCertificate_IsReportedWithItsLineAndField(string value, string expected)
    {
        var file = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(file, Hosts + "certificate: " + value + "\n");

        var act = () => TopologyLoader.LoadFile(file, TimeProvider.System);

        act.Should().Throw<TopologyException>().Which.Message.Should().Contain($"{file}:6:").And.Contain(expected);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
