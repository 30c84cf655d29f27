using System.Collections.Concurrent;
using System.Net;

namespace MailLab.Mail.World;

/// <summary>
/// The world's name service. For now it answers reverse lookups (used by connection control's
/// domain-name rules); MX and A records come with the delivery pipeline.
/// </summary>
public sealed class DnsDirectory
{
    private readonly ConcurrentDictionary<IPAddress, string> _pointers = new();

    public DnsDirectory()
    {
        _pointers[IPAddress.Loopback] = "localhost";
        _pointers[IPAddress.IPv6Loopback] = "localhost";
    }

    public void AddPointer(IPAddress address, string name) => _pointers[address] = name;

    public string? ReverseLookup(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return _pointers.GetValueOrDefault(address);
    }
}
