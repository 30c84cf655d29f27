namespace MailLab.Admin;

/// <summary>
/// What <c>maillab network</c> and <c>maillab dns</c> act on: the hosts' addresses (static or a DHCP
/// lease) and the world's DNS records, in process or over the REST API. Failures throw <see cref="AdminCommandException"/>.
/// </summary>
public interface INetworkAdminBackend
{
    Task<IReadOnlyList<NetworkHostView>> NetworkHostsAsync();

    /// <summary>Sets a host's address: "static" with an address, or "dhcp"; the host afterwards.</summary>
    Task<NetworkHostView> SetAddressAsync(string host, string addressing, string? address);

    Task<IReadOnlyList<DnsRecordView>> DnsRecordsAsync();

    /// <summary>Replaces the name's records of the type (A or MX) with one; the name's records of that type afterwards.</summary>
    Task<IReadOnlyList<DnsRecordView>> SetDnsRecordAsync(string name, string type, string value, int? preference);
}

/// <summary>A host's address and where it comes from ("static" or "dhcp").</summary>
public sealed record NetworkHostView(string Name, string? Address, string Addressing);

public sealed record DnsRecordView(string Name, string Type, string Value, int? Preference);
