using MailLab.Mail.Topology;
using static MailLab.Mail.Tests.TopologyText;

namespace MailLab.Mail.Tests;

/// <summary>
/// The loader's bounds (nesting depth, value length, file size), each refused with its line and
/// column before YamlDotNet builds the tree. Nesting here stays shallow enough not to overflow the
/// stack should the bound go (the 100,000-deep file is given to a real `maillab up` in HostileTopologyTests).
/// </summary>
public sealed class TopologyLimitsTests
{
    [Fact]
    public void NestingOneLevelPastTheBound_IsRefusedAtItsBracket()
    {
        // The file's mapping is level 1, so the 32nd '[' (column 8 + 31) opens level 33.
        var yaml = "hosts: " + new string('[', 200) + new string(']', 200) + "\n";

        Errors(yaml).Should().Equal("lab.yaml:1:39: lists and mappings are nested more than 32 deep here; a topology needs at most 9 levels (check the brackets)");
    }

    [Fact]
    public void NestingAtTheBound_IsReadAsUsual()
    {
        var yaml = "hosts: " + new string('[', TopologyLimits.MaxDepth - 1) + new string(']', TopologyLimits.MaxDepth - 1) + "\n";

        Errors(yaml).Should().Equal("lab.yaml:1:9: field 'hosts[0]': must be a mapping (key: value) with keys such as name, address, addressing, smtp, accounts, pop3, imap, exchange");
    }

    [Fact]
    public void NestedMappings_CountToo()
    {
        var yaml = "hosts: " + string.Concat(Enumerable.Repeat("{a: ", 40)) + "b" + new string('}', 40) + "\n";

        Errors(yaml).Should().ContainSingle().Which.Should().StartWith("lab.yaml:1:132: lists and mappings are nested more than 32 deep");
    }

    [Fact]
    public void ValueLongerThanTheBound_IsRefusedWhereItStarts()
    {
        var yaml = "hosts:\n  - name: " + new string('a', TopologyLimits.MaxValueLength + 1) + "\n";

        Errors(yaml).Should().Equal("lab.yaml:2:11: a value of 16385 characters; a value in a topology file is at most 16384");
    }

    [Fact]
    public void TextLargerThanTheBound_IsRefusedWhereItCrossesIt()
    {
        var yaml = "hosts:\n  - name: " + new string('a', TopologyLimits.MaxFileOctets) + "\n";

        Errors(yaml).Should().Equal($"lab.yaml:2:{TopologyLimits.MaxFileOctets - 7 + 1}: the file goes on past 4 MB, the most a topology file may hold");
    }

    [Fact]
    public void MoreNodesThanTheBound_AreRefusedAtTheFirstOneOver()
    {
        // The file's mapping, "hosts", [], "unreachableHosts" and the list are nodes 1-5; item k is node 5 + k.
        var yaml = "hosts: []\nunreachableHosts: [" + string.Concat(Enumerable.Repeat("a,", TopologyLimits.MaxNodes)) + "a]\n";

        Errors(yaml).Should().Equal($"lab.yaml:2:{20 + (2 * (TopologyLimits.MaxNodes - 5))}: more than 200000 values, lists and mappings; a topology file holds at most that many");
    }

    [Fact]
    public void MoreHostsThanTheBound_AreRefusedAtTheFirstOneOver()
    {
        var yaml = "hosts:\n" + string.Concat(Enumerable.Range(0, TopologyLimits.MaxHosts + 1).Select(i => $"  - {{ name: h{i}.ru }}\n"));

        Errors(yaml).Should().Equal("lab.yaml:1002:5: field 'hosts[1000]': a topology has at most 1000 hosts");
    }

    [Fact]
    public void ManyErrors_TheFirstHundredInFileOrderAreReported_AndTheRestCounted()
    {
        var yaml = "hosts: []\nunreachableHosts:\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"  - h{i}.ru\n"));

        var errors = Errors(yaml);

        errors.Should().HaveCount(101);
        errors[0].Should().Be("lab.yaml:3:5: field 'unreachableHosts[0]': unknown host 'h0.ru'; the hosts are ");
        errors[99].Should().StartWith("lab.yaml:102:5: field 'unreachableHosts[99]'");
        errors[100].Should().Be("lab.yaml: and 50 more errors after line 102");
    }

    [Fact]
    public void FileLargerThanTheBound_IsRefusedWithoutReadingItWhole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"maillab-big-{Guid.NewGuid():N}.yaml");
        using (var file = File.Create(path))
        {
            file.Write("# comment\n"u8);
            file.SetLength(64L * 1024 * 1024); // sparse: 64 MB of NUL after the first line
        }

        try
        {
            var act = () => TopologyLoader.LoadFile(path, TimeProvider.System);

            act.Should().Throw<TopologyException>().Which.Errors.Select(e => e.ToString())
                .Should().Equal($"{path}:2:{TopologyLimits.MaxFileOctets - 10 + 1}: the file goes on past 4 MB, the most a topology file may hold");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
