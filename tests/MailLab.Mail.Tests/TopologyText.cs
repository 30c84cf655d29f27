using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests;

/// <summary>A topology given as text, loaded under the name lab.yaml that the loader's errors then cite.</summary>
internal static class TopologyText
{
    public const string SourceName = "lab.yaml";

    public static MailWorld Load(string yaml) => TopologyLoader.LoadText(yaml, SourceName, TimeProvider.System);

    /// <summary>The errors a file that must be refused is refused with, each as FILE:LINE:COLUMN: field 'PATH': reason.</summary>
    public static IReadOnlyList<string> Errors(string yaml)
    {
        var act = () => TopologyLoader.LoadText(yaml, SourceName, TimeProvider.System);
        return act.Should().Throw<TopologyException>().Which.Errors.Select(e => e.ToString()).ToArray();
    }
}
