using MailLab.Mail.Dns;
using MailLab.Mail.World;

namespace MailLab.Admin;

/// <summary><c>maillab network</c> and <c>maillab dns</c> in process: the world's hosts and its <see cref="DnsDirectory"/>.</summary>
public sealed partial class WorldAdminBackend : INetworkAdminBackend
{
    public Task<IReadOnlyList<NetworkHostView>> NetworkHostsAsync() =>
        Task.FromResult<IReadOnlyList<NetworkHostView>>(World.Hosts.Select(NetworkView).ToArray());

    public Task<NetworkHostView> SetAddressAsync(string host, string addressing, string? address)
    {
        var found = Host(host);
        Try(() => HostAddressChange.Apply(found, addressing, address));
        return Task.FromResult(NetworkView(found));
    }

    public Task<IReadOnlyList<DnsRecordView>> DnsRecordsAsync() =>
        Task.FromResult<IReadOnlyList<DnsRecordView>>(World.Dns.All.Select(DnsView).ToArray());

    public Task<IReadOnlyList<DnsRecordView>> SetDnsRecordAsync(string name, string type, string value, int? preference)
    {
        Try(() => DnsRecordChange.Apply(World.Dns, name, type, value, preference));
        return Task.FromResult<IReadOnlyList<DnsRecordView>>(World.Dns.All
            .Where(r => r.Name.Equals(name.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && r.Type.Equals(type.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(DnsView).ToArray());
    }

    private static NetworkHostView NetworkView(MailHost host) => new(host.Name, host.Address?.ToString(), HostAddressChange.Name(host.Addressing));

    private static DnsRecordView DnsView(DnsRecord r) => new(r.Name, r.Type, r.Value, r.Preference);
}
