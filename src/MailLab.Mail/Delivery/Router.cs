using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Decides where mail for a remote domain goes: the remote domain's own route, else the virtual
/// server's smart host, else DNS: MX records in preference order, or the domain's A record when it
/// has no MX (RFC 5321 §5.1). A domain with neither cannot be delivered (5.1.2).
/// </summary>
public static class Router
{
    public sealed record Route(IReadOnlyList<OutboundTarget> Targets, SmtpReply? Failure, bool RequireTls, bool SendHelo);

    public static Route Resolve(SmtpVirtualServer server, string domain, string traceId)
    {
        var world = server.Host.World;
        var entry = server.Domains.FindRemote(domain);
        var requireTls = entry?.RequireTls ?? server.Delivery.OutboundTls;
        var sendHelo = entry?.SendHeloInsteadOfEhlo ?? false;
        var smartHost = entry?.SmartHost ?? server.Delivery.SmartHost;
        if (!string.IsNullOrWhiteSpace(smartHost))
        {
            var target = ResolveSmartHost(server, smartHost, entry?.SmartHost is null ? null : entry.OutboundPort);
            world.Trace.Append(server.Host.Name, TraceKind.MxLookup, target is null
                ? $"Smart host {smartHost} for {domain}: unknown host"
                : $"Smart host {smartHost} for {domain} -> {target.Name}", traceId: traceId);
            return target is null
                ? new Route([], new SmtpReply(550, "5.4.4", $"Unable to route: smart host {smartHost} is not a host of this world nor a loopback address"), requireTls, sendHelo)
                : new Route([target], null, requireTls, sendHelo);
        }

        var mx = world.Dns.LookupMx(domain);
        if (mx.Count > 0)
        {
            // RFC 5321 §5.1: a relay that finds itself in the list (a backup MX) discards its own
            // record and every record of equal or greater preference; otherwise it would hand the
            // message to itself until the hop count ran out.
            var hosts = mx.Select(r => (Record: r, Host: FindHost(server, r.Exchange))).ToArray();
            var self = hosts.Where(h => h.Host == server.Host).Select(h => (int?)h.Record.Preference).Min();
            var targets = hosts.Where(h => h.Host is not null && (self is null || h.Record.Preference < self))
                .Select(h => (OutboundTarget)new WorldHostTarget(h.Host!)).ToList();

            var listed = $"MX {domain}: " + string.Join(", ", mx.Select(r => $"{r.Preference} {r.Exchange}"));
            world.Trace.Append(server.Host.Name, TraceKind.MxLookup, self is null ? listed : $"{listed}; this host is MX {self}, so only preferences below {self} are tried", traceId: traceId);
            if (targets.Count > 0)
            {
                return new Route(targets, null, requireTls, sendHelo);
            }

            return self is not null
                ? new Route([], LoopsBack(domain), requireTls, sendHelo)
                : new Route([], NoAnswer(server, mx.Select(r => r.Exchange)) ?? new SmtpReply(451, "4.4.3", $"No MX host of {domain} has an address"), requireTls, sendHelo);
        }

        // RFC 5321 §5.1: no MX, so the domain itself is the host ("implicit MX") when it has an address.
        if (FindHost(server, domain) is { } implicitHost)
        {
            world.Trace.Append(server.Host.Name, TraceKind.MxLookup, $"MX {domain}: none; A record -> {implicitHost.Name}", traceId: traceId);
            return implicitHost == server.Host
                ? new Route([], LoopsBack(domain), requireTls, sendHelo)
                : new Route([new WorldHostTarget(implicitHost)], null, requireTls, sendHelo);
        }

        if (NoAnswer(server, [domain]) is { } stale)
        {
            world.Trace.Append(server.Host.Name, TraceKind.MxLookup, $"MX {domain}: none; A record -> no host", traceId: traceId);
            return new Route([], stale, requireTls, sendHelo);
        }

        world.Trace.Append(server.Host.Name, TraceKind.MxLookup, $"MX {domain}: none; A: none", traceId: traceId);
        return new Route([], new SmtpReply(550, "5.1.2", $"Host or domain name not found: {domain} has no MX and no A record"), requireTls, sendHelo);
    }

    /// <summary>
    /// DNS sends the domain's mail to this host, which does not take it as local: delivering it
    /// would loop (Postfix: "mail for domain loops back to myself", 5.4.6).
    /// </summary>
    private static SmtpReply LoopsBack(string domain) =>
        new(554, "5.4.6", $"Mail for {domain} loops back to myself: this host is its best MX but {domain} is not a local domain here");

    /// <summary>
    /// The names have A records, but no computer of the world has those addresses (a stale record, say
    /// after DHCP leased the server another address): a connection there gets no answer, a transient
    /// failure (451 4.4.1, RFC 3463) retried on the Delivery tab's schedule. Null when none has an A record.
    /// </summary>
    private static SmtpReply? NoAnswer(SmtpVirtualServer server, IEnumerable<string> names)
    {
        var stale = names.Select(n => (Name: n, Addresses: server.Host.World.Dns.LookupA(n))).Where(n => n.Addresses.Count > 0).ToArray();
        return stale.Length == 0
            ? null
            : new SmtpReply(451, "4.4.1", "No answer from " + string.Join(", ", stale.Select(n => $"{n.Name} at {string.Join(", ", n.Addresses)}")) + ": no computer has that address");
    }

    /// <summary>A host of this world by DNS name: its A record's address, or its own name.</summary>
    private static World.MailHost? FindHost(SmtpVirtualServer server, string name)
    {
        var world = server.Host.World;
        foreach (var address in world.Dns.LookupA(name))
        {
            if (world.FindHostByAddress(address) is { } byAddress)
            {
                return byAddress;
            }
        }

        return world.Dns.LookupA(name).Count == 0 ? world.FindHost(name) : null;
    }

    /// <summary>"name", "name:port", "[1.2.3.4]" or "[1.2.3.4]:port": a world host, or a real server on loopback.</summary>
    private static OutboundTarget? ResolveSmartHost(SmtpVirtualServer server, string smartHost, int? domainPort)
    {
        var text = smartHost.Trim();
        var port = domainPort ?? server.Delivery.OutboundPort;
        string name;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return null;
            }

            name = text[1..close];
            if (close + 1 < text.Length && (text[close + 1] != ':' || !int.TryParse(text[(close + 2)..], out port)))
            {
                return null;
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            name = colon > 0 ? text[..colon] : text;
            if (colon > 0 && !int.TryParse(text[(colon + 1)..], out port))
            {
                return null;
            }
        }

        var world = server.Host.World;
        if (IPAddress.TryParse(name, out var ip))
        {
            if (world.FindHostByAddress(ip) is { } byAddress)
            {
                return new WorldHostTarget(byAddress);
            }

            // Outside the world, only this machine is allowed (MailLab never sends mail off the box).
            return IPAddress.IsLoopback(ip) ? new TcpTarget(ip.ToString(), port) : null;
        }

        if (FindHost(server, name) is { } host)
        {
            return new WorldHostTarget(host);
        }

        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? new TcpTarget("127.0.0.1", port) : null;
    }
}
