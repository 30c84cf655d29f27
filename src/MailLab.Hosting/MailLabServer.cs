using System.Net;
using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Tls;
using MailLab.Hosting.Transports;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Hosting;

/// <summary>
/// Runs a <see cref="MailWorld"/>: one TCP listener per virtual server that is not stopped, the
/// POP3 and IMAP listeners, the in-memory network, and the STARTTLS certificate. Follows state changes: a stopped virtual
/// server's listener is closed (and its sessions ended), a started one is opened again.
/// </summary>
public sealed partial class MailLabServer : IAsyncDisposable
{
    private readonly Dictionary<SmtpVirtualServer, LoopbackTcpListener> _listeners = [];
    private readonly Dictionary<Mail.Pop3.Pop3Service, LoopbackTcpListener> _pop3Listeners = [];

    /// <summary>POP3 listeners left behind by a port change: no longer accepting, their sessions run on.</summary>
    private readonly List<LoopbackTcpListener> _retiredPop3Listeners = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _saving = new();
    private readonly bool _tcp;
    private readonly string? _dataDirectory;

    // The world as it started (in topology-file form) and its start time: what ResetAsync rebuilds.
    // A reset to another topology (a lab's start) makes that one the starting topology.
    private string _topology;
    private readonly DateTimeOffset _started;
    private bool _disposed;

    /// <param name="dataDirectory">maillab up --data-dir: where the stores and queues persist (null: in memory only).</param>
    /// <param name="certificate">
    /// maillab up --certificate: the STARTTLS certificate, owned by the server from now on. Null: the
    /// topology's <c>certificate:</c>, else the one generated and kept in the data directory, else
    /// one generated for this run. Throws <see cref="CertificateFileException"/> for unusable files,
    /// IOException when the data directory cannot keep the certificate.
    /// </param>
    public MailLabServer(MailWorld world, bool listenOnTcp = true, string? dataDirectory = null, X509Certificate2? certificate = null)
    {
        _tcp = listenOnTcp;
        _dataDirectory = dataDirectory;
        _topology = Mail.Topology.TopologyWriter.Write(world);
        _started = world.Clock.GetUtcNow();
        var hostNames = world.Hosts.Select(h => h.Name).ToArray();
        if (certificate is not null)
        {
            (Certificate, CertificateOrigin) = (certificate, "given with --certificate");
        }
        else if (world.Certificate is { } file)
        {
            (Certificate, CertificateOrigin) = (ServerCertificate.Load(file), $"from {file.Path} (the topology's certificate)");
        }
        else if (dataDirectory is not null)
        {
            Certificate = ServerCertificate.LoadOrCreate(dataDirectory, hostNames, world.Clock, out var reused);
            CertificateOrigin = $"self-signed, {(reused ? "kept" : "made and kept")} in {Path.Combine(dataDirectory, ServerCertificate.FileName)}";
        }
        else
        {
            (Certificate, CertificateOrigin) = (SelfSignedCertificate.Create(hostNames, world.Clock), "self-signed, made for this run (--data-dir keeps one)");
        }

        InMemory = new InMemoryNetwork(Certificate);
        World = Attach(world);
    }

    /// <summary>The stepper of simulation mode; null when the world runs on real time.</summary>
    public Mail.Simulation.Simulator? Simulator { get; private set; }

    /// <summary>The running world; replaced by <see cref="ResetAsync"/>.</summary>
    public MailWorld World { get; private set; }

    /// <summary>Raised after <see cref="ResetAsync"/> has started the new world.</summary>
    public event Action<MailWorld>? WorldReset;

    /// <summary>The stores on disk, open once <see cref="StartAsync"/> has read them back; null in memory only.</summary>
    public Mail.Persistence.DataDirectory? Data { get; private set; }

    public X509Certificate2 Certificate { get; }

    /// <summary>Where <see cref="Certificate"/> came from, for the start-up report.</summary>
    public string CertificateOrigin { get; }

    public InMemoryNetwork InMemory { get; }

    /// <summary>
    /// The configuration changed at run time (a virtual server, a setting, a domain, the operators,
    /// the POP3 service, a mailbox or a password): with a data directory the world's configuration
    /// is written to DIR/topology.yaml at once, durably, so the caller can acknowledge the change
    /// after this returns. One whole-file write per change: a few milliseconds plus a PBKDF2 hash
    /// for each new password, cheap against an administrator's pace. No-op in memory only.
    /// </summary>
    public void ConfigurationChanged()
    {
        if (_dataDirectory is null)
        {
            return;
        }

        lock (_saving)
        {
            Mail.Persistence.SavedConfiguration.Save(World, _dataDirectory);
        }
    }

    /// <summary>Raised after a listener opens or closes.</summary>
    public event Action<SmtpVirtualServer, IPEndPoint?>? ListenerChanged;

    /// <summary>Reads the data directory back (if any), then opens the listeners. IOException: the directory cannot be used.</summary>
    public async Task StartAsync()
    {
        if (_dataDirectory is not null && Data is null)
        {
            Data = Mail.Persistence.DataDirectory.Open(World, _dataDirectory);
        }

        foreach (var host in World.Hosts)
        {
            host.Smtp.StateChanged += OnStateChanged;
            host.Smtp.VirtualServerAdded += OnStateChanged;
            foreach (var server in host.Smtp.VirtualServers)
            {
                await ApplyAsync(server).ConfigureAwait(false);
            }
        }

        foreach (var host in World.Hosts)
        {
            host.Pop3.ListenerSettingsChanged += OnPop3Changed;
            await ApplyPop3Async(host.Pop3).ConfigureAwait(false);
        }

        await OpenImapAsync(World).ConfigureAwait(false);
    }

    /// <summary>The TCP endpoint of a host's POP3 service, or null while it has no listener.</summary>
    public IPEndPoint? GetPop3EndPoint(Mail.Pop3.Pop3Service service)
    {
        lock (_pop3Listeners)
        {
            return _pop3Listeners.TryGetValue(service, out var listener) ? listener.EndPoint : null;
        }
    }

    /// <summary>The TCP endpoint a virtual server listens on, or null while it has no listener.</summary>
    public IPEndPoint? GetEndPoint(SmtpVirtualServer server)
    {
        lock (_listeners)
        {
            return _listeners.TryGetValue(server, out var listener) ? listener.EndPoint : null;
        }
    }

    /// <summary>
    /// Throws the running world away and starts the topology it began with again: same hosts,
    /// settings, accounts and ports, empty mailboxes, queues and trace, and in simulation mode a new
    /// virtual clock at the original start time. Sessions of the old world are ended. With a data
    /// directory the new world reads the stores on disk back, as after a restart.
    /// </summary>
    public Task ResetAsync() => ResetAsync(null);

    /// <summary>
    /// As <see cref="ResetAsync()"/>, on the world <paramref name="load"/> builds on the clock it is given
    /// (a lab's starting topology), which from then on is the topology a reset goes back to. Hosts and
    /// virtual servers that were there before keep their listening ports. Null: the starting topology.
    /// TopologyException from <paramref name="load"/> leaves the running world as it was.
    /// </summary>
    public async Task ResetAsync(Func<TimeProvider, MailWorld>? load)
    {
        var old = World;
        var clock = old.Clock is Mail.Simulation.SimulationClock ? new Mail.Simulation.SimulationClock(_started) : old.Clock;
        var world = load is null
            ? Mail.Topology.TopologyLoader.LoadText(_topology, "the topology MailLab started with", clock)
            : load(clock);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await CloseListenersAsync(old).ConfigureAwait(false);
            foreach (var server in old.Hosts.SelectMany(h => h.Smtp.VirtualServers))
            {
                InMemory.CloseSessions(server);
            }

            Data?.Dispose();
            Data = null;

            // A retry timer of the old world that still fires has nowhere to send to.
            old.Outbound = null;
            foreach (var host in world.Hosts)
            {
                // Listeners on port 0 come back on the port they had, as after a stop and start.
                if (old.FindHost(host.Name) is not { } before)
                {
                    continue;
                }

                host.Pop3.SetPort(before.Pop3.Port);
                host.Pop3.BoundPort = before.Pop3.BoundPort;
                foreach (var server in host.Smtp.VirtualServers)
                {
                    server.BoundPort = before.Smtp.Find(server.Name)?.BoundPort;
                }
            }

            World = Attach(world);
            if (load is not null)
            {
                _topology = Mail.Topology.TopologyWriter.Write(world);
            }
        }
        finally
        {
            _gate.Release();
        }

        await StartAsync().ConfigureAwait(false);

        // The starting configuration is the configuration again, after a restart too.
        ConfigurationChanged();
        WorldReset?.Invoke(world);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            Data?.Dispose();
            await CloseListenersAsync(World).ConfigureAwait(false);
            await InMemory.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        Certificate.Dispose();
    }

    private MailWorld Attach(MailWorld world)
    {
        world.Outbound = new Smtp.OutboundSmtp(this);
        Simulator = world.Clock is Mail.Simulation.SimulationClock ? new Mail.Simulation.Simulator(world) : null;
        return world;
    }

    /// <summary>Stops following a world's state changes and closes its SMTP and POP3 listeners.</summary>
    private async Task CloseListenersAsync(MailWorld world)
    {
        foreach (var host in world.Hosts)
        {
            host.Smtp.StateChanged -= OnStateChanged;
            host.Smtp.VirtualServerAdded -= OnStateChanged;
            host.Pop3.ListenerSettingsChanged -= OnPop3Changed;
        }

        LoopbackTcpListener[] listeners;
        lock (_listeners)
        {
            listeners = _listeners.Values.ToArray();
            _listeners.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        await ClosePop3Async().ConfigureAwait(false);
        await CloseImapAsync().ConfigureAwait(false);
    }

    private void OnStateChanged(SmtpVirtualServer server) => ApplyAsync(server).GetAwaiter().GetResult();

    private async Task ApplyAsync(SmtpVirtualServer server)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            LoopbackTcpListener? current;
            lock (_listeners)
            {
                _listeners.TryGetValue(server, out current);
            }

            if (server.State == VirtualServerState.Stopped)
            {
                // Stopped: accepts nothing and ends what is open.
                InMemory.CloseSessions(server);
                if (current is not null)
                {
                    lock (_listeners)
                    {
                        _listeners.Remove(server);
                    }

                    await current.DisposeAsync().ConfigureAwait(false);
                    ListenerChanged?.Invoke(server, null);
                }

                return;
            }

            if (current is null && _tcp)
            {
                // Reopen on the same port a port-0 listener had before, so its endpoint stays stable.
                var listener = ProtocolListeners.OpenSmtp(server, Certificate, server.Port == 0 ? server.BoundPort ?? 0 : null);
                server.BoundPort = listener.EndPoint.Port;
                lock (_listeners)
                {
                    _listeners[server] = listener;
                }

                ListenerChanged?.Invoke(server, listener.EndPoint);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void OnPop3Changed(Mail.Pop3.Pop3Service service) => ApplyPop3Async(service).GetAwaiter().GetResult();

    /// <summary>
    /// Opens the POP3 listener of an enabled service, or moves it when its port changed (winpop set
    /// port): the new port is bound first, so a port that cannot be bound leaves the old listener;
    /// the old one then stops accepting, while the sessions it has go on to their QUIT.
    /// </summary>
    private async Task ApplyPop3Async(Mail.Pop3.Pop3Service service)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed || !_tcp || !service.Enabled)
            {
                return;
            }

            LoopbackTcpListener? current;
            lock (_pop3Listeners)
            {
                _pop3Listeners.TryGetValue(service, out current);
            }

            if (current is not null && (service.Port == 0 || service.Port == current.EndPoint.Port))
            {
                return;
            }

            // A port-0 service comes back on the port it had (after a reset), so its endpoint stays stable.
            var listener = ProtocolListeners.OpenPop3(service, Certificate, service.Port == 0 && current is null ? service.BoundPort ?? 0 : null);
            service.BoundPort = listener.EndPoint.Port;
            lock (_pop3Listeners)
            {
                _pop3Listeners[service] = listener;
            }

            if (current is not null)
            {
                await current.StopAcceptingAsync().ConfigureAwait(false);
                lock (_pop3Listeners)
                {
                    _retiredPop3Listeners.Add(current);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ClosePop3Async()
    {
        LoopbackTcpListener[] listeners;
        lock (_pop3Listeners)
        {
            listeners = [.. _pop3Listeners.Values, .. _retiredPop3Listeners];
            _pop3Listeners.Clear();
            _retiredPop3Listeners.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }
}
