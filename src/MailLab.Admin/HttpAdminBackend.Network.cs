using System.Text.Json;

namespace MailLab.Admin;

/// <summary><c>maillab network</c> and <c>maillab dns</c> over the REST API's /api/network and /api/dns.</summary>
public sealed partial class HttpAdminBackend : INetworkAdminBackend
{
    public async Task<IReadOnlyList<NetworkHostView>> NetworkHostsAsync() =>
        (await SendAsync(HttpMethod.Get, "/api/network")).GetProperty("hosts").Deserialize<NetworkHostView[]>(JsonSerializerOptions.Web)!;

    public async Task<NetworkHostView> SetAddressAsync(string host, string addressing, string? address) =>
        (await SendAsync(HttpMethod.Put, $"/api/network/hosts/{Uri.EscapeDataString(host)}/address", new { address, addressing })).Deserialize<NetworkHostView>(JsonSerializerOptions.Web)!;

    public async Task<IReadOnlyList<DnsRecordView>> DnsRecordsAsync() =>
        (await SendAsync(HttpMethod.Get, "/api/dns")).GetProperty("records").Deserialize<DnsRecordView[]>(JsonSerializerOptions.Web)!;

    public async Task<IReadOnlyList<DnsRecordView>> SetDnsRecordAsync(string name, string type, string value, int? preference) =>
        (await SendAsync(HttpMethod.Put, $"/api/dns/records/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(type)}", new { value, preference })).Deserialize<DnsRecordView[]>(JsonSerializerOptions.Web)!;
}
