using MailLab.Mail.Exchange;
using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a host's <c>exchange</c> block: the host is an Exchange Server 2003 server.
/// <code>
/// exchange:
///   organization: RosNOU
///   administrativeGroup: First Administrative Group   # the default
///   edition: standard            # or enterprise
///   servicePack: 2               # 0, 1 or 2
///   databaseSizeLimitGb: null    # SP2's registry value "Database Size Limit in Gb"; null: the edition's default
///   properties: { messageTrackingEnabled: false, locales: [en-US, ru-RU], "MSExchangeIS/Logons": Maximum }   # ServerPropertySettings
///   storageGroups:               # left out: setup's First Storage Group with its two stores
///     - name: First Storage Group
///       circularLogging: false
///       stores:
///         - name: Mailbox Store (ROSNOU)
///           kind: mailbox        # or publicFolder
///           doNotMountAtStartup: false
///           mounted: true        # false: dismounted after start
///           limits: { issueWarningKb: 90000, prohibitSendAndReceiveKb: 120000 }   # the Limits tab (StoreLimitSettings)
///           mailboxes:           # accounts of the host with their mailbox on this store
///             - student@rosnou.ru
///             - { address: teacher@rosnou.ru, useStoreDefaults: false, prohibitSendAndReceiveKb: 50000 }
///   services:                    # only those that differ from a new server's (Automatic ones run, the rest are stopped)
///     - { name: MSExchangeIS, startupType: automatic, status: stopped }
/// </code>
/// The edition's limits are checked as ESM checks them: a second storage group on Standard Edition is
/// an error in the file, with ESM's reason. Every account of an Exchange host is an Active Directory
/// user with a mailbox, and Exchange 2003 keeps each mailbox in exactly one store: with
/// <c>storageGroups</c> left out, the accounts are on setup's "Mailbox Store (NAME)"; with them, an
/// account that no mailbox store lists is an error of the file (MailLab's rule: no mailbox outside a store),
/// unless its entry says <c>mailbox: false</c> (a user whose mailbox Delete Mailbox removed).
/// </summary>
internal static class ExchangeBuilder
{
    public static readonly string[] ExchangeKeys = ["organization", "administrativeGroup", "edition", "servicePack", "databaseSizeLimitGb", "properties", "storageGroups", "services"];
    public static readonly string[] ServiceKeys = ["name", "startupType", "status"];
    public static readonly string[] StartupTypes = ["automatic", "manual", "disabled"];
    public static readonly string[] Statuses = ["stopped", "running", "paused"];
    public static readonly string[] StorageGroupKeys = ["name", "circularLogging", "stores"];
    public static readonly string[] StoreKeys = ["name", "kind", "doNotMountAtStartup", "mounted", "limits", "mailboxes"];
    public static readonly string[] MailboxKeys = ["address", .. MailboxLimitSettings.All.Select(s => s.Key)];
    public static readonly string[] Editions = ["standard", "enterprise"];
    public static readonly string[] StoreKinds = ["mailbox", "publicFolder"];

    public static void Read(MailHost host, MappingReader exchange)
    {
        var organization = exchange.Require("organization") && exchange.TryString("organization", out var org) ? org : "First Organization";
        var group = exchange.Has("administrativeGroup") && exchange.TryString("administrativeGroup", out var g) ? g : "First Administrative Group";
        var edition = exchange.Has("edition") && exchange.TryWord("edition", Editions, out var e) ? (ExchangeEdition)e : ExchangeEdition.Standard;

        var servicePack = exchange.Has("servicePack") && exchange.TryInt("servicePack", 0, 2, out var sp) ? sp : 2;
        var server = ExchangeServer.Create(host.Name, organization, edition, servicePack, group);
        if (exchange.Has("databaseSizeLimitGb") && exchange.TryNullableInt("databaseSizeLimitGb", out var limit))
        {
            Try(exchange, "databaseSizeLimitGb", () => server.DatabaseLimitGb = limit);
        }

        if (exchange.Has("properties") && exchange.Mapping("properties", [.. ServerPropertySettings.All.Select(p => p.Key)]) is { } properties)
        {
            var read = SettingsReader.ReadFlat(properties, ServerPropertySettings.All, ServerProperties.Defaults, new HashSet<string>());
            Try(properties, "locales", () => server.ConfigureProperties(_ => read));
        }

        List<(ExchangeStore Store, bool Mounted)> stores = [];
        if (!exchange.Has("storageGroups"))
        {
            var first = server.CreateStorageGroup(ExchangeServer.FirstStorageGroup);
            var mailboxStore = server.CreateStore(first, server.DefaultMailboxStoreName, ExchangeStoreKind.Mailbox);
            stores.Add((mailboxStore, true));
            stores.Add((server.CreateStore(first, server.DefaultPublicStoreName, ExchangeStoreKind.PublicFolder), true));
            foreach (var account in host.Accounts.All.Where(a => host.Mailboxes.Find(a.Address) is not null))
            {
                server.CreateMailbox(account.Address, mailboxStore);
            }
        }

        foreach (var (node, path) in exchange.Items("storageGroups"))
        {
            if (MappingReader.Open(node, path, exchange.Diagnostics, StorageGroupKeys) is not { } groupReader
                || !groupReader.Require("name") || !groupReader.TryString("name", out var groupName)
                || Try(groupReader, "name", () => server.CreateStorageGroup(groupName)) is not { } storageGroup)
            {
                continue;
            }

            if (groupReader.Has("circularLogging") && groupReader.TryBool("circularLogging", out var circular))
            {
                storageGroup.CircularLogging = circular;
            }

            foreach (var (storeNode, storePath) in groupReader.Items("stores"))
            {
                if (ReadStore(host, server, storageGroup, storeNode, storePath, exchange.Diagnostics) is { } store)
                {
                    stores.Add(store);
                }
            }
        }

        if (exchange.Has("storageGroups") && host.Accounts.All.Where(a => server.FindMailbox(a.Address) is null && host.Mailboxes.Find(a.Address) is not null).Select(a => a.Address).ToList() is { Count: > 0 } homeless)
        {
            exchange.Error("storageGroups", $"{string.Join(", ", homeless)} {(homeless.Count == 1 ? "is an account" : "are accounts")} of this Exchange server on no mailbox store: list {(homeless.Count == 1 ? "it" : "them")} under a mailbox store's mailboxes");
        }

        var services = ReadServices(server, exchange);
        server.Services.StartAutomatic();
        ApplyStatuses(server, services);
        foreach (var (store, mounted) in stores.Where(s => !s.Mounted))
        {
            server.Dismount(store);
        }

        host.Exchange = server;
    }

    /// <summary>
    /// The <c>services</c> list: the services whose startup type or status differ from a new server's
    /// (<c>- { name: MSExchangeIS, startupType: manual, status: stopped }</c>, by short or display name).
    /// Startup types apply before the server starts; statuses after it.
    /// </summary>
    private static List<(string Name, Services.ServiceStatus Status, MappingReader Reader)> ReadServices(ExchangeServer server, MappingReader exchange)
    {
        List<(string, Services.ServiceStatus, MappingReader)> statuses = [];
        foreach (var (node, path) in exchange.Items("services"))
        {
            if (MappingReader.Open(node, path, exchange.Diagnostics, ServiceKeys) is not { } reader
                || !reader.Require("name") || !reader.TryString("name", out var name))
            {
                continue;
            }

            if (server.Services.Find(name) is not { } service)
            {
                reader.Error("name", $"{server.Name} has no service \"{name}\"; its services: {string.Join(", ", server.Services.Services.Select(s => s.Name))}");
                continue;
            }

            if (reader.Has("startupType") && reader.TryWord("startupType", StartupTypes, out var type))
            {
                server.Services.SetStartupType(service.Name, (Services.ServiceStartupType)type);
            }

            if (reader.Has("status") && reader.TryWord("status", Statuses, out var status))
            {
                statuses.Add((service.Name, (Services.ServiceStatus)status, reader));
            }
        }

        return statuses;
    }

    /// <summary>Running ones start first (with what they depend on), then stopped ones stop (with their dependents), then paused ones pause.</summary>
    private static void ApplyStatuses(ExchangeServer server, List<(string Name, Services.ServiceStatus Status, MappingReader Reader)> statuses)
    {
        foreach (var wanted in new[] { Services.ServiceStatus.Running, Services.ServiceStatus.Stopped, Services.ServiceStatus.Paused })
        {
            foreach (var (name, _, reader) in statuses.Where(s => s.Status == wanted))
            {
                try
                {
                    var now = server.Services.Find(name)!.Status;
                    if (wanted == Services.ServiceStatus.Running && now != Services.ServiceStatus.Running)
                    {
                        server.Services.Start(name);
                    }
                    else if (wanted == Services.ServiceStatus.Stopped && now != Services.ServiceStatus.Stopped)
                    {
                        server.Services.Stop(name, stopDependents: true);
                    }
                    else if (wanted == Services.ServiceStatus.Paused && now != Services.ServiceStatus.Paused)
                    {
                        if (now == Services.ServiceStatus.Stopped)
                        {
                            server.Services.Start(name);
                        }

                        server.Services.Pause(name);
                    }
                }
                catch (Services.ServiceControlException e)
                {
                    reader.Error("status", e.Message);
                }
            }
        }
    }

    private static (ExchangeStore, bool)? ReadStore(MailHost host, ExchangeServer server, StorageGroup group, YamlDotNet.RepresentationModel.YamlNode node, string path, TopologyDiagnostics diagnostics)
    {
        if (MappingReader.Open(node, path, diagnostics, StoreKeys) is not { } reader || !reader.Require("name") || !reader.TryString("name", out var name))
        {
            return null;
        }

        var kind = ExchangeStoreKind.Mailbox;
        if (reader.Require("kind"))
        {
            if (!reader.TryWord("kind", StoreKinds, out var index))
            {
                return null;
            }

            kind = (ExchangeStoreKind)index;
        }

        if (Try(reader, "name", () => server.CreateStore(group, name, kind)) is not { } store)
        {
            return null;
        }

        if (reader.Has("doNotMountAtStartup") && reader.TryBool("doNotMountAtStartup", out var doNotMount))
        {
            store.DoNotMountAtStartup = doNotMount;
        }

        if (reader.Has("limits") && reader.Mapping("limits", [.. StoreLimitSettings.All.Select(l => l.Key)]) is { } limits)
        {
            var read = SettingsReader.ReadFlat(limits, StoreLimitSettings.All, StoreLimits.Defaults, new HashSet<string>());
            Try(limits, "issueWarningKb", () => server.ConfigureLimits(store, _ => read));
        }

        foreach (var (mailboxNode, mailboxPath) in reader.Items("mailboxes"))
        {
            ReadMailbox(host, server, store, mailboxNode, mailboxPath, diagnostics);
        }

        var mounted = !reader.Has("mounted") || !reader.TryBool("mounted", out var m) || m;
        return (store, mounted);
    }

    /// <summary>One entry of a store's <c>mailboxes</c>: an address, or <c>{ address:, useStoreDefaults:, ... }</c> with the user's storage limits.</summary>
    private static void ReadMailbox(MailHost host, ExchangeServer server, ExchangeStore store, YamlDotNet.RepresentationModel.YamlNode node, string path, TopologyDiagnostics diagnostics)
    {
        MappingReader? reader = null;
        string address;
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            if (!MappingReader.TryItemString(node, path, diagnostics, out address))
            {
                return;
            }
        }
        else if ((reader = MappingReader.Open(node, path, diagnostics, MailboxKeys)) is null || !reader.Require("address") || !reader.TryString("address", out address))
        {
            return;
        }

        if (host.Accounts.Find(address) is null)
        {
            diagnostics.Add(node.Start, path, $"{address} is not an account of {host.Name}: add it under accounts first");
            return;
        }

        try
        {
            server.CreateMailbox(address, store);
        }
        catch (ExchangeAdminException e)
        {
            diagnostics.Add(node.Start, path, e.Message);
            return;
        }

        if (reader is not null)
        {
            var limits = SettingsReader.ReadFlat(reader, MailboxLimitSettings.All, MailboxLimits.Defaults, new HashSet<string>());
            server.ConfigureMailboxLimits(address, _ => limits);
        }
    }

    /// <summary>Runs an ESM operation; its refusal becomes an error at <paramref name="key"/>.</summary>
    private static T? Try<T>(MappingReader reader, string key, Func<T> operation)
        where T : class
    {
        try
        {
            return operation();
        }
        catch (ExchangeAdminException e)
        {
            reader.Error(key, e.Message);
            return null;
        }
    }

    private static void Try(MappingReader reader, string key, Action operation) =>
        Try<object>(reader, key, () =>
        {
            operation();
            return new object();
        });
}
