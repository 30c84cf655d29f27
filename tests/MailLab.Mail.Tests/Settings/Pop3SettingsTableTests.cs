using MailLab.Mail.Pop3;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Topology;

namespace MailLab.Mail.Tests.Settings;

/// <summary>
/// The POP3 service's settings table drives the topology file's reader and writer as the virtual
/// server's does: every setting written away from its default loads back with the same value, and a
/// refused change keeps the old snapshot.
/// </summary>
public sealed class Pop3SettingsTableTests
{
    private const string OneService = """
        hosts:
          - name: mail.example
            pop3: { domains: [] }
        """;

    [Theory]
    [MemberData(nameof(SettingSamples.Pop3Names), MemberType = typeof(SettingSamples))]
    public void EveryPop3Setting_RoundTripsThroughTheTopologyFile(string name)
    {
        var setting = Pop3Settings.Find(name);
        var (text, expected) = SettingSamples.For(setting);
        var world = TopologyLoader.LoadText(OneService, "lab.yaml", TimeProvider.System);
        var service = world.Hosts[0].Pop3;
        Pop3Settings.Apply(service, name, text);

        var written = TopologyWriter.Write(world);
        var loaded = TopologyLoader.LoadText(written, "written.yaml", TimeProvider.System).Hosts[0].Pop3;

        setting.Get(loaded.Settings).Should().Be(expected, $"the file said:\n{written}");
        Pop3Settings.All.Where(s => s != setting).Select(s => s.Get(loaded.Settings))
            .Should().Equal(Pop3Settings.All.Where(s => s != setting).Select(s => s.Get(service.Settings)), "the other settings keep their values");
    }

    [Fact]
    public void ARefusedSet_KeepsTheSnapshot_AndTheRuleIsCheckedOnceEveryChangeIsIn()
    {
        var service = TopologyLoader.LoadText(OneService, "lab.yaml", TimeProvider.System).Hosts[0].Pop3;
        var before = service.Settings;

        var act = () => Pop3Settings.ApplyAll(service, [new("requireSpa", "true"), new("socketMax", "5")]);

        act.Should().Throw<InvalidSettingException>().WithMessage("Windows would refuse this: socketMax must be at least socketMin.");
        service.Settings.Should().BeSameAs(before);
        Pop3Settings.ApplyAll(service, [new("socketMin", "2"), new("socketMax", "5")]);
        service.SocketMax.Should().Be(5);
        before.SocketMax.Should().Be(50, "a snapshot a session took never changes");
    }

    [Fact]
    public void TheMethod_ChangesOnlyWhileNoDomainExists_ThroughTheTableToo()
    {
        var service = TopologyLoader.LoadText(OneService, "lab.yaml", TimeProvider.System).Hosts[0].Pop3;
        service.AddDomain("mail.example");

        var act = () => Pop3Settings.Apply(service, "authentication", "passwordFile");

        act.Should().Throw<Pop3AdminException>().WithMessage("The authentication method can be changed only while no domains exist.");
        service.AuthenticationMethod.Should().Be(Pop3AuthenticationMethod.LocalAccounts);
    }

    [Theory]
    [InlineData("loggingLevel: 4", "field 'hosts[0].pop3.loggingLevel': must be between 0 and 3")]
    [InlineData("mailRot: D:\\Mail", "hosts[0].pop3")]
    [InlineData("socketMin: 60", "field 'hosts[0].pop3.socketMax': must be at least socketMin")]
    public void ABadSetting_IsReportedAtItsKey(string line, string message)
    {
        var act = () => TopologyLoader.LoadText($"""
            hosts:
              - name: mail.example
                pop3:
                  {line}
            """, "lab.yaml", TimeProvider.System);

        act.Should().Throw<TopologyException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void UnknownNames_AreRefusedWithTheValidOnes()
    {
        var act = () => Pop3Settings.Find("requireSpaa");

        act.Should().Throw<InvalidSettingException>().WithMessage("Unknown setting \"requireSpaa\" (did you mean \"requireSpa\"?)*mailRoot*");
    }
}
