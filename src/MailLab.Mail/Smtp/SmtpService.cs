using System.Net;
using MailLab.Mail.World;

namespace MailLab.Mail.Smtp;

/// <summary>
/// A host's SMTP service. Starting, pausing or stopping it applies to every virtual server on the
/// host; each virtual server keeps its own state underneath, so starting the service again brings
/// back the ones that were running before (docs/REFERENCE.md, "States").
/// </summary>
public sealed class SmtpService
{
    private readonly List<SmtpVirtualServer> _virtualServers = [];
    private readonly object _gate = new();

    internal SmtpService(MailHost host)
    {
        Host = host;
    }

    public MailHost Host { get; }

    public VirtualServerState State { get; private set; } = VirtualServerState.Running;

    /// <summary>Raised for a virtual server whenever its effective state may have changed.</summary>
    public event Action<SmtpVirtualServer>? StateChanged;

    /// <summary>Raised when a virtual server is added (so transports can open its listener).</summary>
    public event Action<SmtpVirtualServer>? VirtualServerAdded;

    /// <summary>Raised after a virtual server was deleted (it is stopped by then).</summary>
    public event Action<SmtpVirtualServer>? VirtualServerRemoved;

    /// <summary>
    /// The disk layer for the home directories of virtual servers added from now on (maillab up
    /// --data-dir); null keeps them in memory only.
    /// </summary>
    internal Persistence.IVirtualServerPersistence? Persistence { get; set; }

    public IReadOnlyList<SmtpVirtualServer> VirtualServers
    {
        get
        {
            lock (_gate)
            {
                return _virtualServers.ToArray();
            }
        }
    }

    public SmtpVirtualServer? Find(string name)
    {
        lock (_gate)
        {
            return _virtualServers.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The first virtual server that has <paramref name="domain"/> as a local domain (default or alias).</summary>
    public SmtpVirtualServer? FindServing(string domain) =>
        VirtualServers.FirstOrDefault(v => v.Domains.FindLocal(domain) is not null);

    /// <summary>
    /// The "New SMTP Virtual Server" wizard: name, IP address and port, home directory, default
    /// domain. IIS identifies a virtual server by IP and port, so two cannot share both.
    /// </summary>
    public SmtpVirtualServer AddVirtualServer(string name, IPAddress address, int port, string homeDirectory, string defaultDomain)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A virtual server needs a name.");
        }

        if (!Topology.NameRules.IsDomainName(defaultDomain))
        {
            throw new ArgumentException($"defaultDomain \"{defaultDomain}\" is not a domain name such as second.rosnou.ru.");
        }

        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The TCP port must be between 0 and 65535.");
        }

        SmtpVirtualServer server;
        lock (_gate)
        {
            if (_virtualServers.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"A virtual server named \"{name}\" already exists on {Host.Name}.");
            }

            if (port != 0 && _virtualServers.Any(v => v.Port == port && v.Address.Equals(address)))
            {
                throw new InvalidOperationException($"{address}:{port} is already used by another virtual server on {Host.Name}.");
            }

            server = new SmtpVirtualServer(this, name, address, port, homeDirectory, defaultDomain);

            // On disk before it is listed: once listed, a hop of the world can deliver to it.
            Persistence?.Adding(server);
            _virtualServers.Add(server);
        }

        try
        {
            Persistence?.Added(server);
            VirtualServerAdded?.Invoke(server);
        }
        catch
        {
            // Its listener could not open (the port is taken by another program): the wizard fails as a whole.
            Remove(server);
            throw;
        }

        return server;
    }

    /// <summary>
    /// Deletes a virtual server (IIS: right-click → Delete): it stops first, so its listener closes and
    /// its open sessions end, then it leaves the service. Mail still in its queue goes with it.
    /// </summary>
    public void RemoveVirtualServer(SmtpVirtualServer server)
    {
        lock (_gate)
        {
            if (!_virtualServers.Contains(server))
            {
                throw new KeyNotFoundException($"{Host.Name} has no SMTP virtual server \"{server.Name}\".");
            }
        }

        server.Stop();
        Remove(server);
        VirtualServerRemoved?.Invoke(server);
    }

    private void Remove(SmtpVirtualServer server)
    {
        lock (_gate)
        {
            _virtualServers.Remove(server);
        }

        Persistence?.Removed(server);
    }

    public void Start() => SetState(VirtualServerState.Running);

    public void Pause() => SetState(VirtualServerState.Paused);

    public void Stop() => SetState(VirtualServerState.Stopped);

    internal void SetState(VirtualServerState state)
    {
        lock (_gate)
        {
            State = state;
        }

        foreach (var server in VirtualServers)
        {
            StateChanged?.Invoke(server);
        }
    }

    internal void RaiseStateChanged(SmtpVirtualServer server) => StateChanged?.Invoke(server);
}
