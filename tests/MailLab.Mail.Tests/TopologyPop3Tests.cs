using MailLab.Mail.Pop3;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using static MailLab.Mail.Tests.TopologyText;

namespace MailLab.Mail.Tests;

/// <summary>A host's <c>pop3</c> block: read through the POP3 service's own rules, written back, and refused with file, line and field.</summary>
public sealed class TopologyPop3Tests
{
    /// <summary>Every POP3 setting away from its default, with each authentication method.</summary>
    private const string Everything = """
        hosts:
          - name: mail.ru
            smtp:
              virtualServers:
                - { name: Default SMTP Virtual Server, port: 2525, domains: [ { name: mail.ru, type: local } ] }
            accounts:
              - { address: ivan@mail.ru, password: ivan123 }
              - { address: olga@lab.mail.ru, password: olga123 }
            pop3:
              port: 2995
              authentication: local
              requireSpa: true
              directory: corp.mail.ru
              defaultQuotaBytes: 4096
              domains:
                - name: mail.ru
                  locked: true
                  mailboxes:
                    - { user: ivan, locked: false, quota: 2048 }
                    - { user: petr, password: Petr1, locked: true, quota: null }
                - name: lab.mail.ru
                  mailboxes:
                    - { user: olga, quota: 1000, quotaUser: petr }
          - name: mx1.rosnou.ru
            pop3:
              port: 2996
              authentication: activeDirectory
              domains:
                - name: rosnou.ru
                  mailboxes:
                    - { user: student, password: student123 }
          - name: mx2.rosnou.ru
            pop3:
              port: 0
              authentication: activeDirectory
              domains:
                - name: rosnou.ru
                  mailboxes:
                    - { user: student, password: student123 }
          - name: files.ru
            pop3:
              authentication: passwordFile
              domains:
                - name: files.ru
                  mailboxes:
                    - { user: anna, password: Anna1 }
        """;

    [Fact]
    public void Everything_SurvivesARoundTrip_WrittenTheSameTwice()
    {
        var written = TopologyWriter.Write(Load(Everything));

        var reloaded = Load(written);

        TopologyWriter.Write(reloaded).Should().Be(written);
        Describe(reloaded).Should().BeEquivalentTo(Describe(Load(Everything)));
    }

    [Fact]
    public void Everything_IsReadAsWritten()
    {
        var world = Load(TopologyWriter.Write(Load(Everything)));

        var mail = world.FindHost("mail.ru")!.Pop3;
        mail.Should().BeEquivalentTo(new
        {
            Enabled = true,
            Port = 2995,
            AuthenticationMethod = Pop3AuthenticationMethod.LocalAccounts,
            RequireSecurePasswordAuthentication = true,
            DirectoryName = "corp.mail.ru",
            DefaultQuotaBytes = 4096L,
        });
        mail.FindDomain("mail.ru")!.IsLocked.Should().BeTrue();
        mail.QuotaOf(mail.FindMailbox("ivan@mail.ru")!).Should().Be(new Pop3Quota("ivan", 2048, 0));
        mail.FindMailbox("petr@mail.ru")!.IsOwnLocked.Should().BeTrue();
        mail.QuotaOf(mail.FindMailbox("petr@mail.ru")!).Should().BeNull();
        mail.QuotaOf(mail.FindMailbox("olga@lab.mail.ru")!).Should().Be(new Pop3Quota("petr", 1000, 0));
        mail.Host.Accounts.Find("petr@mail.ru")!.Password.Should().Be("Petr1", "a mailbox's password created a local account");

        var (mx1, mx2) = (world.FindHost("mx1.rosnou.ru")!.Pop3, world.FindHost("mx2.rosnou.ru")!.Pop3);
        mx1.Directory.Should().BeSameAs(mx2.Directory, "hosts of rosnou.ru share its directory");
        mx1.Directory.Accounts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Address = "student@rosnou.ru", Password = "student123" });
        mx2.Port.Should().Be(0);

        var files = world.FindHost("files.ru")!.Pop3;
        files.PasswordFile.Verify("anna@files.ru", "Anna1").Should().BeTrue("the hash written back still checks the password");
        files.Port.Should().Be(2110 + 3, "a host without a port gets 2110 + its place among POP3 hosts");
    }

    [Fact]
    public void Writer_KeepsPasswordFileHashesAndNotPasswords()
    {
        var text = TopologyWriter.Write(Load(Everything));

        text.Should().Contain("- {user: anna, passwordHash: 'pbkdf2-sha256:100000:")
            .And.NotContain("Anna1")
            .And.Contain("- {user: student, password: student123, locked: false, quota: null}")
            .And.Contain("- {user: olga, locked: false, quota: 1000, quotaUser: petr}");
    }

    [Fact]
    public void DefaultTopology_WritesItsPop3Services()
    {
        var text = TopologyWriter.Write(DefaultTopology.Create(TimeProvider.System));

        text.Should().Contain("""
                pop3:
                  port: 2111
                  authentication: local
                  requireSpa: false
                  directory: rosnou.ru
                  defaultQuotaBytes: 10485760
                  mailRoot: C:\Inetpub\mailroot\Mailbox
                  loggingLevel: 1
                  threadCount: 2
                  socketMin: 10
                  socketMax: 50
                  domains:
                    - name: rosnou.ru
                      locked: false
                      mailboxes:
                        - {user: student, locked: false, quota: null}
            """.ReplaceLineEndings("\n"));
        var reloaded = Load(text);
        reloaded.FindHost("mail.ru")!.Pop3.Port.Should().Be(2110);
        reloaded.FindHost("mail.ru")!.Pop3.FindMailbox("ivan@mail.ru").Should().NotBeNull();
    }

    [Fact]
    public void HostNamingItsDirectory_IsADomainMember_AndDefaultsToTheDirectoryMethod()
    {
        var world = Load("""
            hosts:
              - name: mail.ru
                pop3: { directory: rosnou.ru }
              - name: rosnou.ru
                pop3: {}
            """);

        var (member, standalone) = (world.FindHost("mail.ru")!.Pop3, world.FindHost("rosnou.ru")!.Pop3);
        member.AuthenticationMethod.Should().Be(Pop3AuthenticationMethod.ActiveDirectoryIntegrated);
        standalone.AuthenticationMethod.Should().Be(Pop3AuthenticationMethod.LocalAccounts);
        member.Directory.Should().BeSameAs(standalone.Directory, "rosnou.ru's own directory is the one mail.ru names");
    }

    [Theory]
    [InlineData("port: 70000", "field 'hosts[0].pop3.port': must be between 0 and 65535")]
    [InlineData("authentication: kerberos", "field 'hosts[0].pop3.authentication': must be local, activeDirectory or passwordFile, not 'kerberos'")]
    [InlineData("requireSpa: maybe", "field 'hosts[0].pop3.requireSpa': must be true or false, not 'maybe'")]
    [InlineData("directory: 'not a domain'", "field 'hosts[0].pop3.directory': 'not a domain' is not a domain name (the Active Directory domain, like rosnou.ru)")]
    [InlineData("defaultQuotaBytes: 0", "field 'hosts[0].pop3.defaultQuotaBytes': must be a number of bytes, at least 1")]
    [InlineData("domains: [ { name: 'bad domain' } ]", "field 'hosts[0].pop3.domains[0].name': \"bad domain\" is not a valid domain name.")]
    [InlineData("domains: [ { name: mail.ru, mailboxes: [ { user: petr } ] } ]", "field 'hosts[0].pop3.domains[0].mailboxes[0].user': There is no user petr@mail.ru; add /createuser Password.")]
    [InlineData("domains: [ { name: mail.ru, mailboxes: [ { user: abcdefghijklmnopqrstu, password: x } ] } ]", "field 'hosts[0].pop3.domains[0].mailboxes[0].user': A mailbox name has 1 to 20 characters with this authentication method.")]
    [InlineData("domains: [ { name: mail.ru, mailboxes: [ { user: petr, password: x, quota: 0 } ] } ]", "field 'hosts[0].pop3.domains[0].mailboxes[0].quota': must be a number of bytes, at least 1, or null (no quota file)")]
    [InlineData("domains: [ { name: mail.ru, mailboxes: [ { user: petr, password: x, quotaUser: ghost } ] } ]", "field 'hosts[0].pop3.domains[0].mailboxes[0].quotaUser': There is no user ghost.")]
    [InlineData("domains: [ { name: mail.ru, mailboxes: [ { user: petr, passwordHash: abc } ] } ]", "field 'hosts[0].pop3.domains[0].mailboxes[0].passwordHash': only the passwordFile authentication method keeps password hashes")]
    [InlineData("domains: [ { name: mail.ru, mailboxes: [ { user: petr, password: x }, { user: PETR, password: y } ] } ]", "field 'hosts[0].pop3.domains[0].mailboxes[1].user': The mailbox petr@mail.ru already exists.")]
    [InlineData("domains: [ { name: mail.ru, mailboxs: [] } ]", "field 'hosts[0].pop3.domains[0].mailboxs': unknown key 'mailboxs'; did you mean 'mailboxes'?")]
    public void WrongValue_IsReportedAtItsLine(string line, string expected)
    {
        var errors = Errors($$"""
            hosts:
              - name: mail.ru
                pop3:
                  {{line}}
            """);

        errors.Should().ContainSingle().Which.Should().StartWith("lab.yaml:4:").And.EndWith(expected);
    }

    [Fact]
    public void PasswordFileMailbox_NeedsAPasswordOrAValidHash()
    {
        var errors = Errors("""
            hosts:
              - name: files.ru
                pop3:
                  authentication: passwordFile
                  domains:
                    - name: files.ru
                      mailboxes:
                        - { user: anna }
                        - { user: boris, passwordHash: 'pbkdf2-sha256:1:AAAA:BBBB' }
            """);

        errors.Should().Equal(
            "lab.yaml:8:15: field 'hosts[0].pop3.domains[0].mailboxes[0].password': is required with the passwordFile authentication method (or passwordHash)",
            "lab.yaml:9:44: field 'hosts[0].pop3.domains[0].mailboxes[1].passwordHash': A password hash has the form pbkdf2-sha256:100000:<16-byte salt, Base64>:<32-byte hash, Base64>.");
    }

    [Fact]
    public void Pop3Port_TakenByAnSmtpVirtualServer_IsReported()
    {
        var errors = Errors("""
            hosts:
              - name: mail.ru
                smtp: { virtualServers: [ { name: A, port: 2525 } ] }
              - name: rosnou.ru
                pop3: { port: 2525 }
            """);

        errors.Should().Equal("lab.yaml:5:19: field 'hosts[1].pop3.port': 127.0.0.1:2525 is already used by 'A' on mail.ru (line 3)");
    }

    [Fact]
    public void OneDirectoryAccount_ListedOnTwoHosts_MustHaveOnePassword()
    {
        var errors = Errors("""
            hosts:
              - name: mx1.rosnou.ru
                pop3: { authentication: activeDirectory, domains: [ { name: rosnou.ru, mailboxes: [ { user: petr, password: One1 } ] } ] }
              - name: mail.ru
                pop3: { authentication: activeDirectory, directory: rosnou.ru, domains: [ { name: mail.ru, mailboxes: [ { user: petr, password: Two2 } ] } ] }
              - name: mx2.rosnou.ru
                pop3: { authentication: activeDirectory, domains: [ { name: rosnou.ru, mailboxes: [ { user: petr, password: Two2 } ] } ] }
            """);

        errors.Should().Equal(
            "lab.yaml:5:117: field 'hosts[1].pop3.domains[0].mailboxes[0].user': The user petr already exists in the directory rosnou.ru (petr@rosnou.ru); user names are unique across the directory.",
            "lab.yaml:7:113: field 'hosts[2].pop3.domains[0].mailboxes[0].password': the directory rosnou.ru already has petr@rosnou.ru with another password");
    }

    /// <summary>What a pop3 block describes, as plain values.</summary>
    private static object Describe(MailWorld world) => world.Hosts.Select(h => h.Pop3).Select(p => new
    {
        p.Enabled,
        p.Port,
        p.AuthenticationMethod,
        p.RequireSecurePasswordAuthentication,
        p.DirectoryName,
        p.DefaultQuotaBytes,
        Directory = p.Directory.Accounts.Select(a => (a.Address, a.Password)).ToArray(),
        Domains = p.Domains.Select(d => new
        {
            d.Name,
            d.IsLocked,
            Mailboxes = p.MailboxesOf(d).Select(m => new { m.Address, m.IsOwnLocked, Quota = p.QuotaOf(m) }).ToArray(),
        }).ToArray(),
    }).ToArray();
}
