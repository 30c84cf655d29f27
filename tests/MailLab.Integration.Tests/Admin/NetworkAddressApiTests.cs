using System.Net;
using MailLab.Admin;

namespace MailLab.Integration.Tests.Admin;

/// <summary>
/// A host's address (static or DHCP) and the DNS records, changed over the REST API and with
/// `maillab network …` / `maillab dns …` against a running server: the effect on the world, the errors,
/// and the same text in process (the scenarios' step).
/// </summary>
public sealed class NetworkAddressApiTests : SmtpCliTestBase
{
    [Fact]
    public async Task TheApi_ShowsEachHostsAddressing_AndSetsAStaticAddressOrDhcp()
    {
        var network = await Json(await Http.GetAsync("/api/network"), HttpStatusCode.OK);
        network.GetProperty("hosts").EnumerateArray().Select(h => $"{h.GetProperty("name").GetString()} {h.GetProperty("address").GetString()} {h.GetProperty("addressing").GetString()}")
            .Should().Equal("mail.ru 198.51.100.10 static", "rosnou.ru 203.0.113.10 static");

        var dhcp = await Json(await SendAsync(HttpMethod.Put, "/api/network/hosts/rosnou.ru/address", new { addressing = "dhcp" }), HttpStatusCode.OK);
        (dhcp.GetProperty("address").GetString(), dhcp.GetProperty("addressing").GetString()).Should().Be(("203.0.113.10", "dhcp"));
        World.Rosnou.Addressing.Should().Be(Mail.World.HostAddressing.Dhcp);

        var moved = await Json(await SendAsync(HttpMethod.Put, "/api/network/hosts/rosnou.ru/address", new { address = "203.0.113.20" }), HttpStatusCode.OK);
        (moved.GetProperty("address").GetString(), moved.GetProperty("addressing").GetString()).Should().Be(("203.0.113.20", "static"));
        World.World.FindHostByAddress(IPAddress.Parse("203.0.113.20")).Should().BeSameAs(World.Rosnou);

        (await Error(await SendAsync(HttpMethod.Put, "/api/network/hosts/rosnou.ru/address", new { address = "198.51.100.10" }), HttpStatusCode.BadRequest))
            .Should().Be("198.51.100.10 is already the address of mail.ru. (Parameter 'address')");
        (await Error(await SendAsync(HttpMethod.Put, "/api/network/hosts/rosnou.ru/address", new { address = "1.2.3" }), HttpStatusCode.BadRequest)).Should().Be("\"1.2.3\" is not an IP address.");
        (await Error(await SendAsync(HttpMethod.Put, "/api/network/hosts/nowhere.ru/address", new { address = "192.0.2.1" }), HttpStatusCode.NotFound)).Should().Be("No server \"nowhere.ru\".");
    }

    [Fact]
    public async Task TheApi_ReplacesANamesARecord_AndMailFollowsIt()
    {
        var records = await Json(await SendAsync(HttpMethod.Put, "/api/dns/records/rosnou.ru/A", new { value = "203.0.113.57" }), HttpStatusCode.OK);
        records.EnumerateArray().Select(r => r.GetProperty("value").GetString()).Should().Equal("203.0.113.57");
        (await Json(await Http.GetAsync("/api/dns"), HttpStatusCode.OK)).GetProperty("mailDomains").EnumerateArray()
            .Single(d => d.GetProperty("domain").GetString() == "rosnou.ru").GetProperty("mx")[0].GetProperty("addresses").EnumerateArray().Select(a => a.GetString())
            .Should().Equal("203.0.113.57");

        await SendAsIvanAsync("student@rosnou.ru", "to the old address");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().BeEmpty("no computer answers at 203.0.113.57");
        World.MailRu.Smtp.VirtualServers[0].Queue.Count.Should().Be(1);

        (await Error(await SendAsync(HttpMethod.Put, "/api/dns/records/rosnou.ru/TXT", new { value = "v=spf1" }), HttpStatusCode.BadRequest))
            .Should().Be("\"TXT\" is not a record type MailLab keeps: use A or MX.");
        (await Error(await SendAsync(HttpMethod.Put, "/api/dns/records/rosnou.ru/MX", new { value = "rosnou.ru", preference = -1 }), HttpStatusCode.BadRequest))
            .Should().Be("-1 is not an MX preference: 0 to 65535 (RFC 1035 §3.3.9).");
    }

    [Fact]
    public async Task TheCli_ListsAndChanges_AndPrintsWhatTheScenarioStepPrints()
    {
        var hosts = await Cli(Words("network hosts"));
        (hosts.Exit, hosts.Output).Should().Be((0, "mail.ru: 198.51.100.10 (static)\nrosnou.ru: 203.0.113.10 (static)\n"));
        AdminCommands.Run(World.World, "maillab network hosts").Output.Should().Be(hosts.Output.TrimEnd('\n'));

        (await Cli(Words("network address dhcp --host rosnou.ru"))).Output.Should().Be("rosnou.ru: 203.0.113.10 (dhcp)\n");
        (await Cli(Words("network address static 203.0.113.20 --host rosnou.ru"))).Output.Should().Be("rosnou.ru: 203.0.113.20 (static)\n");
        (await Cli(Words("dns set rosnou.ru A 203.0.113.20"))).Output.Should().Be("rosnou.ru A 203.0.113.20\n");
        (await Cli(Words("dns set rosnou.ru MX mx.rosnou.ru --preference 5"))).Output.Should().Be("rosnou.ru MX 5 mx.rosnou.ru\n");
        var list = await Cli(Words("dns list"));
        list.Output.Should().Contain("rosnou.ru A 203.0.113.20\n").And.Contain("rosnou.ru MX 5 mx.rosnou.ru\n");
        AdminCommands.Run(World.World, "dns list").Output.Should().Be(list.Output.TrimEnd('\n'));

        var refused = await Cli(Words("network address static 198.51.100.10 --host rosnou.ru"));
        (refused.Exit, refused.Error).Should().Be((1, "198.51.100.10 is already the address of mail.ru. (Parameter 'address')\n"));
        (await Cli(Words("dns set rosnou.ru A nowhere"))).Error.Should().Be("\"nowhere\" is not an IP address (an A record holds one).\n");
        (await Cli(Words("network address --help"))).Output.Should().Contain("maillab network address static|dhcp [ADDRESS] --host HOST");
    }
}
