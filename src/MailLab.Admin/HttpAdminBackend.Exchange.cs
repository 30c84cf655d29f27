using System.Text.Json;

namespace MailLab.Admin;

/// <summary><c>maillab exchange</c> over the REST API's /api/servers/HOST/exchange.</summary>
public sealed partial class HttpAdminBackend
{
    public async Task<IReadOnlyList<ExchangeServiceView>> ExchangeServicesAsync(string host) =>
        (await SendAsync(HttpMethod.Get, $"{Exchange(host)}/services")).EnumerateArray().Select(ServiceView).ToArray();

    public async Task<IReadOnlyList<ServiceChangeView>> StartServiceAsync(string host, string service) =>
        Changes(await SendAsync(HttpMethod.Post, $"{ServicePath(host, service)}/start"));

    public async Task<ServiceStopView> StopServiceAsync(string host, string service, bool stopDependents)
    {
        // Without ?stopDependents=true the API answers "Stop Other Services" as a 409 listing the dependents.
        var answer = await SendAsync(HttpMethod.Post, $"{ServicePath(host, service)}/stop{(stopDependents ? "?stopDependents=true" : string.Empty)}", conflictBody: "dependentsThatWouldStop");
        return answer.TryGetProperty("dependentsThatWouldStop", out var dependents)
            ? new ServiceStopView([], dependents.EnumerateArray().Select(d => d.GetProperty("displayName").GetString()!).ToArray())
            : new ServiceStopView(Changes(answer), []);
    }

    public async Task<ExchangeServiceView> SetStartupTypeAsync(string host, string service, string startupType) =>
        ServiceView(await SendAsync(HttpMethod.Put, $"{ServicePath(host, service)}/startupType", new { startupType }));

    public async Task<IReadOnlyList<ExchangeStoreView>> StoresAsync(string host) =>
        Stores(await SendAsync(HttpMethod.Get, Exchange(host))).ToArray();

    public async Task<ExchangeStoreView> MountStoreAsync(string host, string store, bool mount)
    {
        var server = await SendAsync(HttpMethod.Post, $"{Exchange(host)}/stores/{Uri.EscapeDataString(store)}/{(mount ? "mount" : "dismount")}");
        return Stores(server).First(s => s.Name.Equals(store, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IReadOnlyList<ExchangeMailboxView>> MailboxesAsync(string host, string store) =>
        (await SendAsync(HttpMethod.Get, $"{Exchange(host)}/stores/{Uri.EscapeDataString(store)}/mailboxes")).EnumerateArray().Select(Mailbox).ToArray();

    public async Task<IReadOnlyList<ExchangeLogonView>> LogonsAsync(string host)
    {
        var logons = new List<ExchangeLogonView>();
        foreach (var store in (await StoresAsync(host)).Where(s => s.Kind == "Mailbox"))
        {
            logons.AddRange((await SendAsync(HttpMethod.Get, $"{Exchange(host)}/stores/{Uri.EscapeDataString(store.Name)}/logons")).EnumerateArray()
                .Select(l => new ExchangeLogonView(
                    l.GetProperty("user").GetString()!,
                    l.GetProperty("protocol").GetString()!,
                    l.GetProperty("clientAddress").GetString(),
                    l.GetProperty("since").GetDateTimeOffset())));
        }

        return logons;
    }

    public async Task<ExchangeMailboxView> MoveMailboxAsync(string host, string address, string store) =>
        Mailbox(await SendAsync(HttpMethod.Post, $"{Exchange(host)}/mailboxes/{Uri.EscapeDataString(address)}/move", new { store }));

    public async Task<ExchangeMailboxView> CreateMailboxAsync(string host, string address, string store, string? alias) =>
        Mailbox(await SendAsync(HttpMethod.Post, $"{Exchange(host)}/mailboxes", new { address, store, alias }));

    public async Task<DeletedMailboxView> DeleteMailboxAsync(string host, string address)
    {
        var deleted = await SendAsync(HttpMethod.Delete, $"{Exchange(host)}/mailboxes/{Uri.EscapeDataString(address)}");
        return new(deleted.GetProperty("address").GetString()!, deleted.GetProperty("store").GetString()!, deleted.GetProperty("purgeAfter").GetDateTimeOffset());
    }

    public async Task<ExchangeMailboxView> ReconnectMailboxAsync(string host, string address, string store, string? user) =>
        Mailbox(await SendAsync(HttpMethod.Post, $"{Exchange(host)}/stores/{Uri.EscapeDataString(store)}/deleted-mailboxes/{Uri.EscapeDataString(address)}/reconnect", new { user }));

    private static string Exchange(string host) => $"{Host(host)}/exchange";

    private static string ServicePath(string host, string service) => $"{Exchange(host)}/services/{Uri.EscapeDataString(service)}";

    private static ExchangeServiceView ServiceView(JsonElement s) => new(
        s.GetProperty("name").GetString()!,
        s.GetProperty("displayName").GetString()!,
        s.GetProperty("status").GetString()!,
        s.GetProperty("startupType").GetString()!);

    private static IReadOnlyList<ServiceChangeView> Changes(JsonElement answer) =>
        answer.GetProperty("changes").EnumerateArray()
            .Select(c => new ServiceChangeView(c.GetProperty("displayName").GetString()!, c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!))
            .ToArray();

    private static IEnumerable<ExchangeStoreView> Stores(JsonElement server) =>
        server.GetProperty("storageGroups").EnumerateArray().SelectMany(g => g.GetProperty("stores").EnumerateArray().Select(s => new ExchangeStoreView(
            s.GetProperty("name").GetString()!,
            s.GetProperty("kind").GetString()!,
            g.GetProperty("name").GetString()!,
            s.GetProperty("mounted").GetBoolean(),
            s.GetProperty("mailboxCount").GetInt32(),
            s.GetProperty("totalItems").GetInt32(),
            s.GetProperty("sizeBytes").GetInt64())));

    private static ExchangeMailboxView Mailbox(JsonElement m) => new(
        m.GetProperty("displayName").GetString()!,
        m.GetProperty("address").GetString()!,
        m.GetProperty("sizeKb").GetInt64(),
        m.GetProperty("totalItems").GetInt32(),
        m.GetProperty("lastLogonTime").ValueKind == JsonValueKind.Null ? null : m.GetProperty("lastLogonTime").GetDateTimeOffset(),
        m.GetProperty("lastLogoffTime").ValueKind == JsonValueKind.Null ? null : m.GetProperty("lastLogoffTime").GetDateTimeOffset(),
        m.GetProperty("store").GetString()!);
}
