using MailLab.Mail.Exchange;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>The <c>exchange</c> block of a host, in the form <see cref="ExchangeBuilder"/> reads.</summary>
public static partial class TopologyWriter
{
    private static YamlMappingNode Exchange(ExchangeServer server) => new()
    {
        { "organization", Text(server.Organization) },
        { "administrativeGroup", Text(server.AdministrativeGroup) },
        { "edition", Text(ExchangeBuilder.Editions[(int)server.Edition]) },
        { "servicePack", Whole(server.ServicePack) },
        { "databaseSizeLimitGb", Whole(server.DatabaseLimitGb) },
        {
            "storageGroups", Sequence(server.StorageGroups.Select(group => (YamlNode)new YamlMappingNode
            {
                { "name", Text(group.Name) },
                { "circularLogging", Bool(group.CircularLogging) },
                {
                    "stores", Sequence(group.Stores.Select(store => (YamlNode)Flow(
                        ("name", Text(store.Name)),
                        ("kind", Text(ExchangeBuilder.StoreKinds[(int)store.Kind])),
                        ("doNotMountAtStartup", Bool(store.DoNotMountAtStartup)),
                        ("mounted", Bool(store.Mounted)))))
                },
            }))
        },
    };
}
