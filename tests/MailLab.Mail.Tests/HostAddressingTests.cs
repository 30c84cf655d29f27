using System.Net;
using MailLab.Mail.Dns;
using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests;

/// <summary>
/// A host's address is static or leased by DHCP (the topology's <c>addressing</c>), changed at run time as
/// netsh does; the DNS's A and MX records are replaced as dnscmd does; the topology writer keeps both.
/// </summary>
public sealed class HostAddressingTests
{
    private const string Yaml = """
        hosts:
          - name: mail.ru
            address: 198.51.100.10
          - name: rosnou.ru
            address: 203.0.113.10
            addressing: dhcp
        dns:
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.57 }
        """;

    [Fact]
    public void Addressing_IsStaticByDefault_AndDhcpWhereTheTopologySaysSo()
    {
        var world = TopologyText.Load(Yaml);
        world.FindHost("mail.ru")!.Addressing.Should().Be(HostAddressing.Static);
        world.FindHost("rosnou.ru")!.Addressing.Should().Be(HostAddressing.Dhcp);
    }

    [Fact]
    public void AddressingOtherThanStaticOrDhcp_OrDhcpWithoutAnAddress_IsRefused()
    {
        TopologyText.Errors("hosts:\n  - name: a.ru\n    address: 192.0.2.1\n    addressing: bootp\n")
            .Should().ContainSingle().Which.Should().Be("lab.yaml:4:17: field 'hosts[0].addressing': must be static or dhcp, not 'bootp'");
        TopologyText.Errors("hosts:\n  - name: a.ru\n    addressing: dhcp\n")
            .Should().ContainSingle().Which.Should().EndWith("field 'hosts[0].addressing': a host on DHCP needs the address its lease gave it (address:)");
    }

    [Fact]
    public void StaticAddressAndFixedARecord_AreWrittenBack_AndReadAgain()
    {
        var world = TopologyText.Load(Yaml);
        var rosnou = world.FindHost("rosnou.ru")!;
        TopologyWriter.Write(world).Should().Contain("addressing: dhcp");

        HostAddressChange.Apply(rosnou, "static", "203.0.113.11");
        DnsRecordChange.Apply(world.Dns, "rosnou.ru", "a", "203.0.113.11", null);
        var again = TopologyText.Load(TopologyWriter.Write(world));

        again.FindHost("rosnou.ru")!.Should().BeEquivalentTo(new { Address = IPAddress.Parse("203.0.113.11"), Addressing = HostAddressing.Static }, o => o.ExcludingMissingMembers());
        again.Dns.LookupA("rosnou.ru").Should().Equal(IPAddress.Parse("203.0.113.11"));
        again.Dns.ReverseLookup(IPAddress.Parse("203.0.113.11")).Should().Be("rosnou.ru");
        again.Dns.ReverseLookup(IPAddress.Parse("203.0.113.57")).Should().BeNull("the old address's PTR record went with its A record");
        TopologyWriter.Write(again).Should().NotContain("addressing");
    }

    [Fact]
    public void Dhcp_WithoutAnAddress_KeepsTheCurrentOneAsTheLease()
    {
        var world = TopologyText.Load(Yaml);
        var mail = world.FindHost("mail.ru")!;
        HostAddressChange.Apply(mail, "DHCP", null);
        (mail.Address, mail.Addressing).Should().Be((IPAddress.Parse("198.51.100.10"), HostAddressing.Dhcp));
    }

    [Theory]
    [InlineData("static", "203.0.113.10", "203.0.113.10 is already the address of rosnou.ru. (Parameter 'address')")]
    [InlineData("static", "203.0.113", "\"203.0.113\" is not an IP address.")]
    [InlineData("manual", "192.0.2.1", "\"manual\" is not an addressing: use static or dhcp.")]
    public void AChangeTheNetworkWouldRefuse_SaysWhy_AndChangesNothing(string addressing, string address, string error)
    {
        var world = TopologyText.Load(Yaml);
        var mail = world.FindHost("mail.ru")!;
        var change = () => HostAddressChange.Apply(mail, addressing, address);
        change.Should().Throw<ArgumentException>().WithMessage(error);
        (mail.Address, mail.Addressing).Should().Be((IPAddress.Parse("198.51.100.10"), HostAddressing.Static));
    }

    [Fact]
    public void DnsSet_ReplacesTheNamesRecordsOfThatTypeOnly()
    {
        var world = TopologyText.Load(Yaml);
        DnsRecordChange.Apply(world.Dns, "rosnou.ru.", "MX", "mx2.rosnou.ru", 20);
        world.Dns.LookupMx("rosnou.ru").Should().Equal(new MxRecord("rosnou.ru", 20, "mx2.rosnou.ru"));
        world.Dns.LookupA("rosnou.ru").Should().Equal(IPAddress.Parse("203.0.113.57"));

        DnsRecordChange.Apply(world.Dns, "rosnou.ru", "mx", "rosnou.ru", null);
        world.Dns.LookupMx("rosnou.ru").Should().Equal(new MxRecord("rosnou.ru", DnsRecordChange.DefaultPreference, "rosnou.ru"));
    }

    [Theory]
    [InlineData("rosnou.ru", "A", "300.1.1.1", null, "\"300.1.1.1\" is not an IP address (an A record holds one).")]
    [InlineData("rosnou.ru", "A", "203.0.113.10", 10, "An A record has no preference: only MX records do.")]
    [InlineData("rosnou.ru", "MX", "rosnou.ru", 70000, "70000 is not an MX preference: 0 to 65535 (RFC 1035 §3.3.9).")]
    [InlineData("rosnou.ru", "TXT", "v=spf1", null, "\"TXT\" is not a record type MailLab keeps: use A or MX.")]
    [InlineData("not a name", "A", "203.0.113.10", null, "\"not a name\" is not a domain name.")]
    public void DnsSet_BadInput_IsRefused_SayingWhy(string name, string type, string value, int? preference, string error)
    {
        var world = TopologyText.Load(Yaml);
        var change = () => DnsRecordChange.Apply(world.Dns, name, type, value, preference);
        change.Should().Throw<ArgumentException>().WithMessage(error);
        world.Dns.All.Should().HaveCount(2);
    }
}
