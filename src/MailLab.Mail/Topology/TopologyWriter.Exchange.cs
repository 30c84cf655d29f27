using MailLab.Mail.Exchange;
using MailLab.Mail.Exchange.Settings;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>The <c>exchange</c> block of a host, in the form <see cref="ExchangeBuilder"/> reads.</summary>
public static partial class TopologyWriter
{
    private static YamlMappingNode Exchange(ExchangeServer server)
    {
        var node = Block(server);
        var changedProperties = ServerPropertySettings.All
            .Where(p => p.Type.Format(p.Read(server.Properties)) != p.Type.Format(p.Default))
            .Select(p => (p.Key, p.Type.Write(p.Read(server.Properties))))
            .ToArray();
        if (changedProperties.Length > 0)
        {
            node.Add("properties", Flow(changedProperties));
        }

        var changed = ChangedServices(server).ToList();
        if (changed.Count > 0)
        {
            node.Add("services", Sequence(changed));
        }

        return node;
    }

    /// <summary>The services whose startup type or status differ from a new server's: Automatic ones run, the others are stopped.</summary>
    private static IEnumerable<YamlNode> ChangedServices(ExchangeServer server) =>
        from service in server.Services.Services
        let definition = ExchangeServiceNames.Exchange2003.Single(d => d.Name == service.Name)
        let fresh = definition.DefaultStartupType == Services.ServiceStartupType.Automatic ? Services.ServiceStatus.Running : Services.ServiceStatus.Stopped
        where service.StartupType != definition.DefaultStartupType || service.Status != fresh
        select (YamlNode)Flow(
            ("name", Text(service.Name)),
            ("startupType", Text(ExchangeBuilder.StartupTypes[(int)service.StartupType])),
            ("status", Text(ExchangeBuilder.Statuses[(int)service.Status])));

    /// <summary>A store in one line; with mailboxes or limits other than the defaults, as a block with them.</summary>
    private static YamlMappingNode Store(ExchangeServer server, ExchangeStore store)
    {
        var node = Flow(
            ("name", Text(store.Name)),
            ("kind", Text(ExchangeBuilder.StoreKinds[(int)store.Kind])),
            ("doNotMountAtStartup", Bool(store.DoNotMountAtStartup)),
            ("mounted", Bool(store.Mounted)));
        var mailboxes = server.MailboxesOn(store);
        if (store.Limits == StoreLimits.Defaults && mailboxes.Count == 0)
        {
            return node;
        }

        node.Style = YamlDotNet.Core.Events.MappingStyle.Block;
        if (store.Limits != StoreLimits.Defaults)
        {
            node.Add("limits", Flow([.. StoreLimitSettings.All.Select(l => (l.Key, l.Type.Write(l.Read(store.Limits))))]));
        }

        if (mailboxes.Count > 0)
        {
            node.Add("mailboxes", Sequence(mailboxes.Select(m => m.Limits == MailboxLimits.Defaults
                ? (YamlNode)Text(m.Address)
                : Flow([("address", Text(m.Address)), .. MailboxLimitSettings.All.Select(l => (l.Key, l.Type.Write(l.Read(m.Limits))))]))));
        }

        return node;
    }

    private static YamlMappingNode Block(ExchangeServer server) => new()
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
                { "stores", Sequence(group.Stores.Select(store => (YamlNode)Store(server, store))) },
            }))
        },
    };
}
