using MailLab.Mail.Topology;
using static MailLab.Mail.Tests.TopologyText;

namespace MailLab.Mail.Tests;

/// <summary>
/// An invalid topology file is refused with errors that name the file, the line and column, and
/// the field; every error in the file is reported at once.
/// </summary>
public sealed class TopologyErrorTests
{
    private const string File = "lab.yaml";

    [Fact]
    public void LimitBelowMinimum_NamesFileLineAndField()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      limits:
                        maxMessageSizeKb: 0
            """);

        errors.Should().Equal("lab.yaml:7:31: field 'hosts[0].smtp.virtualServers[0].limits.maxMessageSizeKb': must be at least 1");
    }

    [Fact]
    public void SessionSmallerThanMessage_UsesTheModelsRule()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      limits: { maxMessageSizeKb: 4096, maxSessionSizeKb: 1024 }
            """);

        errors.Should().Equal("lab.yaml:6:63: field 'hosts[0].smtp.virtualServers[0].limits.maxSessionSizeKb': must be at least maxMessageSizeKb");
    }

    [Fact]
    public void MisspeltKey_SuggestsTheClosestValidKey()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      limts: { maxConnections: 5 }
            """);

        errors.Should().Equal("lab.yaml:6:11: field 'hosts[0].smtp.virtualServers[0].limts': unknown key 'limts'; did you mean 'limits'?");
    }

    [Fact]
    public void UnknownKey_WithNothingClose_ListsTheValidKeys()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                colour: blue
            """);

        errors.Should().Equal("lab.yaml:3:5: field 'hosts[0].colour': unknown key 'colour'; expected one of: name, address, addressing, smtp, accounts, pop3, imap, exchange");
    }

    [Fact]
    public void WrongCase_SuggestsTheCamelCaseKey()
    {
        Errors("hosts:\n  - Name: mail.ru\n").Should().Contain("lab.yaml:2:5: field 'hosts[0].Name': unknown key 'Name'; did you mean 'name'?");
    }

    [Theory]
    [InlineData("port: abc", "field 'hosts[0].smtp.virtualServers[0].port': must be a whole number, not 'abc'")]
    [InlineData("port: 70000", "field 'hosts[0].smtp.virtualServers[0].port': must be between 0 and 65535")]
    [InlineData("port: [25]", "field 'hosts[0].smtp.virtualServers[0].port': must be a single value, not a list or mapping")]
    [InlineData("address: 300.1.1.1", "field 'hosts[0].smtp.virtualServers[0].address': '300.1.1.1' is not an IP address")]
    [InlineData("state: sleeping", "field 'hosts[0].smtp.virtualServers[0].state': must be running, paused or stopped, not 'sleeping'")]
    [InlineData("loggingEnabled: yes", "field 'hosts[0].smtp.virtualServers[0].loggingEnabled': must be true or false, not 'yes'")]
    [InlineData("fqdn: mail_ru", "field 'hosts[0].smtp.virtualServers[0].fqdn': 'mail_ru' is not a fully-qualified domain name")]
    [InlineData("ndrCopyTo: postmaster", "field 'hosts[0].smtp.virtualServers[0].ndrCopyTo': 'postmaster' is not an address of the form user@domain")]
    [InlineData("limits: 5", "field 'hosts[0].smtp.virtualServers[0].limits': must be a mapping (key: value) with keys such as maxConnections, connectionTimeoutMinutes, maxMessageSizeKb, maxSessionSizeKb, maxMessagesPerConnection, maxRecipientsPerMessage")]
    [InlineData("limits: { connectionTimeoutMinutes: 0 }", "field 'hosts[0].smtp.virtualServers[0].limits.connectionTimeoutMinutes': must be greater than 0")]
    [InlineData("limits: { maxConnections: 0 }", "field 'hosts[0].smtp.virtualServers[0].limits.maxConnections': must be at least 1")]
    [InlineData("limits: { maxRecipientsPerMessage: many }", "field 'hosts[0].smtp.virtualServers[0].limits.maxRecipientsPerMessage': must be a whole number or null (no limit), not 'many'")]
    [InlineData("access: { relay: { entries: [10.0.0.0/33] } }", "field 'hosts[0].smtp.virtualServers[0].access.relay.entries[0]': '10.0.0.0/33' is not an IP address (192.0.2.1), subnet (192.0.2.0/24 or 192.0.2.0/255.255.255.0) or domain name")]
    [InlineData("access: { connection: { entries: 10.0.0.1 } }", "field 'hosts[0].smtp.virtualServers[0].access.connection.entries': must be a list (lines starting with '- ', or [a, b])")]
    [InlineData("access: { basicDefaultDomain: 'mail ru' }", "field 'hosts[0].smtp.virtualServers[0].access.basicDefaultDomain': 'mail ru' is not a domain name")]
    [InlineData("delivery: { retryIntervalsMinutes: [15, -1] }", "field 'hosts[0].smtp.virtualServers[0].delivery.retryIntervalsMinutes[1]': must be a number of minutes greater than 0")]
    [InlineData("delivery: { retryIntervalsMinutes: [] }", "field 'hosts[0].smtp.virtualServers[0].delivery.retryIntervalsMinutes': needs at least one interval (the last one repeats)")]
    [InlineData("delivery: { smartHost: '[10.0.0.1' }", "field 'hosts[0].smtp.virtualServers[0].delivery.smartHost': '[10.0.0.1' is not a host name or [IP address], optionally with :port")]
    [InlineData("delivery: { outboundPort: 0 }", "field 'hosts[0].smtp.virtualServers[0].delivery.outboundPort': must be between 1 and 65535")]
    public void WrongValue_IsReportedAtItsLine(string line, string expected)
    {
        var errors = Errors($$"""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      {{line}}
            """);

        errors.Should().ContainSingle().Which.Should().StartWith("lab.yaml:6:").And.EndWith(expected);
    }

    [Fact]
    public void DuplicateHostAndVirtualServerNames_AreReported()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - { name: Default SMTP Virtual Server, port: 2525 }
                    - { name: default smtp virtual server, port: 2526 }
              - name: MAIL.RU
            """);

        errors.Should().Equal(
            "lab.yaml:6:19: field 'hosts[0].smtp.virtualServers[1].name': mail.ru already has a virtual server named 'default smtp virtual server'",
            "lab.yaml:7:11: field 'hosts[1].name': a host named 'MAIL.RU' is already defined at line 2");
    }

    [Fact]
    public void TwoVirtualServersOnOneEndpoint_AreReported_EvenOnDifferentHosts()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - { name: First, port: 2525 }
                    - { name: Second, port: 2525 }
              - name: rosnou.ru
                smtp:
                  virtualServers:
                    - { name: First, address: 127.0.0.1, port: 2525 }
            """);

        errors.Should().Equal(
            "lab.yaml:6:33: field 'hosts[0].smtp.virtualServers[1].port': 127.0.0.1:2525 is already used by 'First' on mail.ru (line 5)",
            "lab.yaml:10:52: field 'hosts[1].smtp.virtualServers[0].port': 127.0.0.1:2525 is already used by 'First' on mail.ru (line 5)");
    }

    [Fact]
    public void PortZero_MayBeShared()
    {
        var world = TopologyLoader.LoadText("""
            hosts:
              - { name: a.ru, smtp: { virtualServers: [ { name: A, port: 0 } ] } }
              - { name: b.ru, smtp: { virtualServers: [ { name: B, port: 0 } ] } }
            """, File, TimeProvider.System);

        world.Hosts.Should().HaveCount(2);
    }

    [Fact]
    public void AccessEntries_AcceptAddressesSubnetsAndDomainNames()
    {
        var world = TopologyLoader.LoadText("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      access: { connection: { entries: [192.0.2.1, 10.0.0.0/8, 192.168.1.0/255.255.255.0, 2001:db8::/32, students.rosnou.ru] } }
            """, File, TimeProvider.System);

        var entries = world.Hosts[0].Smtp.VirtualServers[0].Access.Connection.Entries;
        entries.Select(e => e.Network?.ToString() ?? e.Domain).Should().Equal("192.0.2.1/32", "10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32", "students.rosnou.ru");
    }

    [Fact]
    public void DomainList_WithoutALocalDomain_IsReported()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      domains:
                        - { name: mail.ru, type: alias }
            """);

        errors.Should().Equal("lab.yaml:7:13: field 'hosts[0].smtp.virtualServers[0].domains': needs exactly one domain of type 'local' (the default domain, such as mail.ru)");
    }

    [Fact]
    public void DomainList_WithTwoLocalDomains_IsReported()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      domains:
                        - { name: mail.ru, type: local }
                        - { name: inbox.ru, type: local }
                        - { name: mail.ru, type: alias }
            """);

        errors.Should().Equal(
            "lab.yaml:8:39: field 'hosts[0].smtp.virtualServers[0].domains[1].type': only one domain can be 'local' (the default domain), and 'mail.ru' at line 7 already is; make this one an 'alias'",
            "lab.yaml:9:23: field 'hosts[0].smtp.virtualServers[0].domains[2].name': the domain 'mail.ru' is already listed at line 7");
    }

    [Theory]
    [InlineData("{ name: '*.mail.ru', type: alias }", "field 'hosts[0].smtp.virtualServers[0].domains[1].name': only remote domains may use wildcards such as '*.mail.ru'")]
    [InlineData("{ name: bk.ru, type: alias, allowRelay: true }", "field 'hosts[0].smtp.virtualServers[0].domains[1].allowRelay': only remote domains have 'allowRelay'")]
    [InlineData("{ name: bk.ru, type: forward }", "field 'hosts[0].smtp.virtualServers[0].domains[1].type': must be local, alias or remote, not 'forward'")]
    [InlineData("{ name: bk.ru }", "field 'hosts[0].smtp.virtualServers[0].domains[1].type': is required")]
    [InlineData("{ name: 'bk..ru', type: remote }", "field 'hosts[0].smtp.virtualServers[0].domains[1].name': 'bk..ru' is not a domain name")]
    public void BadDomain_IsReported(string domain, string expected)
    {
        var errors = Errors($$"""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      domains:
                        - { name: mail.ru, type: local }
                        - {{domain}}
            """);

        errors.Should().ContainSingle().Which.Should().StartWith("lab.yaml:8:").And.EndWith(expected);
    }

    [Fact]
    public void Accounts_MustBeUserAtDomain_WithAPassword_AndUnique()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                accounts:
                  - { address: ivan, password: ivan123 }
                  - { address: ivan@mail.ru }
                  - { address: petr@mail.ru, password: a }
                  - { address: PETR@mail.ru, password: b }
            """);

        errors.Should().Equal(
            "lab.yaml:4:20: field 'hosts[0].accounts[0].address': 'ivan' is not an address of the form user@domain",
            "lab.yaml:5:9: field 'hosts[0].accounts[1].password': is required",
            "lab.yaml:7:20: field 'hosts[0].accounts[3].address': the account 'PETR@mail.ru' is already defined on mail.ru");
    }

    [Theory]
    [InlineData("{ name: mail.ru, type: CNAME, value: x.ru }", "lab.yaml:4:28: field 'dns[0].type': must be MX or A, not 'CNAME'")]
    [InlineData("{ name: mail.ru, type: MX, value: mail.ru }", "lab.yaml:4:5: field 'dns[0].preference': is required")]
    [InlineData("{ name: mail.ru, type: MX, preference: 65536, value: mail.ru }", "lab.yaml:4:44: field 'dns[0].preference': must be between 0 and 65535")]
    [InlineData("{ name: mail.ru, type: MX, preference: 10, value: 10.0.0.1/8 }", "lab.yaml:4:55: field 'dns[0].value': an MX record's value is a host name, not '10.0.0.1/8'")]
    [InlineData("{ name: mail.ru, type: A, value: 10.0.0 }", "lab.yaml:4:38: field 'dns[0].value': an A record's value is an IP address, not '10.0.0'")]
    [InlineData("{ name: mail.ru, type: A, preference: 10, value: 10.0.0.1 }", "lab.yaml:4:43: field 'dns[0].preference': only MX records have a preference")]
    [InlineData("{ type: A, value: 10.0.0.1 }", "lab.yaml:4:5: field 'dns[0].name': is required")]
    public void BadDnsRecord_IsReported(string record, string expected)
    {
        var errors = Errors($$"""
            hosts:
              - name: mail.ru
            dns:
              - {{record}}
            """);

        errors.Should().Equal(expected);
    }

    [Fact]
    public void DuplicateDnsRecord_IsReported()
    {
        var errors = Errors("""
            dns:
              - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
              - { name: MAIL.RU., type: mx, preference: 10, value: mail.ru }
            """);

        errors.Should().Equal("lab.yaml:3:5: field 'dns[1]': the same record is already defined at line 2");
    }

    [Fact]
    public void LinksAndUnreachableHosts_MustNameKnownHosts()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
              - name: rosnou.ru
            links:
              - { from: mail.ru, to: rosnu.ru }
              - { from: mail.ru, to: mail.ru }
              - { from: mail.ru, to: rosnou.ru, latencyMs: -5 }
            unreachableHosts: [gmail.com]
            """);

        errors.Should().Equal(
            "lab.yaml:5:26: field 'links[0].to': unknown host 'rosnu.ru'; did you mean 'rosnou.ru'?",
            "lab.yaml:6:26: field 'links[1].to': a link joins two different hosts",
            "lab.yaml:7:48: field 'links[2].latencyMs': must be at least 0",
            "lab.yaml:8:20: field 'unreachableHosts[0]': unknown host 'gmail.com'; the hosts are mail.ru, rosnou.ru");
    }

    [Fact]
    public void HostName_AndAddress_AreChecked()
    {
        var errors = Errors("""
            hosts:
              - { name: mail ru }
              - { name: a.ru, address: 10.0.0.1 }
              - { name: b.ru, address: 10.0.0.1 }
              - { address: 10.0.0.2 }
            """);

        errors.Should().Equal(
            "lab.yaml:2:13: field 'hosts[0].name': 'mail ru' is not a host name (letters, digits, hyphens and dots, like mail.ru)",
            "lab.yaml:4:28: field 'hosts[2].address': 10.0.0.1 is already the address of a.ru (line 3)",
            "lab.yaml:5:5: field 'hosts[3].name': is required");
    }

    [Fact]
    public void YamlSyntaxError_NamesTheLine()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
               smtp: {}
            """);

        errors.Should().Equal("lab.yaml:3:4: YAML syntax error: While parsing a block collection, did not find expected '-' indicator.");
    }

    [Fact]
    public void DuplicateKey_IsASyntaxError()
    {
        Errors("hosts:\n  - name: a.ru\n    name: b.ru\n").Should().Equal("lab.yaml:3:5: YAML syntax error: Duplicate key name");
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        Errors("# nothing yet\n").Should().Equal("lab.yaml:1:1: the file is empty; a topology starts with 'hosts:'");
    }

    [Fact]
    public void TopLevelList_IsReported()
    {
        Errors("- mail.ru\n").Should().Equal("lab.yaml:1:1: must be a mapping (key: value) with keys such as hosts, dns, links, unreachableHosts, faults, directories, certificate");
    }

    [Fact]
    public void MissingFile_IsReportedWithItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"maillab-missing-{Guid.NewGuid():N}.yaml");

        var act = () => TopologyLoader.LoadFile(path, TimeProvider.System);

        act.Should().Throw<TopologyException>().Which.Message.Should().StartWith($"{path}: cannot read the file:");
    }

    [Fact]
    public void EveryError_IsReported_InFileOrder_OnePerLine()
    {
        var act = () => TopologyLoader.LoadText("""
            hosts:
              - name: mail.ru
                adress: 10.0.0.1
                smtp:
                  virtualServers:
                    - { name: Default SMTP Virtual Server, port: -1 }
                accounts:
                  - { address: ivan, password: x }
            links:
              - { from: mail.ru, to: nowhere.ru, reachable: maybe }
            """, File, TimeProvider.System);

        act.Should().Throw<TopologyException>().Which.Message.Should().Be(string.Join(Environment.NewLine,
            "lab.yaml:3:5: field 'hosts[0].adress': unknown key 'adress'; did you mean 'address'?",
            "lab.yaml:6:54: field 'hosts[0].smtp.virtualServers[0].port': must be between 0 and 65535",
            "lab.yaml:8:20: field 'hosts[0].accounts[0].address': 'ivan' is not an address of the form user@domain",
            "lab.yaml:10:26: field 'links[0].to': unknown host 'nowhere.ru'; the hosts are mail.ru",
            "lab.yaml:10:49: field 'links[0].reachable': must be true or false, not 'maybe'"));
    }
}
