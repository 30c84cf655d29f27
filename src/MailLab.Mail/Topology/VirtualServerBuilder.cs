using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads one SMTP virtual server: the creation wizard's identity (name, IP, port, home directory,
/// default domain), then its domains, property-sheet settings and state.
/// </summary>
internal sealed class VirtualServerBuilder(TopologyDiagnostics diagnostics, bool portsToZero)
{
    /// <summary>IIS's default home directory.</summary>
    private const string DefaultHomeDirectory = @"C:\Inetpub\mailroot";

    /// <summary>IIS listens on port 25 unless told otherwise.</summary>
    private const int DefaultPort = 25;

    /// <summary>The creation wizard's identity, the settings table's general keys and blocks, the state, domains and Security tab.</summary>
    public static readonly string[] Keys =
        ["name", "address", "port", "homeDirectory", .. SettingsReader.GeneralKeys, "state", .. SettingsReader.BlockKeys, "domains", "operators"];

    internal static readonly string[] DomainKeys = ["name", "type", "allowRelay", "smartHost", "requireTls", "sendHeloInsteadOfEhlo"];

    private static readonly string[] RemoteOnlyKeys = ["allowRelay", "smartHost", "requireTls", "sendHeloInsteadOfEhlo"];

    /// <summary>Security tabs to fill once the host's accounts are known (an operator may be one of them).</summary>
    private readonly List<(SmtpVirtualServer Server, MappingReader Reader)> _operators = [];

    /// <summary>Listeners in use in the whole file: MailLab binds every virtual server on loopback, so ports clash across hosts too.</summary>
    private readonly Dictionary<IPEndPoint, (string Owner, Mark At)> _endpoints = [];

    public void Read(MailHost host, YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, diagnostics, Keys);
        if (reader is null)
        {
            return;
        }

        var name = $"(unnamed virtual server {path})";
        if (reader.Require("name") && reader.TryString("name", out var given))
        {
            if (host.Smtp.Find(given) is null)
            {
                name = given;
            }
            else
            {
                reader.Error("name", $"{host.Name} already has a virtual server named '{given}'");
            }
        }

        var address = IPAddress.Loopback;
        if (reader.Has("address") && reader.TryAddress("address", out var configured))
        {
            address = configured;
        }

        var port = ReadPort(reader, host, name, address);
        var homeDirectory = DefaultHomeDirectory;
        if (reader.Has("homeDirectory") && reader.TryString("homeDirectory", out var home))
        {
            homeDirectory = home;
        }

        var domains = ReadDomains(reader, host);
        // No domain list: the wizard's default, the host name. A list without a usable default has
        // been reported; a reserved name (RFC 2606) then stands in without clashing with the others.
        var defaultDomain = domains.FirstOrDefault(d => d.Type == SmtpDomainType.LocalDefault)?.Name
            ?? (reader.Has("domains") ? "no-default-domain.invalid" : host.Name);
        var server = host.Smtp.AddVirtualServer(name, address, portsToZero ? 0 : port, homeDirectory, defaultDomain);
        foreach (var domain in domains.Where(d => d.Type != SmtpDomainType.LocalDefault))
        {
            try
            {
                domain.AddTo(server);
            }
            catch (InvalidOperationException e)
            {
                domain.Reader.Error("name", e.Message);
            }
        }

        if (reader.Has("operators"))
        {
            _operators.Add((server, reader));
        }

        SettingsReader.Read(reader, server);
        if (reader.Has("state") && TopologyValues.TryRead(reader, "state", TopologyValues.States, out var state))
        {
            if (state == VirtualServerState.Paused)
            {
                server.Pause();
            }
            else if (state == VirtualServerState.Stopped)
            {
                server.Stop();
            }
        }
    }

    /// <summary>
    /// The Security tab (<c>operators: [Administrators, petr@rosnou.ru]</c>) of the host's virtual
    /// servers, read after the host's accounts and POP3 mailboxes (which create accounts): each entry
    /// is a group or an account of the host, as <see cref="Smtp.Security.VirtualServerOperators.Replace"/> checks.
    /// </summary>
    public void ReadOperators(MailHost host)
    {
        foreach (var (server, reader) in _operators.Where(o => o.Server.Host == host))
        {
            var names = new List<string>();
            foreach (var (node, path) in reader.Items("operators"))
            {
                if (MappingReader.TryItemString(node, path, diagnostics, out var name))
                {
                    names.Add(name);
                }
            }

            try
            {
                server.Operators.Replace(names);
            }
            catch (ArgumentException e)
            {
                reader.Error("operators", e.Message);
            }
        }
    }

    /// <summary>The port, checked against every listener so far; 0 (any free port) when it is unusable.</summary>
    private int ReadPort(MappingReader reader, MailHost host, string name, IPAddress address)
    {
        var port = DefaultPort;
        if (reader.Has("port") && !reader.TryInt("port", 0, 65535, out port))
        {
            return 0;
        }

        if (port == 0)
        {
            return 0;
        }

        return Claim(reader, "port", address, port, $"'{name}' on {host.Name}") ? port : 0;
    }

    /// <summary>
    /// Claims a listener's endpoint (SMTP virtual servers and POP3 services alike); reports the key
    /// and returns false when another listener of the file already has it.
    /// </summary>
    /// <summary>Whether a listener of the file already took this loopback port (so a default port must not).</summary>
    public bool IsClaimed(IPAddress address, int port) =>
        _endpoints.ContainsKey(new IPEndPoint(IPAddress.IsLoopback(address) ? address
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, port));

    public bool Claim(MappingReader reader, string key, IPAddress address, int port, string owner)
    {
        // MailLab's listeners are loopback-only (see Listening.LoopbackOnly).
        var listen = IPAddress.IsLoopback(address) ? address
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        var endpoint = new IPEndPoint(listen, port);
        var at = reader.Value(key)?.Start ?? reader.Start;
        if (_endpoints.TryGetValue(endpoint, out var first))
        {
            reader.Error(key, $"{endpoint} is already used by {first.Owner} (line {first.At.Line})");
            return false;
        }

        _endpoints[endpoint] = (owner, at);
        return true;
    }

    /// <summary>
    /// Reads the domain list and checks IIS's rule of exactly one Local (Default) domain. With no
    /// list at all the host name is the default domain, as in the creation wizard.
    /// </summary>
    private List<DomainEntry> ReadDomains(MappingReader reader, MailHost host)
    {
        var domains = new List<DomainEntry>();
        DomainEntry? defaultDomain = null;
        var unreadable = false;
        foreach (var (node, path) in reader.Items("domains"))
        {
            var entry = ReadDomain(node, path);
            if (entry is null)
            {
                unreadable = true;
                continue;
            }

            if (domains.FirstOrDefault(d => string.Equals(d.Name, entry.Name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            {
                entry.Reader.Error("name", $"the domain '{entry.Name}' is already listed at line {twin.Reader.Start.Line}");
                continue;
            }

            if (entry.Type == SmtpDomainType.LocalDefault && defaultDomain is not null)
            {
                entry.Reader.Error("type", $"only one domain can be 'local' (the default domain), and '{defaultDomain.Name}' at line {defaultDomain.Reader.Start.Line} already is; make this one an 'alias'");
                continue;
            }

            defaultDomain ??= entry.Type == SmtpDomainType.LocalDefault ? entry : null;
            domains.Add(entry);
        }

        // When an entry could not be read it may have been meant as the default: say nothing more.
        if (reader.Has("domains") && defaultDomain is null && !unreadable)
        {
            reader.Error("domains", $"needs exactly one domain of type 'local' (the default domain, such as {host.Name})");
        }

        return domains;
    }

    private DomainEntry? ReadDomain(YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, diagnostics, DomainKeys);
        if (reader is null)
        {
            return null;
        }

        var hasName = reader.Require("name") & reader.TryString("name", out var name);
        if (!reader.Require("type") || !TopologyValues.TryRead(reader, "type", TopologyValues.DomainTypes, out var type) || !hasName)
        {
            return null;
        }

        if (!NameRules.IsDomainName(name, allowWildcard: type == SmtpDomainType.Remote))
        {
            reader.Error("name", type == SmtpDomainType.Remote || !name.StartsWith("*.", StringComparison.Ordinal)
                ? $"'{name}' is not a domain name"
                : $"only remote domains may use wildcards such as '{name}'");
            return null;
        }

        var entry = new DomainEntry(name, type, reader);
        if (type != SmtpDomainType.Remote)
        {
            foreach (var key in RemoteOnlyKeys.Where(reader.Has))
            {
                reader.Error(key, $"only remote domains have '{key}'");
            }

            return entry;
        }

        if (reader.TryBool("allowRelay", out var allowRelay))
        {
            entry.AllowRelay = allowRelay;
        }

        if (reader.TryNullableString("smartHost", out var smartHost))
        {
            if (smartHost is null || NameRules.IsSmartHost(smartHost))
            {
                entry.SmartHost = smartHost;
            }
            else
            {
                reader.Error("smartHost", $"'{smartHost}' is not a host name or [IP address], optionally with :port");
            }
        }

        if (reader.TryBool("requireTls", out var requireTls))
        {
            entry.RequireTls = requireTls;
        }

        if (reader.TryBool("sendHeloInsteadOfEhlo", out var sendHelo))
        {
            entry.SendHeloInsteadOfEhlo = sendHelo;
        }

        return entry;
    }

    /// <summary>A domain read from the file, waiting for its virtual server to exist.</summary>
    private sealed record DomainEntry(string Name, SmtpDomainType Type, MappingReader Reader)
    {
        public bool AllowRelay { get; set; }

        public string? SmartHost { get; set; }

        public bool RequireTls { get; set; }

        public bool SendHeloInsteadOfEhlo { get; set; }

        public void AddTo(SmtpVirtualServer server)
        {
            var domain = server.Domains.Add(Name, Type);
            domain.AllowRelay = AllowRelay;
            domain.SmartHost = SmartHost;
            domain.RequireTls = RequireTls;
            domain.SendHeloInsteadOfEhlo = SendHeloInsteadOfEhlo;
        }
    }
}
