using MailLab.Mail.World;
using YamlDotNet.Core;

namespace MailLab.Mail.Topology;

/// <summary>Reads the parts of a topology file that join hosts: DNS records, links and unreachable hosts.</summary>
internal sealed class NetworkBuilder(TopologyDiagnostics diagnostics, MailWorld world)
{
    internal static readonly string[] DnsKeys = ["name", "type", "preference", "value"];
    internal static readonly string[] LinkKeys = ["from", "to", "reachable", "latencyMs"];

    public void ReadDns(MappingReader file)
    {
        var seen = new Dictionary<string, Mark>(StringComparer.OrdinalIgnoreCase);
        foreach (var (node, path) in file.Items("dns"))
        {
            var record = MappingReader.Open(node, path, diagnostics, DnsKeys);
            if (record is not null && ReadRecord(record) is { } key)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    diagnostics.Add(node.Start, path, $"the same record is already defined at line {first.Line}");
                }
                else
                {
                    seen[key] = node.Start;
                }
            }
        }
    }

    public void ReadLinks(MappingReader file)
    {
        var seen = new Dictionary<(string, string), Mark>();
        foreach (var (node, path) in file.Items("links"))
        {
            var link = MappingReader.Open(node, path, diagnostics, LinkKeys);
            if (link is null)
            {
                continue;
            }

            var from = ReadHostName(link, "from");
            var to = ReadHostName(link, "to");
            var reachable = true;
            var latency = 0.0;
            var valid = (!link.Has("reachable") || link.TryBool("reachable", out reachable))
                & (!link.Has("latencyMs") || link.TryNumber("latencyMs", 0, minExclusive: false, out latency));
            if (from is null || to is null || !valid)
            {
                continue;
            }

            if (from == to)
            {
                link.Error("to", "a link joins two different hosts");
            }
            else if (seen.TryGetValue((from, to), out var first))
            {
                diagnostics.Add(node.Start, path, $"the link from {from} to {to} is already defined at line {first.Line}");
            }
            else
            {
                seen[(from, to)] = node.Start;
                world.Links.SetLink(from, to, reachable, TimeSpan.FromMilliseconds(latency));
            }
        }
    }

    public void ReadUnreachableHosts(MappingReader file)
    {
        foreach (var (node, path) in file.Items("unreachableHosts"))
        {
            if (MappingReader.TryItemString(node, path, diagnostics, out var name))
            {
                if (world.FindHost(name) is null)
                {
                    diagnostics.Add(node.Start, path, UnknownHost(name));
                }
                else
                {
                    world.Links.SetHostReachable(name, false);
                }
            }
        }
    }

    /// <summary>Adds one MX or A record; returns a key that identifies it (for duplicates), or null when invalid.</summary>
    private string? ReadRecord(MappingReader record)
    {
        var hasName = record.Require("name") & record.TryString("name", out var name);
        var hasValue = record.Require("value") & record.TryString("value", out var value);
        if (!record.Require("type") || !record.TryString("type", out var type))
        {
            return null;
        }

        type = type.ToUpperInvariant();
        if (!TopologyValues.DnsTypes.Contains(type))
        {
            record.Error("type", $"must be MX or A, not '{type}'");
            return null;
        }

        if (hasName && !NameRules.IsDomainName(name.TrimEnd('.')))
        {
            record.Error("name", $"'{name}' is not a domain name");
            hasName = false;
        }

        if (type == "A")
        {
            if (record.Has("preference"))
            {
                record.Error("preference", "only MX records have a preference");
                return null;
            }

            var address = System.Net.IPAddress.None;
            if (hasValue && !NameRules.TryParseAddress(value, out address))
            {
                record.Error("value", $"an A record's value is an IP address, not '{value}'");
                return null;
            }

            if (!hasName || !hasValue)
            {
                return null;
            }

            world.Dns.AddA(name, address);
            return $"{name.TrimEnd('.')} A {address}";
        }

        // RFC 1035 §3.3.9: PREFERENCE is a 16-bit integer, lower is preferred.
        var hasPreference = record.Require("preference") & record.TryInt("preference", 0, 65535, out var preference);
        if (hasValue && !NameRules.IsDomainName(value.TrimEnd('.')))
        {
            record.Error("value", $"an MX record's value is a host name, not '{value}'");
            return null;
        }

        if (!hasName || !hasValue || !hasPreference)
        {
            return null;
        }

        world.Dns.AddMx(name, preference, value);
        return $"{name.TrimEnd('.')} MX {preference} {value.TrimEnd('.')}";
    }

    private string? ReadHostName(MappingReader link, string key)
    {
        if (!link.Require(key) || !link.TryString(key, out var name))
        {
            return null;
        }

        if (world.FindHost(name) is not { } host)
        {
            link.Error(key, UnknownHost(name));
            return null;
        }

        return host.Name;
    }

    private string UnknownHost(string name)
    {
        var suggestion = KeySuggester.Closest(name, world.Hosts.Select(h => h.Name));
        return suggestion is null
            ? $"unknown host '{name}'; the hosts are {string.Join(", ", world.Hosts.Select(h => h.Name))}"
            : $"unknown host '{name}'; did you mean '{suggestion}'?";
    }
}
