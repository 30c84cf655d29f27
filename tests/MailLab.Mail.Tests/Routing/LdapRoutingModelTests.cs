using System.Net;
using System.Net.Sockets;
using MailLab.Mail.Routing;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Topology;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Routing;

/// <summary>
/// LDAP routing's model: the LDAP Routing tab in the settings table (the password write-only), the
/// schema types' filters, the host's Active Directory as a directory, and a directory that cannot be
/// reached or does not answer in time (on the world's clock).
/// </summary>
public sealed class LdapRoutingModelTests
{
    private const string Yaml = """
        hosts:
          - name: rosnou.ru
            smtp:
              virtualServers:
                - name: VS
                  port: 0
                  domains: [ { name: rosnou.ru, type: local } ]
                  ldapRouting: { enabled: true, server: "ldap.rosnou.ru:3890", schema: exchange, binding: plainText, userName: "cn=admin,dc=rosnou,dc=ru", bindPassword: s3cret, base: "dc=rosnou,dc=ru" }
            accounts:
              - { address: student@rosnou.ru, password: student123 }
              - { address: teacher@rosnou.ru, password: teacher123 }

        directories:
          - name: rosnou.ru
            recipientPolicies:
              - { name: RosNOU users, priority: 1, addresses: ["SMTP:%m@rosnou.ru", "smtp:%g.%s@rosnou.ru"] }
            users:
              - { address: student@rosnou.ru, firstName: Petr, lastName: Sidorov }
              - { address: teacher@rosnou.ru }
            groups:
              - { name: students, members: [student, teacher] }
        """;

    [Fact]
    public void TheTab_IsReadFromTheTopology_AndWrittenBack_WithThePassword()
    {
        var world = TopologyLoader.LoadText(Yaml[..Yaml.IndexOf("directories:", StringComparison.Ordinal)], "ldap.yaml", TimeProvider.System);
        var routing = world.Hosts[0].Smtp.VirtualServers[0].Settings.LdapRouting;

        routing.Should().Be(new SmtpLdapRoutingSettings
        {
            Enabled = true, Server = "ldap.rosnou.ru:3890", Schema = LdapSchemaType.Exchange, Binding = LdapBindingType.PlainText,
            UserName = "cn=admin,dc=rosnou,dc=ru", Password = "s3cret", Base = "dc=rosnou,dc=ru",
        });
        var written = TopologyWriter.Write(world);
        written.Should().Contain("ldapRouting:").And.Contain("bindPassword: s3cret");
        TopologyLoader.LoadText(written, "written.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0].Settings.LdapRouting.Should().Be(routing);
    }

    [Fact]
    public void ThePassword_IsShownMasked_AndTheMaskGivenBackKeepsIt()
    {
        var server = TopologyLoader.LoadText(Yaml, "ldap.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0];

        VirtualServerSettings.Find("ldapPassword").Get(server).Should().Be("********");
        SettingJson.ByTab(server)["ldapRouting"]["ldapPassword"].Should().Be("********");
        VirtualServerSettings.ApplyAll(server, [new("ldapPassword", "********"), new("ldapSchema", "activeDirectory")]);
        server.Settings.LdapRouting.Password.Should().Be("s3cret");
        server.Settings.LdapRouting.Schema.Should().Be(LdapSchemaType.ActiveDirectory);

        VirtualServerSettings.Apply(server, "ldapPassword", "null");
        VirtualServerSettings.Find("ldapPassword").Get(server).Should().Be("null");
    }

    [Theory]
    [InlineData("ldapServer", "ldap://x", "expected a host name or IP address, optionally :port")]
    [InlineData("ldapBase", "rosnou.ru", "expected a distinguished name such as dc=rosnou,dc=ru")]
    [InlineData("ldapBinding", "kerberos", "expected anonymous, plainText, windowsSspi or serviceAccount")]
    [InlineData("ldapSchema", "novell", "expected activeDirectory, siteServer or exchange")]
    public void BadValues_AreRefusedWithWhatIsExpected(string name, string value, string expected)
    {
        var server = TopologyLoader.LoadText(Yaml, "ldap.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0];

        FluentActions.Invoking(() => VirtualServerSettings.Apply(server, name, value))
            .Should().Throw<InvalidSettingException>().Which.Message.Should().Contain(expected);
        server.Settings.LdapRouting.Server.Should().Be("ldap.rosnou.ru:3890");
    }

    [Theory]
    [InlineData(LdapSchemaType.ActiveDirectory, "(&(|(objectClass=user)(objectClass=contact)(objectClass=group))(|(mail=a\\2a\\28b\\29@x.ru)(proxyAddresses=smtp:a\\2a\\28b\\29@x.ru)))")]
    [InlineData(LdapSchemaType.SiteServer, "(&(|(objectClass=member)(objectClass=mgroup))(|(mail=a\\2a\\28b\\29@x.ru)))")]
    [InlineData(LdapSchemaType.Exchange, "(&(|(objectClass=person)(objectClass=groupOfNames))(|(rfc822Mailbox=a\\2a\\28b\\29@x.ru)))")]
    public void EachSchema_HasItsFilter_TheValueEscaped(LdapSchemaType schema, string filter)
    {
        LdapSchemaMap.For(schema).Filter("a*(b)@x.ru").Should().Be(filter);
        LdapSchemaMap.For(schema).IsGroup(["top", schema == LdapSchemaType.ActiveDirectory ? "group" : schema == LdapSchemaType.SiteServer ? "mgroup" : "groupOfNames"]).Should().BeTrue();
        LdapSchemaMap.For(schema).IsGroup(["top", "person"]).Should().BeFalse();
    }

    [Fact]
    public async Task TheHostsActiveDirectory_ResolvesProxiesAndGroups_AndKnowsNoStranger()
    {
        var host = TopologyLoader.LoadText(Yaml, "ldap.yaml", TimeProvider.System).Hosts[0];
        var directory = new WorldDirectory(host);

        var proxy = await directory.LookupAsync("petr.sidorov@rosnou.ru", CancellationToken.None);
        proxy.Outcome.Should().Be(DirectoryOutcome.User);
        proxy.Mailbox.Should().Be("student@rosnou.ru");
        var group = await directory.LookupAsync("students@rosnou.ru", CancellationToken.None);
        group.Outcome.Should().Be(DirectoryOutcome.Group);
        group.Members.Should().Equal("student@rosnou.ru", "teacher@rosnou.ru");
        (await directory.LookupAsync("nobody@rosnou.ru", CancellationToken.None)).Outcome.Should().Be(DirectoryOutcome.NotFound);
    }

    [Fact]
    public async Task NoServerOnThePort_Unavailable_ServerDown()
    {
        var directory = new LdapServerDirectory(new SmtpLdapRoutingSettings { Enabled = true, Server = $"127.0.0.1:{ClosedPort()}" }, TimeProvider.System, TimeSpan.FromSeconds(15));

        var answer = await directory.LookupAsync("student@rosnou.ru", CancellationToken.None);

        answer.Outcome.Should().Be(DirectoryOutcome.Unavailable);
        answer.Problem.Should().Contain("cannot be reached (LDAP result 81, server down)");
    }

    [Fact]
    public async Task AServerThatNeverAnswers_TimesOutOnTheWorldsClock()
    {
        // Accepts the connection and says nothing: the bind waits until the world's clock passes the time-out.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var clock = new FakeTimeProvider();
        var directory = new LdapServerDirectory(
            new SmtpLdapRoutingSettings { Enabled = true, Server = $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}" }, clock, TimeSpan.FromSeconds(15));

        var lookup = directory.LookupAsync("student@rosnou.ru", CancellationToken.None).AsTask();
        using var accepted = await silent.AcceptTcpClientAsync();
        lookup.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(15));
        var answer = await lookup;

        answer.Outcome.Should().Be(DirectoryOutcome.Unavailable);
        answer.Problem.Should().Be("no answer within 15 s");
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
