using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests;

/// <summary>The topology files shipped in scenarios/topologies load, and say what their comments say.</summary>
public sealed class ExampleTopologyTests
{
    public static TheoryData<string> TopologyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.TopologiesFolder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TopologyFiles))]
    public void EveryTopologyFile_Loads_AndSurvivesARoundTrip(string relativePath)
    {
        var world = TopologyLoader.LoadFile(Path.Combine(RepositoryFiles.Root, relativePath), TimeProvider.System);

        world.Hosts.Should().NotBeEmpty();
        var written = TopologyWriter.Write(world);
        TopologyWriter.Write(TopologyLoader.LoadText(written, relativePath, TimeProvider.System)).Should().Be(written);
    }

    [Fact]
    public void ThreeHosts_RosnouRuHasABackupMx_ThatRelaysForIt()
    {
        var world = TopologyLoader.LoadFile(RepositoryFiles.Topology("three-hosts-mx-failover.yaml"), TimeProvider.System);

        world.Hosts.Select(h => h.Name).Should().Equal("mail.ru", "rosnou.ru", "backup.rosnou.ru");
        world.Dns.LookupMx("rosnou.ru").Select(r => (r.Preference, r.Exchange)).Should().Equal((10, "rosnou.ru"), (20, "backup.rosnou.ru"));
        world.Dns.LookupA("backup.rosnou.ru").Should().Equal(IPAddress.Parse("203.0.113.20"));

        var backup = world.FindHost("backup.rosnou.ru")!.Smtp.VirtualServers.Single();
        backup.Domains.Default.Name.Should().Be("backup.rosnou.ru");
        backup.Domains.FindRemote("rosnou.ru").Should().BeEquivalentTo(new { Name = "rosnou.ru", Type = SmtpDomainType.Remote, AllowRelay = true });
        backup.Delivery.RetryIntervals.Should().Equal(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(60));
        world.Links.Latency("mail.ru", "backup.rosnou.ru").Should().Be(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void ThreeHosts_ListensOn2625To2627_BesideTheDefault()
    {
        var world = TopologyLoader.LoadFile(RepositoryFiles.Topology("three-hosts-mx-failover.yaml"), TimeProvider.System);

        world.Hosts.Select(h => h.Smtp.VirtualServers.Single().Port).Should().Equal(2625, 2626, 2627);
        world.FindHost("mail.ru")!.Smtp.VirtualServers.Single().Access.BasicAuthentication.Should().BeTrue();
    }

    [Fact]
    public void ThreeHosts_SharesNoPortWithTheDefault()
    {
        var ports = new[] { DefaultTopology.Create(TimeProvider.System), TopologyLoader.LoadFile(RepositoryFiles.Topology("three-hosts-mx-failover.yaml"), TimeProvider.System) }
            .SelectMany(w => w.Hosts).SelectMany(h => h.Smtp.VirtualServers).Select(v => v.Port).ToArray();

        ports.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void LoadFile_PortsToZero_PutsEveryListenerOnPortZero()
    {
        var world = TopologyLoader.LoadFile(RepositoryFiles.Topology("three-hosts-mx-failover.yaml"), TimeProvider.System, portsToZero: true);

        world.Hosts.SelectMany(h => h.Smtp.VirtualServers).Should().OnlyContain(v => v.Port == 0).And.HaveCount(3);
    }
}
