using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests;

/// <summary>The embedded default topology keeps the values the README, labs and tests rely on.</summary>
public sealed class DefaultTopologyTests
{
    [Fact]
    public void Create_HasMailRuAndRosnouRu_WithTheirAddresses()
    {
        var world = DefaultTopology.Create(TimeProvider.System);

        world.Hosts.Select(h => h.Name).Should().Equal("mail.ru", "rosnou.ru");
        world.FindHost("mail.ru")!.Address.Should().Be(IPAddress.Parse("198.51.100.10"));
        world.FindHost("rosnou.ru")!.Address.Should().Be(IPAddress.Parse("203.0.113.10"));
    }

    [Theory]
    [InlineData("mail.ru", DefaultTopology.MailRuSmtpPort, true)]
    [InlineData("rosnou.ru", DefaultTopology.RosnouSmtpPort, false)]
    public void Create_EachHostHasOneDefaultVirtualServer_WithIisDefaults(string hostName, int port, bool basicAuthentication)
    {
        var host = DefaultTopology.Create(TimeProvider.System).FindHost(hostName)!;

        host.Smtp.State.Should().Be(VirtualServerState.Running);
        var vs = host.Smtp.VirtualServers.Should().ContainSingle().Subject;
        vs.Name.Should().Be(DefaultTopology.VirtualServerName);
        vs.Address.Should().Be(IPAddress.Loopback);
        vs.Port.Should().Be(port);
        vs.HomeDirectory.Path.Should().Be(@"C:\Inetpub\mailroot");
        vs.Fqdn.Should().Be(hostName);
        vs.OwnState.Should().Be(VirtualServerState.Running);
        vs.NdrCopyTo.Should().BeNull();
        vs.Domains.All.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = hostName, Type = SmtpDomainType.LocalDefault });
        vs.Limits.Should().BeEquivalentTo(new SmtpLimitsSettings());
        vs.Access.Should().BeEquivalentTo(new SmtpAccessSettings { BasicAuthentication = basicAuthentication });
        vs.Delivery.Should().BeEquivalentTo(new SmtpDeliverySettings());
    }

    [Fact]
    public void Create_HasIvanAndStudentAccounts()
    {
        var world = DefaultTopology.Create(TimeProvider.System);

        world.FindHost("mail.ru")!.Accounts.All.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Address = "ivan@mail.ru", Password = "ivan123" });
        world.FindHost("rosnou.ru")!.Accounts.All.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Address = "student@rosnou.ru", Password = "student123" });
        world.FindHost("rosnou.ru")!.Mailboxes.All.Should().ContainSingle();
    }

    [Theory]
    [InlineData("mail.ru", "ivan@mail.ru")]
    [InlineData("rosnou.ru", "student@rosnou.ru")]
    public void Create_EachHostsPop3ServiceHasItsDomain_WithTheAccountAsItsMailbox(string hostName, string address)
    {
        var pop3 = DefaultTopology.Create(TimeProvider.System).FindHost(hostName)!.Pop3;

        pop3.Enabled.Should().BeTrue();
        var domain = pop3.Domains.Should().ContainSingle().Subject;
        domain.Name.Should().Be(hostName);
        domain.IsLocked.Should().BeFalse();
        pop3.MailboxesOf(domain).Select(m => m.Address).Should().Equal(address);
        pop3.FindMailbox(address)!.IsLocked.Should().BeFalse();
        pop3.QuotaOf(pop3.FindMailbox(address)!).Should().BeNull();
    }

    [Fact]
    public void Create_HasMxAndARecords_AndReachableLinksBothWays()
    {
        var world = DefaultTopology.Create(TimeProvider.System);

        world.Dns.LookupMx("mail.ru").Should().Equal(new Dns.MxRecord("mail.ru", 10, "mail.ru"));
        world.Dns.LookupMx("rosnou.ru").Should().Equal(new Dns.MxRecord("rosnou.ru", 10, "rosnou.ru"));
        world.Dns.LookupA("mail.ru").Should().Equal(IPAddress.Parse("198.51.100.10"));
        world.Dns.LookupA("rosnou.ru").Should().Equal(IPAddress.Parse("203.0.113.10"));
        world.Links.All.Should().Equal(("mail.ru", "rosnou.ru", true, TimeSpan.Zero), ("rosnou.ru", "mail.ru", true, TimeSpan.Zero));
        world.Links.UnreachableHosts.Should().BeEmpty();
    }

    [Fact]
    public void Create_PortOffsetToZero_PutsEveryListenerOnPortZero()
    {
        var world = DefaultTopology.Create(TimeProvider.System, portOffsetToZero: true);

        world.Hosts.SelectMany(h => h.Smtp.VirtualServers).Select(v => v.Port).Should().Equal(0, 0);
    }

    [Fact]
    public void EmbeddedTopology_IsTheFileInScenarios()
    {
        DefaultTopology.ReadYaml().Should().Be(File.ReadAllText(RepositoryFiles.Topology(DefaultTopology.FileName)));
    }

    [Fact]
    public void Create_UsesTheGivenClock()
    {
        var clock = new FixedClock();

        DefaultTopology.Create(clock).Clock.Should().BeSameAs(clock);
    }

    private sealed class FixedClock : TimeProvider;
}
