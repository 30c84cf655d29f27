using System.Text.Json;
using Json.Schema;
using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.Settings;

/// <summary>
/// docs/topology.schema.json is generated from the settings table and the loader's keys: it is up to
/// date, it accepts every shipped topology and what the writer writes, and it refuses what the loader refuses.
/// </summary>
public sealed class TopologySchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(TopologySchema.Text());

    [Fact]
    public void TheSchemaFile_IsUpToDate()
    {
        var path = Path.Combine(RepositoryFiles.Root, TopologySchema.RepositoryPath);
        var current = File.Exists(path) ? File.ReadAllText(path) : null;
        if (current != TopologySchema.Text() && Environment.GetEnvironmentVariable("MAILLAB_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(path, TopologySchema.Text());
            current = TopologySchema.Text();
        }

        current.Should().Be(TopologySchema.Text(), $"{TopologySchema.RepositoryPath} is generated: run this test with MAILLAB_WRITE_SCHEMA=1 to write it");
    }

    public static TheoryData<string> TopologyFiles() => ExampleTopologyTests.TopologyFiles();

    [Theory]
    [MemberData(nameof(TopologyFiles))]
    public void AcceptsEveryShippedTopology(string relativePath)
    {
        Errors(File.ReadAllText(Path.Combine(RepositoryFiles.Root, relativePath))).Should().BeEmpty();
    }

    [Fact]
    public void AcceptsWhatTheWriterWrites_WithEverySettingSpelledOut()
    {
        Errors(TopologyWriter.Write(DefaultTopology.Create(TimeProvider.System))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("limits: { maxMesageSizeKb: 100 }", "/hosts/0/smtp/virtualServers/0/limits/maxMesageSizeKb")]
    [InlineData("limts: { maxConnections: 5 }", "/hosts/0/smtp/virtualServers/0/limts")]
    [InlineData("access: { relay: { onlyListd: true } }", "/hosts/0/smtp/virtualServers/0/access/relay/onlyListd")]
    [InlineData("logingEnabled: true", "/hosts/0/smtp/virtualServers/0/logingEnabled")]
    [InlineData("limits: { maxMessageSizeKb: 0 }", "/hosts/0/smtp/virtualServers/0/limits/maxMessageSizeKb")]
    [InlineData("limits: { maxMessageSizeKb: big }", "/hosts/0/smtp/virtualServers/0/limits/maxMessageSizeKb")]
    [InlineData("delivery: { outboundPort: 70000 }", "/hosts/0/smtp/virtualServers/0/delivery/outboundPort")]
    [InlineData("delivery: { retryIntervalsMinutes: [] }", "/hosts/0/smtp/virtualServers/0/delivery/retryIntervalsMinutes")]
    [InlineData("access: { anonymousAccess: 'yes' }", "/hosts/0/smtp/virtualServers/0/access/anonymousAccess")]
    public void RefusesAMisspeltKeyOrABadValue_AtItsPlace(string line, string location)
    {
        var yaml = $"""
            hosts:
              - name: mail.ru
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      {line}
            """;

        RefusedByBoth(yaml, location);
    }

    [Theory]
    [InlineData("requireSpaa: true", "/hosts/0/pop3/requireSpaa")]
    [InlineData("loggingLevel: 4", "/hosts/0/pop3/loggingLevel")]
    [InlineData("authentication: kerberos", "/hosts/0/pop3/authentication")]
    [InlineData("defaultQuotaBytes: 0", "/hosts/0/pop3/defaultQuotaBytes")]
    public void RefusesAMisspeltPop3KeyOrABadValue_AtItsPlace(string line, string location)
    {
        var yaml = $"""
            hosts:
              - name: mail.ru
                pop3:
                  {line}
            """;

        RefusedByBoth(yaml, location);
    }

    /// <summary>The loader refuses it too: the schema says no more than the loader does, and no less.</summary>
    private static void RefusedByBoth(string yaml, string location)
    {
        var load = () => TopologyLoader.LoadText(yaml, "lab.yaml", TimeProvider.System);
        load.Should().Throw<TopologyException>();
        Errors(yaml).Should().Contain(e => e.StartsWith(location + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesAMisspeltKeyOutsideTheVirtualServers()
    {
        Errors("hosts:\n  - name: mail.ru\n    smpt: {}\n").Should().Contain(e => e.StartsWith("/hosts/0/smpt:", StringComparison.Ordinal));
        Errors("host:\n  - name: mail.ru\n").Should().Contain(e => e.StartsWith("/host:", StringComparison.Ordinal));
    }

    [Fact]
    public void DescribesEachSettingForEditors_WithItsLabelDefaultAndRange()
    {
        var size = TopologySchema.Create()["properties"]!["hosts"]!["items"]!["properties"]!["smtp"]!["properties"]!["virtualServers"]!["items"]!
            ["properties"]!["limits"]!["properties"]!["maxMessageSizeKb"]!;

        size["title"]!.GetValue<string>().Should().Be("Limit message size to (KB)");
        size["default"]!.GetValue<long>().Should().Be(2048);
        size["minimum"]!.GetValue<long>().Should().Be(1);
    }

    /// <summary>Each error as "instance location: message".</summary>
    private static List<string> Errors(string yaml)
    {
        using var document = JsonDocument.Parse(YamlJson.Convert(yaml)!.ToJsonString());
        var results = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
                .ToList();
    }
}
