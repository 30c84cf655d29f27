using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests;

/// <summary>The writer produces the loader's format: load → write → load gives the same settings.</summary>
public sealed class TopologyRoundTripTests
{
    /// <summary>Every setting away from its IIS default, so that a dropped key would show.</summary>
    private const string Everything = """
        hosts:
          - name: mail.ru
            address: 198.51.100.10
            smtp:
              state: paused
              virtualServers:
                - name: Default SMTP Virtual Server
                  address: 127.0.0.1
                  port: 2525
                  homeDirectory: 'D:\mail root'
                  fqdn: smtp.mail.ru
                  state: stopped
                  loggingEnabled: false
                  ndrCopyTo: postmaster@mail.ru
                  limits: { maxConnections: 5, connectionTimeoutMinutes: 1.5, maxMessageSizeKb: null, maxSessionSizeKb: null, maxMessagesPerConnection: null, maxRecipientsPerMessage: 3 }
                  access:
                    anonymousAccess: false
                    basicAuthentication: true
                    basicRequiresTls: true
                    basicDefaultDomain: mail.ru
                    requireTls: true
                    connection: { onlyListed: true, entries: [127.0.0.1, 10.0.0.0/8, 192.168.1.0/255.255.255.0, students.rosnou.ru] }
                    relay: { onlyListed: false, entries: [203.0.113.66] }
                    allowAuthenticatedRelay: false
                  delivery:
                    retryIntervalsMinutes: [1, 2.5, 10]
                    delayNotificationHours: 0.5
                    expirationHours: 72
                    maxHopCount: 30
                    masqueradeDomain: corp.mail.ru
                    smartHost: '[192.0.2.25]:2525'
                    outboundPort: 587
                    maxOutboundConnections: null
                    maxOutboundConnectionsPerDomain: 7
                    outboundTimeoutMinutes: 2
                    outboundTls: true
                  domains:
                    - { name: inbox.ru, type: alias }
                    - { name: mail.ru, type: local }
                    - { name: "*.example.com", type: remote, allowRelay: true, smartHost: relay.example.com:25, requireTls: true, sendHeloInsteadOfEhlo: true }
                - name: Second
                  port: 0
                  state: paused
            accounts:
              - { address: ivan@mail.ru, password: '123456' }
              - { address: petr@mail.ru, password: 'null' }
          - name: rosnou.ru
        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: MX, preference: 20, value: backup.mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
        links:
          - { from: mail.ru, to: rosnou.ru, reachable: false, latencyMs: 12.5 }
        unreachableHosts: [rosnou.ru]
        """;

    [Fact]
    public void Everything_SurvivesARoundTrip()
    {
        var first = Load(Everything);

        var written = TopologyWriter.Write(first);
        var second = Load(written);

        TopologyWriter.Write(second).Should().Be(written);
        Snapshot(second).Should().BeEquivalentTo(Snapshot(first));
    }

    [Fact]
    public void Everything_IsReadAsWritten()
    {
        var world = Load(TopologyWriter.Write(Load(Everything)));

        var host = world.FindHost("mail.ru")!;
        host.Smtp.State.Should().Be(VirtualServerState.Paused);
        var vs = host.Smtp.Find("Default SMTP Virtual Server")!;
        vs.OwnState.Should().Be(VirtualServerState.Stopped);
        vs.HomeDirectory.Path.Should().Be(@"D:\mail root");
        vs.Fqdn.Should().Be("smtp.mail.ru");
        vs.LoggingEnabled.Should().BeFalse();
        vs.NdrCopyTo.Should().Be("postmaster@mail.ru");
        vs.Limits.Should().BeEquivalentTo(new SmtpLimitsSettings
        {
            MaxConnections = 5,
            ConnectionTimeout = TimeSpan.FromSeconds(90),
            MaxMessageSizeKb = null,
            MaxSessionSizeKb = null,
            MaxMessagesPerConnection = null,
            MaxRecipientsPerMessage = 3,
        });
        vs.Access.Connection.OnlyListed.Should().BeTrue();
        vs.Access.Connection.Entries.Select(e => e.Network?.ToString() ?? e.Domain).Should().Equal("127.0.0.1/32", "10.0.0.0/8", "192.168.1.0/24", "students.rosnou.ru");
        vs.Access.Relay.Entries.Should().ContainSingle().Which.Text.Should().Be("203.0.113.66");
        vs.Access.Should().BeEquivalentTo(new { AnonymousAccess = false, BasicAuthentication = true, BasicRequiresTls = true, BasicDefaultDomain = "mail.ru", RequireTls = true, AllowAuthenticatedRelay = false });
        vs.Delivery.RetryIntervals.Should().Equal(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(10));
        vs.Delivery.Should().BeEquivalentTo(new
        {
            DelayNotification = TimeSpan.FromMinutes(30),
            Expiration = TimeSpan.FromDays(3),
            MaxHopCount = 30,
            MasqueradeDomain = "corp.mail.ru",
            SmartHost = "[192.0.2.25]:2525",
            OutboundPort = 587,
            MaxOutboundConnections = (int?)null,
            MaxOutboundConnectionsPerDomain = 7,
            OutboundTimeout = TimeSpan.FromMinutes(2),
            OutboundTls = true,
        });
        vs.Domains.Default.Name.Should().Be("mail.ru");
        vs.Domains.Find("inbox.ru")!.Type.Should().Be(SmtpDomainType.LocalAlias);
        vs.Domains.Find("*.example.com").Should().BeEquivalentTo(new
        {
            Type = SmtpDomainType.Remote,
            AllowRelay = true,
            SmartHost = "relay.example.com:25",
            RequireTls = true,
            SendHeloInsteadOfEhlo = true,
        });
        host.Smtp.Find("Second")!.Should().BeEquivalentTo(new { Port = 0, OwnState = VirtualServerState.Paused, Fqdn = "mail.ru" });
        host.Accounts.All.Select(a => (a.Address, a.Password)).Should().Equal(("ivan@mail.ru", "123456"), ("petr@mail.ru", "null"));
        world.Dns.LookupMx("mail.ru").Select(r => r.Exchange).Should().Equal("mail.ru", "backup.mail.ru");
        world.Links.All.Should().Equal(("mail.ru", "rosnou.ru", false, TimeSpan.FromMilliseconds(12.5)));
        world.Links.UnreachableHosts.Should().Equal("rosnou.ru");
    }

    [Fact]
    public void DefaultTopology_WrittenAndLoaded_IsTheSame()
    {
        var original = DefaultTopology.Create(TimeProvider.System);

        var reloaded = Load(TopologyWriter.Write(original));

        Snapshot(reloaded).Should().BeEquivalentTo(Snapshot(original));
    }

    [Fact]
    public void Writer_QuotesStringsThatYamlWouldReadAsSomethingElse()
    {
        var text = TopologyWriter.Write(Load(Everything));

        text.Should().Contain("{address: ivan@mail.ru, password: '123456'}")
            .And.Contain("{address: petr@mail.ru, password: 'null'}")
            .And.Contain("name: '*.example.com'")
            .And.NotContain("\n...");
    }

    [Fact]
    public void Writer_WritesTheDocumentedSchema()
    {
        var text = TopologyWriter.Write(DefaultTopology.Create(TimeProvider.System));

        text.Should().Contain("""
              - name: rosnou.ru
                address: 203.0.113.10
                smtp:
                  state: running
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      address: 127.0.0.1
                      port: 2526
                      homeDirectory: C:\Inetpub\mailroot
                      fqdn: rosnou.ru
                      state: running
            """.ReplaceLineEndings("\n"));
        text.Should().Contain("    - {name: rosnou.ru, type: local}\n")
            .And.Contain("  - {name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru}\n")
            .And.Contain("  - {from: mail.ru, to: rosnou.ru, reachable: true, latencyMs: 0}\n")
            .And.EndWith("unreachableHosts: []\n");
    }

    [Fact]
    public void DirectoryAndLocalAccounts_WithoutAMailbox_SurviveARoundTrip()
    {
        var world = Load("""
            hosts:
              - name: mail.ru
                pop3: { authentication: local, domains: [ { name: mail.ru } ] }
              - name: mx.rosnou.ru
                pop3: { authentication: activeDirectory, domains: [ { name: rosnou.ru } ] }
            """);
        var (local, directory) = (world.FindHost("mail.ru")!.Pop3, world.FindHost("mx.rosnou.ru")!.Pop3);
        local.AddMailbox("ivan@mail.ru", "Ivan1");
        local.DeleteMailbox("ivan@mail.ru", deleteUser: false);
        directory.AddMailbox("petr@rosnou.ru", "Petr1");
        directory.DeleteMailbox("petr@rosnou.ru", deleteUser: false);
        directory.AddMailbox("anna@rosnou.ru", "Anna1");

        var written = TopologyWriter.Write(world);
        var reloaded = Load(written);

        TopologyWriter.Write(reloaded).Should().Be(written);
        written.Should().Contain("- {address: ivan@mail.ru, password: Ivan1, mailbox: false}")
            .And.Contain("directories:\n  - name: rosnou.ru\n    accounts:\n      - {address: petr@rosnou.ru, password: Petr1}\n");
        var host = reloaded.FindHost("mail.ru")!;
        host.Accounts.Find("ivan@mail.ru")!.Password.Should().Be("Ivan1");
        host.Mailboxes.Find("ivan@mail.ru").Should().BeNull("the account's mailbox was deleted, so its mail goes to Drop again");
        var rosnou = reloaded.FindHost("mx.rosnou.ru")!.Pop3;
        rosnou.Directory.Accounts.Select(a => (a.Address, a.Password)).Should().Equal(("anna@rosnou.ru", "Anna1"), ("petr@rosnou.ru", "Petr1"));
        rosnou.FindMailbox("petr@rosnou.ru").Should().BeNull();

        // winpop add without /createuser finds the account that survived, as on Windows.
        rosnou.AddMailbox("petr@rosnou.ru", password: null);
        host.Pop3.AddMailbox("ivan@mail.ru", password: null);
        rosnou.FindMailbox("petr@rosnou.ru").Should().NotBeNull();
    }

    [Fact]
    public void Directories_WithABadAccount_AreReportedAtTheirLine()
    {
        var act = () => Load("""
            hosts: []
            directories:
              - name: rosnou.ru
                accounts:
                  - { address: petr@rosnou.ru, password: One1 }
                  - { address: petr@rosnou.ru, password: Two2 }
                  - { address: nobody, password: x }
            """);

        act.Should().Throw<TopologyException>().Which.Errors.Select(e => e.ToString()).Should().Equal(
            "round-trip.yaml:6:20: field 'directories[0].accounts[1].address': The user petr already exists in the directory rosnou.ru (petr@rosnou.ru); user names are unique across the directory.",
            "round-trip.yaml:7:20: field 'directories[0].accounts[2].address': 'nobody' is not an address of the form user@domain");
    }

    [Fact]
    public void Hashed_KeepsNoPassword_AndTheAccountsReadBackCheckPasswordsGivenInClearOnly()
    {
        var world = Load("""
            hosts:
              - name: mail.ru
                smtp: { virtualServers: [ { name: A, port: 0, operators: [Administrators, ivan] } ] }
                accounts:
                  - { address: ivan@mail.ru, password: Ivan1 }
              - name: mx.rosnou.ru
                pop3: { authentication: activeDirectory, domains: [ { name: rosnou.ru, mailboxes: [ { user: petr, password: Petr1 } ] } ] }
            """);

        var written = TopologyWriter.Write(world, PasswordForm.Hashed);
        var reloaded = Load(written);

        written.Should().NotContain("Ivan1").And.NotContain("Petr1").And.NotContain("password:")
            .And.Contain("operators: [Administrators, ivan@mail.ru]")
            .And.Contain("directories:\n  - name: rosnou.ru\n    accounts:\n      - {address: petr@rosnou.ru, passwordHash: 'pbkdf2-sha256:100000:");
        TopologyWriter.Write(reloaded).Should().Be(written, "an account with only its hash keeps it, even written as given");
        var ivan = reloaded.FindHost("mail.ru")!.Accounts.Find("ivan@mail.ru")!;
        ivan.Password.Should().BeNull();
        ivan.Verify("Ivan1").Should().BeTrue();
        ivan.Verify("ivan1").Should().BeFalse();
        Accounts.AccountDirectory.CramMd5Matches(ivan, "<1.2@mail.ru>", Protocol.Common.CramMd5.Digest("Ivan1", "<1.2@mail.ru>"))
            .Should().BeFalse("CRAM-MD5 needs the clear secret (RFC 2195), which a hash cannot give");
        reloaded.FindHost("mail.ru")!.Smtp.Find("A")!.Operators.Names.Should().Equal("Administrators", "ivan@mail.ru");
        reloaded.FindHost("mx.rosnou.ru")!.Pop3.Directory.Find("petr@rosnou.ru")!.Verify("Petr1").Should().BeTrue();
        reloaded.FindHost("mx.rosnou.ru")!.Pop3.FindMailbox("petr@rosnou.ru").Should().NotBeNull();

        // A new password is kept in clear again (and hashed anew when saved).
        ivan.Password = "Ivan2";
        ivan.Verify("Ivan2").Should().BeTrue();
        TopologyWriter.Write(reloaded).Should().Contain("{address: ivan@mail.ru, password: Ivan2}");
    }

    [Theory]
    [InlineData("{ address: a@mail.ru, password: x, passwordHash: 'pbkdf2-sha256:1:a:b' }", "3:66: field 'hosts[0].accounts[0].passwordHash': give password or passwordHash, not both")]
    [InlineData("{ address: a@mail.ru, passwordHash: 'md5:abc' }", "3:53: field 'hosts[0].accounts[0].passwordHash': must have the form pbkdf2-sha256:100000:<16-byte salt, Base64>:<32-byte hash, Base64>")]
    [InlineData("{ address: a@mail.ru }", "3:17: field 'hosts[0].accounts[0].password': is required")]
    public void AccountPasswordHash_Mistakes_AreReported(string account, string expected)
    {
        var act = () => Load($"hosts:\n  - name: mail.ru\n    accounts: [ {account} ]\n");

        act.Should().Throw<TopologyException>().Which.Errors.Select(e => e.ToString()).Should().Equal($"round-trip.yaml:{expected}");
    }

    [Fact]
    public void Operators_NamingNoAccountOfTheHost_AreReported()
    {
        var act = () => Load("""
            hosts:
              - name: mail.ru
                smtp: { virtualServers: [ { name: A, port: 0, operators: [Administrators, olga] } ] }
            """);

        act.Should().Throw<TopologyException>().Which.Errors.Select(e => e.ToString()).Should().Equal(
            "round-trip.yaml:3:62: field 'hosts[0].smtp.virtualServers[0].operators': \"olga\" is neither an account of mail.ru nor a group (Administrators, Users).");
    }

    private static MailWorld Load(string yaml) => TopologyLoader.LoadText(yaml, "round-trip.yaml", TimeProvider.System);

    /// <summary>Everything a topology file describes, as plain values that compare structurally.</summary>
    private static object Snapshot(MailWorld world) => new
    {
        Hosts = world.Hosts.Select(h => new
        {
            h.Name,
            Address = h.Address?.ToString(),
            ServiceState = h.Smtp.State,
            VirtualServers = h.Smtp.VirtualServers.Select(v => new
            {
                v.Name,
                Address = v.Address.ToString(),
                v.Port,
                HomeDirectory = v.HomeDirectory.Path,
                v.Fqdn,
                v.OwnState,
                v.LoggingEnabled,
                v.NdrCopyTo,
                v.Limits,
                Access = new
                {
                    v.Access.AnonymousAccess,
                    v.Access.BasicAuthentication,
                    v.Access.BasicRequiresTls,
                    v.Access.BasicDefaultDomain,
                    v.Access.RequireTls,
                    ConnectionOnlyListed = v.Access.Connection.OnlyListed,
                    Connection = v.Access.Connection.Entries.Select(e => e.Text).ToArray(),
                    RelayOnlyListed = v.Access.Relay.OnlyListed,
                    Relay = v.Access.Relay.Entries.Select(e => e.Text).ToArray(),
                    v.Access.AllowAuthenticatedRelay,
                },
                v.Delivery,
                Domains = v.Domains.All.Select(d => new { d.Name, d.Type, d.AllowRelay, d.SmartHost, d.RequireTls, d.SendHeloInsteadOfEhlo }).OrderBy(d => d.Name).ToArray(),
            }).ToArray(),
            Accounts = h.Accounts.All.Select(a => new { a.Address, a.Password }).ToArray(),
        }).ToArray(),
        Dns = world.Dns.All.ToArray(),
        Links = world.Links.All.ToArray(),
        Unreachable = world.Links.UnreachableHosts.Order().ToArray(),
        Pointers = world.Hosts.Where(h => h.Address is not null).Select(h => world.Dns.ReverseLookup(h.Address)).ToArray(),
    };
}
