using MailLab.Mail.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Turns a parsed topology file into a <see cref="MailWorld"/> through the model's public API,
/// reporting every problem to <see cref="TopologyDiagnostics"/>. It keeps going after an error so
/// that one load lists them all; the caller discards the world when there were any.
/// </summary>
internal sealed class TopologyBuilder
{
    internal static readonly string[] FileKeys = ["hosts", "dns", "links", "unreachableHosts", "faults", "directories", "certificate"];
    internal static readonly string[] HostKeys = ["name", "address", "addressing", "smtp", "accounts", "pop3", "imap", "exchange"];
    internal static readonly string[] SmtpKeys = ["state", "virtualServers"];
    internal static readonly string[] AccountKeys = ["address", "password", "passwordHash", "mailbox"];

    /// <summary>The first default POP3 port (the Windows service's 110 needs privileges).</summary>
    public const int FirstPop3Port = 2110;

    /// <summary>The first default IMAP and IMAPS ports (143 and 993 need privileges).</summary>
    public const int FirstImapPort = 2143, FirstImapsPort = 2993;

    private readonly TopologyDiagnostics _diagnostics;
    private readonly TimeProvider _clock;
    private readonly bool _portsToZero;
    private readonly VirtualServerBuilder _virtualServers;
    private readonly Pop3Builder _pop3;
    private readonly ImapBuilder _imap;
    private readonly Dictionary<string, Mark> _hostNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<System.Net.IPAddress, (string Host, Mark At)> _hostAddresses = [];

    private readonly string _baseDirectory;

    /// <param name="baseDirectory">What relative file names in the topology (its certificate) are relative to.</param>
    public TopologyBuilder(TopologyDiagnostics diagnostics, TimeProvider clock, bool portsToZero, string baseDirectory)
    {
        _baseDirectory = baseDirectory;
        _diagnostics = diagnostics;
        _clock = clock;
        _portsToZero = portsToZero;
        _virtualServers = new VirtualServerBuilder(diagnostics, portsToZero);
        _pop3 = new Pop3Builder(diagnostics, _virtualServers);
        _imap = new ImapBuilder(_virtualServers);
    }

    public MailWorld Build(YamlNode root)
    {
        var world = new MailWorld(_clock);
        var file = MappingReader.Open(root, "", _diagnostics, FileKeys);
        if (file is null)
        {
            return world;
        }

        // Directory accounts first: a host's mailbox entry may name one without its password.
        new DirectoriesBuilder(_diagnostics, world).Read(file);
        var hosts = file.Items("hosts");
        foreach (var (node, path) in hosts.Take(TopologyLimits.MaxHosts))
        {
            ReadHost(world, node, path);
        }

        if (hosts.Count > TopologyLimits.MaxHosts)
        {
            _diagnostics.Add(hosts[TopologyLimits.MaxHosts].Node.Start, hosts[TopologyLimits.MaxHosts].Path, $"a topology has at most {TopologyLimits.MaxHosts} hosts");
        }

        EnablePop3(world);
        EnableImap(world);

        var network = new NetworkBuilder(_diagnostics, world);
        network.ReadDns(file);
        network.ReadLinks(file);
        network.ReadUnreachableHosts(file);
        new FaultsBuilder(_diagnostics, world).Read(file);
        world.Certificate = CertificateReader.Read(file, _diagnostics, _baseDirectory);
        return world;
    }

    /// <summary>
    /// Every host with a <c>pop3</c> block or with accounts runs the POP3 service. One whose block
    /// names no port gets 2110, 2111, ... by its place among them in file order (mail.ru 2110,
    /// rosnou.ru 2111 in the default topology); tests get port 0 everywhere.
    /// </summary>
    private void EnablePop3(MailWorld world)
    {
        var next = FirstPop3Port;
        foreach (var host in world.Hosts.Where(h => h.Pop3.Enabled || h.Accounts.All.Count > 0))
        {
            host.Pop3.Enabled = true;
            var defaultPort = next++;
            if (_portsToZero)
            {
                host.Pop3.Configure(s => s with { Port = 0 });
            }
            else if (!_pop3.HasExplicitPort(host.Pop3))
            {
                host.Pop3.Configure(s => s with { Port = defaultPort });
            }
        }
    }

    /// <summary>
    /// Every host that runs POP3 runs IMAP (MailLab's own) unless its <c>imap</c> block says
    /// <c>enabled: false</c>. Ports the block leaves out: 2143/2993, 2144/2994, ... by the host's
    /// place among the IMAP hosts in file order (mail.ru 2143, rosnou.ru 2144); tests get port 0.
    /// </summary>
    private void EnableImap(MailWorld world)
    {
        // A default port that a listener of the file names, or that an earlier default took, moves up.
        var taken = new HashSet<int>();
        int Free(MailHost host, int port)
        {
            while (taken.Contains(port) || _virtualServers.IsClaimed(host.Imap.Address, port))
            {
                port++;
            }

            taken.Add(port);
            return port;
        }

        var place = 0;
        foreach (var host in world.Hosts.Where(h => h.Pop3.Enabled))
        {
            if (_imap.IsSwitchedOff(host))
            {
                host.Imap.Enabled = false;
                continue;
            }

            host.Imap.Enabled = true;
            if (_portsToZero)
            {
                host.Imap.Port = 0;
                host.Imap.ImplicitTlsPort = _imap.HasExplicitImplicitTlsPort(host) && host.Imap.ImplicitTlsPort is null ? null : 0;
            }
            else
            {
                if (!_imap.HasExplicitPort(host))
                {
                    host.Imap.Port = Free(host, FirstImapPort + place);
                }

                if (!_imap.HasExplicitImplicitTlsPort(host))
                {
                    host.Imap.ImplicitTlsPort = Free(host, FirstImapsPort + place);
                }
            }

            place++;
        }
    }

    private void ReadHost(MailWorld world, YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, _diagnostics, HostKeys);
        if (reader is null)
        {
            return;
        }

        var host = AddHost(world, reader);
        if (reader.Has("address") && reader.TryAddress("address", out var address))
        {
            if (_hostAddresses.TryGetValue(address, out var owner))
            {
                reader.Error("address", $"{address} is already the address of {owner.Host} (line {owner.At.Line})");
            }
            else
            {
                _hostAddresses[address] = (host.Name, reader.Value("address")!.Start);
            }

            host.Address = address;
        }

        if (reader.Has("addressing") && reader.TryWord("addressing", HostAddressChange.Words, out var addressing))
        {
            if (addressing == (int)HostAddressing.Dhcp && !reader.Has("address"))
            {
                reader.Error("addressing", "a host on DHCP needs the address its lease gave it (address:)");
            }
            else
            {
                host.Addressing = (HostAddressing)addressing;
            }
        }

        var smtp = reader.Mapping("smtp", SmtpKeys);
        if (smtp is not null)
        {
            foreach (var (vsNode, vsPath) in smtp.Items("virtualServers"))
            {
                _virtualServers.Read(host, vsNode, vsPath);
            }

            // The service switch comes after the virtual servers' own states, as in IIS Manager.
            if (smtp.Has("state") && TopologyValues.TryRead(smtp, "state", TopologyValues.States, out var state))
            {
                if (state == Smtp.VirtualServerState.Paused)
                {
                    host.Smtp.Pause();
                }
                else if (state == Smtp.VirtualServerState.Stopped)
                {
                    host.Smtp.Stop();
                }
            }
        }

        foreach (var (accountNode, accountPath) in reader.Items("accounts"))
        {
            ReadAccount(host, accountNode, accountPath);
        }

        // After the accounts: a mailbox may belong to one of them.
        if (reader.Has("pop3") && reader.Mapping("pop3", [.. Pop3Builder.Pop3Keys]) is { } pop3)
        {
            _pop3.Read(host, pop3);
        }

        if (reader.Has("imap") && reader.Mapping("imap", ImapBuilder.ImapKeys) is { } imap)
        {
            _imap.Read(host, imap);
        }

        if (reader.Has("exchange") && reader.Mapping("exchange", ExchangeBuilder.ExchangeKeys) is { } exchange)
        {
            ExchangeBuilder.Read(host, exchange);
        }

        _virtualServers.ReadOperators(host);
    }

    /// <summary>
    /// Adds the named host. A host without a usable name, or a second one with the same name, is
    /// still read (into a scratch world) so that the errors inside it are reported too.
    /// </summary>
    private MailHost AddHost(MailWorld world, MappingReader reader)
    {
        if (!reader.Require("name") || !reader.TryString("name", out var name))
        {
            return new MailWorld(_clock).AddHost("unnamed");
        }

        if (!NameRules.IsDomainName(name))
        {
            reader.Error("name", $"'{name}' is not a host name (letters, digits, hyphens and dots, like mail.ru)");
            return new MailWorld(_clock).AddHost("unnamed");
        }

        if (_hostNames.TryGetValue(name, out var first))
        {
            reader.Error("name", $"a host named '{name}' is already defined at line {first.Line}");
            return new MailWorld(_clock).AddHost(name);
        }

        _hostNames[name] = reader.Value("name")!.Start;
        return world.AddHost(name);
    }

    private void ReadAccount(MailHost host, YamlNode node, string path)
    {
        if (AccountEntry.Read(node, path, _diagnostics, AccountKeys, out var account, out var address) is not { } reader)
        {
            return;
        }

        if (host.Accounts.Find(account.Address) is not null)
        {
            reader.Error("address", $"the account '{address}' is already defined on {host.Name}");
            return;
        }

        // mailbox: false is an account whose store mailbox was deleted (winpop delete without /deleteuser).
        var mailbox = true;
        if (reader.Has("mailbox") && !reader.TryBool("mailbox", out mailbox))
        {
            return;
        }

        host.Accounts.Add(account);
        if (mailbox)
        {
            host.Mailboxes.Create(account.Address);
        }
    }
}
