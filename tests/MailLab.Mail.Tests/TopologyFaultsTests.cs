using MailLab.Mail.Faults;
using MailLab.Mail.Topology;

namespace MailLab.Mail.Tests;

/// <summary>The topology file's faults section: the same faults as POST /api/faults.</summary>
public sealed class TopologyFaultsTests
{
    /// <summary>One host, rosnou.ru, with one virtual server (shared by other topology tests).</summary>
    internal const string Hosts = """
        hosts:
          - name: rosnou.ru
            smtp:
              virtualServers:
                - { name: VS, port: 0, domains: [ { name: rosnou.ru, type: local } ] }

        """;

    [Fact]
    public void Faults_AreLoaded_AndWrittenBack()
    {
        var world = TopologyLoader.LoadText(Hosts + """
            faults:
              - { host: rosnou.ru, kind: reply, stage: data, code: 451, enhancedCode: 4.3.0, text: Try later, count: 2 }
              - { host: rosnou.ru, kind: drop }
            """, "faults.yaml", TimeProvider.System);

        var faults = world.Faults.All;
        faults.Should().HaveCount(2);
        faults[0].Stage.Should().Be(FaultStage.Data);
        faults[0].Reply!.ToString().Should().Be("451 4.3.0 Try later");
        faults[0].Remaining.Should().Be(2);
        faults[1].DropsConnection.Should().BeTrue();

        var again = TopologyLoader.LoadText(TopologyWriter.Write(world), "written.yaml", TimeProvider.System);
        again.Faults.All.Select(f => (f.Host, f.Stage, f.Reply?.ToString(), f.Remaining))
            .Should().Equal(faults.Select(f => (f.Host, f.Stage, f.Reply?.ToString(), f.Remaining)));
    }

    [Theory]
    [InlineData("{ host: rosnou.ru, kind: reply, stage: helo, code: 451 }", "field 'faults[0].stage': must be connect, mail, rcpt or data, not 'helo'")]
    [InlineData("{ host: rosnou.ru, kind: reply, stage: mail, code: 250 }", "field 'faults[0].code'")]
    [InlineData("{ host: rosnou.ru, kind: reply, stage: mail, code: 451, enhancedCode: 5.7.1 }", "field 'faults[0].enhancedCode': '5.7.1' is not an enhanced status code of class 4")]
    [InlineData(@"{ host: rosnou.ru, kind: reply, stage: mail, code: 451, text: ""Try later\r\n250 2.0.0 OK"" }", "field 'faults[0].text': has U+000D at position 10: a line break (CR or LF)")]
    [InlineData(@"{ host: rosnou.ru, kind: reply, stage: mail, code: 451, text: ""Try\0later"" }", "field 'faults[0].text': has U+0000 at position 4: control characters")]
    [InlineData(@"{ host: rosnou.ru, kind: reply, stage: mail, code: 451, text: ""Try\e[31m later"" }", "field 'faults[0].text': has U+001B at position 4")]
    [InlineData(@"{ host: rosnou.ru, kind: reply, stage: mail, code: 451, enhancedCode: ""4.3.0\n250"" }", "field 'faults[0].enhancedCode': '4.3.0\\u000A250' is not an enhanced status code of class 4")]
    [InlineData("{ host: mail.ru, kind: drop }", "field 'faults[0].host': unknown host 'mail.ru'")]
    [InlineData("{ host: rosnou.ru, kind: explode }", "field 'faults[0].kind': must be reply or drop, not 'explode'")]
    [InlineData("{ host: rosnou.ru, kind: drop, code: 451 }", "field 'faults[0].code': a 'drop' fault cuts the connection during DATA")]
    public void BadFault_IsReportedWithItsLineAndField(string item, string expected)
    {
        var act = () => TopologyLoader.LoadText(Hosts + "faults:\n  - " + item + "\n", "bad.yaml", TimeProvider.System);
        act.Should().Throw<TopologyException>().Which.Message.Should().Contain("bad.yaml:7:").And.Contain(expected);
    }
}
