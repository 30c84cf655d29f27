using MailLab.Mail.Imap;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>The <c>imap</c> block of a host, in the form <see cref="ImapBuilder"/> reads.</summary>
public static partial class TopologyWriter
{
    private static YamlMappingNode Imap(ImapService service) => new()
    {
        { "enabled", Bool(service.Enabled) },
        { "port", Whole(service.Port) },
        { "implicitTlsPort", Whole(service.ImplicitTlsPort) },
    };
}
