using System.Collections.Concurrent;
using System.Net;

namespace MailLab.Mail.Dns;

/// <summary>
/// The world's name service, in memory: MX records with preferences, A records and PTR records.
/// Names are case-insensitive and stored without a trailing dot.
/// </summary>
public sealed class DnsDirectory
{
    private readonly ConcurrentDictionary<string, List<MxRecord>> _mx = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<IPAddress>> _a = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<IPAddress, string> _pointers = new();

    public DnsDirectory()
    {
        _pointers[IPAddress.Loopback] = "localhost";
        _pointers[IPAddress.IPv6Loopback] = "localhost";
    }

    public void AddMx(string domain, int preference, string exchange)
    {
        if (preference is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(preference), preference, "An MX preference is 0 to 65535 (RFC 1035 §3.3.9).");
        }

        var list = _mx.GetOrAdd(Normalize(domain), _ => []);
        lock (list)
        {
            list.Add(new MxRecord(Normalize(domain), preference, Normalize(exchange)));
        }
    }

    /// <summary>Adds an A (or AAAA) record, and the matching PTR record when none exists yet.</summary>
    public void AddA(string name, IPAddress address)
    {
        var list = _a.GetOrAdd(Normalize(name), _ => []);
        lock (list)
        {
            list.Add(address);
        }

        _pointers.TryAdd(address, Normalize(name));
    }

    public void AddPointer(IPAddress address, string name) => _pointers[address] = Normalize(name);

    /// <summary>
    /// Replaces the name's A records with one (dnscmd /recorddelete then /recordadd): the PTR records
    /// of its old addresses that named it go, the new address points back at it.
    /// </summary>
    public void SetA(string name, IPAddress address)
    {
        var key = Normalize(name);
        var list = _a.GetOrAdd(key, _ => []);
        lock (list)
        {
            foreach (var old in list)
            {
                _pointers.TryRemove(new KeyValuePair<IPAddress, string>(old, key));
            }

            list.Clear();
            list.Add(address);
        }

        _pointers[address] = key;
    }

    /// <summary>Replaces the domain's MX records with one.</summary>
    public void SetMx(string domain, int preference, string exchange)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(preference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(preference, 65535);
        if (_mx.TryGetValue(Normalize(domain), out var list))
        {
            lock (list)
            {
                list.Clear();
            }
        }

        AddMx(domain, preference, exchange);
    }

    /// <summary>The MX records of a domain, lowest preference first (RFC 5321 §5.1); empty when it has none.</summary>
    public IReadOnlyList<MxRecord> LookupMx(string domain)
    {
        if (!_mx.TryGetValue(Normalize(domain), out var list))
        {
            return [];
        }

        lock (list)
        {
            return list.OrderBy(r => r.Preference).ThenBy(r => r.Exchange, StringComparer.Ordinal).ToArray();
        }
    }

    public IReadOnlyList<IPAddress> LookupA(string name)
    {
        if (!_a.TryGetValue(Normalize(name), out var list))
        {
            return [];
        }

        lock (list)
        {
            return list.ToArray();
        }
    }

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

    /// <summary>Every record, for the API and the topology writer.</summary>
    public IReadOnlyList<DnsRecord> All =>
        _mx.Values.SelectMany(l => { lock (l) { return l.Select(r => new DnsRecord(r.Domain, "MX", r.Exchange, r.Preference)).ToArray(); } })
            .Concat(_a.SelectMany(kv => { lock (kv.Value) { return kv.Value.Select(ip => new DnsRecord(kv.Key, "A", ip.ToString(), null)).ToArray(); } }))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Preference)
            .ToArray();

    private static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}

public sealed record MxRecord(string Domain, int Preference, string Exchange);

public sealed record DnsRecord(string Name, string Type, string Value, int? Preference);
