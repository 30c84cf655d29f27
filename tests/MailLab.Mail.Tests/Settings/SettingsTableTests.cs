using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.Settings;

/// <summary>
/// The settings table drives the topology file's reader and writer: every setting written away from
/// its default loads back with the same value, and a refused value changes nothing.
/// </summary>
public sealed class SettingsTableTests
{
    private const string OneServer = """
        hosts:
          - name: mail.example
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
        """;

    [Theory]
    [MemberData(nameof(SettingSamples.Names), MemberType = typeof(SettingSamples))]
    public void EverySetting_RoundTripsThroughTheTopologyFile(string name)
    {
        var setting = VirtualServerSettings.Find(name);
        var (text, expected) = SettingSamples.For(setting);
        var world = TopologyLoader.LoadText(OneServer, "lab.yaml", TimeProvider.System);
        var server = world.Hosts[0].Smtp.VirtualServers[0];
        VirtualServerSettings.Apply(server, name, text);

        var written = TopologyWriter.Write(world);
        var loaded = TopologyLoader.LoadText(written, "written.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0];

        setting.Get(loaded).Should().Be(expected, $"the file said:\n{written}");
        VirtualServerSettings.All.Where(s => s != setting).Select(s => s.Get(loaded))
            .Should().Equal(VirtualServerSettings.All.Where(s => s != setting).Select(s => s.Get(server)), "the other settings keep their values");
    }

    [Fact]
    public void AChangeIsANewSnapshot_AndARefusedOneKeepsTheOld()
    {
        var server = TopologyLoader.LoadText(OneServer, "lab.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0];
        var before = server.Settings;

        var act = () => VirtualServerSettings.ApplyAll(server, [new("maxRecipientsPerMessage", "3"), new("maxSessionSizeKb", "1")]);

        act.Should().Throw<InvalidSettingException>().WithMessage("IIS would refuse this: maxSessionSizeKb must be at least maxMessageSizeKb.");
        server.Settings.Should().BeSameAs(before);
        VirtualServerSettings.ApplyAll(server, [new("maxRecipientsPerMessage", "3"), new("maxSessionSizeKb", "4096")]);
        server.Settings.Should().NotBeSameAs(before);
        before.Limits.MaxRecipientsPerMessage.Should().Be(100, "a snapshot a session took never changes");
        server.Limits.MaxRecipientsPerMessage.Should().Be(3);
    }

    [Theory]
    [InlineData("maxMessageSizeKb", "IIS would refuse this: maxMessageSizeKb must be at least 1.")]
    [InlineData("outboundPort", "IIS would refuse this: outboundPort must be between 1 and 65535.")]
    [InlineData("connectionTimeoutMinutes", "IIS would refuse this: connectionTimeoutMinutes must be greater than 0.")]
    public void ASnapshotMadeInCode_IsCheckedByTheTableToo(string name, string message)
    {
        var server = TopologyLoader.LoadText(OneServer, "lab.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0];

        var act = () => server.Configure(s => s with
        {
            Limits = name == "maxMessageSizeKb" ? s.Limits with { MaxMessageSizeKb = 0 }
                : name == "connectionTimeoutMinutes" ? s.Limits with { ConnectionTimeout = TimeSpan.Zero } : s.Limits,
            Delivery = name == "outboundPort" ? s.Delivery with { OutboundPort = 0 } : s.Delivery,
        });

        act.Should().Throw<InvalidSettingException>().WithMessage(message).Which.Setting.Should().Be(name);
    }

    [Fact]
    public void ConcurrentChanges_AreAllKept()
    {
        var server = TopologyLoader.LoadText(OneServer, "lab.yaml", TimeProvider.System).Hosts[0].Smtp.VirtualServers[0];

        // Each change is made from the snapshot it replaces, so none is lost to another one.
        Parallel.For(0, 200, i => server.Configure(s => s with { Delivery = s.Delivery with { MaxHopCount = s.Delivery.MaxHopCount + 1 } }));

        server.Delivery.MaxHopCount.Should().Be(15 + 200);
    }

    [Fact]
    public void TheSheetPlacesEverySettingOnce_OnTheTabsOfIis()
    {
        var layout = SettingsSheet.Layout();

        layout.Select(t => t.Name).Should().Equal("general", "access", "messages", "delivery", "ldapRouting");
        layout.SelectMany(t => t.Groups).SelectMany(g => g.Settings).Should().BeEquivalentTo(VirtualServerSettings.All);
        layout.Single(t => t.Name == "delivery").Groups.Single(g => g.Name == "advanced").Settings.Select(s => s.Name)
            .Should().Equal("maxHopCount", "masqueradeDomain", "fqdn", "smartHost");
    }
}
