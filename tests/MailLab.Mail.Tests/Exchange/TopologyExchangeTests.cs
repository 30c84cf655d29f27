using MailLab.Mail.Exchange;
using MailLab.Mail.Topology;
using static MailLab.Mail.Tests.TopologyText;

namespace MailLab.Mail.Tests.Exchange;

/// <summary>A host's <c>exchange</c> block: read with ESM's rules, written back, and refused with file, line and field.</summary>
public sealed class TopologyExchangeTests
{
    [Fact]
    public void ABlockWithOnlyAnOrganisation_IsSetupsServer()
    {
        var world = Load("""
            hosts:
              - name: rosnou.ru
                exchange: { organization: RosNOU }
            """);

        var server = world.FindHost("rosnou.ru")!.Exchange!;
        server.Name.Should().Be("ROSNOU");
        server.Organization.Should().Be("RosNOU");
        server.Edition.Should().Be(ExchangeEdition.Standard);
        server.ServicePack.Should().Be(2);
        server.StorageGroups.Should().ContainSingle().Which.Stores.Select(s => (s.Name, s.Mounted))
            .Should().Equal(("Mailbox Store (ROSNOU)", true), ("Public Folder Store (ROSNOU)", true));
        world.FindHost("rosnou.ru")!.Exchange!.Services.IsRunning(ExchangeServiceNames.InformationStore).Should().BeTrue();
    }

    [Fact]
    public void TheServerProperties_AreReadCheckedAndWrittenBack()
    {
        var world = Load("""
            hosts:
              - name: rosnou.ru
                exchange:
                  organization: RosNOU
                  properties: { messageTrackingEnabled: false, removeLogFiles: true, removeLogFilesDays: 14, locales: [en-US, ru-RU], "MSExchangeIS/Logons": Maximum }
            """);
        var server = world.FindHost("rosnou.ru")!.Exchange!;

        (server.Properties.MessageTrackingEnabled, server.Properties.RemoveLogFilesDays, server.Properties.Level("MSExchangeIS/Logons"), server.Properties.Level("POP3Svc/General"))
            .Should().Be((false, 14, "Maximum", "None"));
        server.Properties.Locales.Should().Equal("en-US", "ru-RU");
        server.TrackingLogDirectory.Should().Be(@"C:\Program Files\Exchsrvr\ROSNOU.log");
        server.WasTracking(1).Should().BeFalse("off from the start");
        var again = Load(TopologyWriter.Write(world)).FindHost("rosnou.ru")!.Exchange!.Properties;
        (again.MessageTrackingEnabled, again.RemoveLogFiles, again.Level("MSExchangeIS/Logons"), string.Join(",", again.Locales)).Should().Be((false, true, "Maximum", "en-US,ru-RU"));

        Errors("""
            hosts:
              - name: rosnou.ru
                exchange: { organization: RosNOU, properties: { locales: [english], "MSExchangeIS/Logons": Loud } }
            """).Should().Contain(e => e.Contains("locale tags")).And.Contain(e => e.Contains("Loud"));
        FluentActions.Invoking(() => server.ConfigureProperties(p => Mail.Exchange.Settings.ServerPropertySettings.Apply(p, [new("locales", "null")])))
            .Should().Throw<ExchangeAdminException>().WithMessage("*at least one locale*");
    }

    [Fact]
    public void EveryKey_IsReadAndWrittenBack()
    {
        var world = Load("""
            hosts:
              - name: mx.example.org
                exchange:
                  organization: Example
                  administrativeGroup: Moscow
                  edition: enterprise
                  servicePack: 2
                  databaseSizeLimitGb: 120
                  storageGroups:
                    - name: First Storage Group
                      stores:
                        - { name: Staff, kind: mailbox }
                        - { name: Public, kind: publicFolder, doNotMountAtStartup: true, mounted: false }
                    - name: Students
                      circularLogging: true
                      stores:
                        - { name: Students A-M, kind: mailbox, mounted: false }
            """);
        var server = world.FindHost("mx.example.org")!.Exchange!;

        server.AdministrativeGroup.Should().Be("Moscow");
        server.DatabaseLimitGb.Should().Be(120);
        server.StorageGroups.Select(g => (g.Name, g.Logs.Prefix, g.CircularLogging)).Should().Equal(("First Storage Group", "E00", false), ("Students", "E01", true));
        server.FindStore("Staff")!.Should().Match<ExchangeStore>(s => s.Mounted && s.DatabaseFile == "priv1.edb");
        server.FindStore("Public")!.Should().Match<ExchangeStore>(s => !s.Mounted && s.DoNotMountAtStartup && s.DatabaseFile == "pub1.edb");
        server.FindStore("Students A-M")!.Mounted.Should().BeFalse();

        var written = TopologyWriter.Write(world);
        var again = Load(written).FindHost("mx.example.org")!.Exchange!;
        TopologyWriter.Write(Load(written)).Should().Be(written);
        again.StorageGroups.SelectMany(g => g.Stores).Select(s => (s.Name, s.Kind, s.Mounted, s.DoNotMountAtStartup))
            .Should().Equal(server.StorageGroups.SelectMany(g => g.Stores).Select(s => (s.Name, s.Kind, s.Mounted, s.DoNotMountAtStartup)));
    }

    [Fact]
    public void TheEditionsLimits_AreErrorsInTheFile()
    {
        Errors("""
            hosts:
              - name: rosnou.ru
                exchange:
                  organization: RosNOU
                  edition: standard
                  servicePack: 1
                  databaseSizeLimitGb: 20
                  storageGroups:
                    - name: First Storage Group
                      stores:
                        - { name: A, kind: mailbox }
                        - { name: B, kind: mailbox }
                        - { name: C, kind: archive }
                    - name: Second Storage Group
            """).Should().Equal(
            "lab.yaml:7:28: field 'hosts[0].exchange.databaseSizeLimitGb': Database Size Limit in Gb is read by Exchange Server 2003 SP2 and later only.",
            "lab.yaml:12:23: field 'hosts[0].exchange.storageGroups[0].stores[1].name': Exchange Server 2003 Standard Edition supports one mailbox store on a server.",
            "lab.yaml:13:32: field 'hosts[0].exchange.storageGroups[0].stores[2].kind': must be mailbox or publicFolder, not 'archive'",
            "lab.yaml:14:17: field 'hosts[0].exchange.storageGroups[1].name': Exchange Server 2003 Standard Edition supports one storage group on a server.");
    }

    [Fact]
    public void Services_ChangedFromANewServers_AreReadAndWrittenBack()
    {
        var world = Load("""
            hosts:
              - name: rosnou.ru
                exchange:
                  organization: RosNOU
                  services:
                    - { name: Microsoft Exchange POP3, startupType: manual, status: running }
                    - { name: MSExchangeSA, status: stopped }
            """);
        var server = world.FindHost("rosnou.ru")!.Exchange!;

        server.Services.IsRunning(ExchangeServiceNames.Pop3).Should().BeTrue();
        server.Services.IsRunning(ExchangeServiceNames.InformationStore).Should().BeFalse("System Attendant stopped takes it with it");
        server.StorageGroups[0].Stores.Should().OnlyContain(s => !s.Mounted);

        var written = TopologyWriter.Write(world);
        written.Should().Contain("{name: POP3Svc, startupType: manual, status: running}")
            .And.Contain("{name: MSExchangeIS, startupType: automatic, status: stopped}")
            .And.NotContain("name: SMTPSVC");
        var again = Load(written).FindHost("rosnou.ru")!.Exchange!;
        again.Services.Services.Select(s => (s.Name, s.StartupType, s.Status)).Should().Equal(server.Services.Services.Select(s => (s.Name, s.StartupType, s.Status)));
        TopologyWriter.Write(Load(written)).Should().Be(written);
    }

    [Fact]
    public void AServiceThatCannotRun_IsAnErrorAtItsStatus()
    {
        Errors("""
            hosts:
              - name: rosnou.ru
                exchange:
                  organization: RosNOU
                  services:
                    - { name: IMAP4Svc, status: running }
                    - { name: Telnet, status: running }
                    - { name: MSExchangeIS, startupType: sometimes }
            """).Should().Equal(
            "lab.yaml:6:37: field 'hosts[0].exchange.services[0].status': Error 1058: The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.",
            "lab.yaml:7:19: field 'hosts[0].exchange.services[1].name': ROSNOU has no service \"Telnet\"; its services: IISADMIN, MSExchangeES, IMAP4Svc, MSExchangeIS, MSExchangeMGMT, MSExchangeMTA, POP3Svc, RESvc, MSExchangeSRS, MSExchangeSA, SMTPSVC, W3SVC",
            "lab.yaml:8:46: field 'hosts[0].exchange.services[2].startupType': must be automatic, manual or disabled, not 'sometimes'");
    }

    [Fact]
    public void TheMaintenanceInterval_IsMidnightTo4ByDefault_ReadFromTheStoresLimits_AndWrittenBack()
    {
        const string File = """
            hosts:
              - name: rosnou.ru
                exchange:
                  organization: RosNOU
                  edition: enterprise
                  storageGroups:
                    - name: First Storage Group
                      stores:
                        - { name: Staff, kind: mailbox, limits: { maintenanceInterval: "22:00-02:00" } }
                        - { name: Other, kind: mailbox }
            """;
        var server = Load(File).FindHost("rosnou.ru")!.Exchange!;

        server.FindStore("Staff")!.Limits.MaintenanceInterval.Should().Be("22:00-02:00");
        server.FindStore("Other")!.Limits.MaintenanceInterval.Should().Be("00:00-04:00");
        Load(TopologyWriter.Write(Load(File))).FindHost("rosnou.ru")!.Exchange!.FindStore("Staff")!.Limits.MaintenanceInterval.Should().Be("22:00-02:00");
        Errors(File.Replace("22:00-02:00", "at night")).Should().ContainSingle().Which.Should().Contain("maintenanceInterval").And.Contain("is not a daily window HH:MM-HH:MM");
    }

    [Fact]
    public void AMisspeltKey_IsRefused()
    {
        Errors("""
            hosts:
              - name: rosnou.ru
                exchange: { organization: RosNOU, editon: enterprise }
            """).Should().ContainSingle().Which.Should().Contain("editon");
    }
}
