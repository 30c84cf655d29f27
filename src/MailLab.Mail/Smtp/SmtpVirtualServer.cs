using System.Net;
using MailLab.Mail.Settings;
using MailLab.Mail.Stores;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Smtp;

/// <summary>
/// An IIS 6 SMTP virtual server: identity (name, IP, port), home directory, domains, limits and
/// access settings, and its own Running / Paused / Stopped state under the service's.
/// </summary>
public sealed class SmtpVirtualServer
{
    private VirtualServerState _ownState = VirtualServerState.Running;
    private int _activeConnections;
    private Settings.VirtualServerSnapshot _settings;
    private SessionOptionsCache? _options;
    private SmtpExtensions _extensions = SmtpExtensions.All;

    internal SmtpVirtualServer(SmtpService service, string name, IPAddress address, int port, string homeDirectory, string defaultDomain)
    {
        Service = service;
        Name = name;
        Address = address;
        Port = port;
        HomeDirectory = new HomeDirectory(homeDirectory);
        Domains = new SmtpDomainList(defaultDomain);
        _settings = MailLab.Mail.Smtp.Settings.VirtualServerSnapshot.Defaults(service.Host.Name);
        Queue = new Queue.QueueManager(this);
        OutboundConnections = new Delivery.OutboundConnectionPool(this);
        LdapRouting = new Routing.LdapRouting(this);
        Operators = new Security.VirtualServerOperators(service.Host);
        service.StateChanged += vs =>
        {
            // Files left in Pickup while the virtual server was stopped are sent when it starts.
            if (vs == this && State != VirtualServerState.Stopped && HomeDirectory.Pickup.Count > 0)
            {
                Host.World.Work.Run(() =>
                {
                    MailLab.Mail.Delivery.PickupAgent.ProcessAll(this);
                    return Task.CompletedTask;
                });
            }
        };
    }

    /// <summary>Mail waiting for remote delivery, with its retry state.</summary>
    public Queue.QueueManager Queue { get; }

    /// <summary>The LDAP Routing tab at work: recipients and senders resolved through a directory.</summary>
    public Routing.LdapRouting LdapRouting { get; }

    /// <summary>Its outgoing connections, within the Delivery tab's limits.</summary>
    public Delivery.OutboundConnectionPool OutboundConnections { get; }

    public SmtpService Service { get; }

    public World.MailHost Host => Service.Host;

    public string Name { get; }

    /// <summary>The IP address it listens on. MailLab binds loopback only.</summary>
    public IPAddress Address { get; }

    /// <summary>The configured TCP port (0: any free port, as tests use).</summary>
    public int Port { get; }

    /// <summary>The port actually bound by the TCP listener, when one is open.</summary>
    public int? BoundPort { get; set; }

    public HomeDirectory HomeDirectory { get; }

    public SmtpDomainList Domains { get; }

    /// <summary>
    /// The SMTP service extensions its sessions offer (all by default). Not on IIS's property sheet:
    /// a test switches some off to see how its client falls back. A change applies to new connections.
    /// </summary>
    public SmtpExtensions Extensions
    {
        get => _extensions;
        set
        {
            _extensions = value;
            Volatile.Write(ref _options, null);
        }
    }

    /// <summary>The property sheet's settings now; a session or delivery takes it once and keeps to it.</summary>
    public Settings.VirtualServerSnapshot Settings => Volatile.Read(ref _settings);

    public SmtpLimitsSettings Limits => Settings.Limits;

    public SmtpAccessSettings Access => Settings.Access;

    public SmtpDeliverySettings Delivery => Settings.Delivery;

    /// <summary>Security tab: who may administer this virtual server.</summary>
    public Security.VirtualServerOperators Operators { get; }

    /// <summary>Delivery tab → Advanced → Fully-qualified domain name; defaults to the computer's name.</summary>
    public string Fqdn => Settings.Fqdn;

    /// <summary>Messages tab → "Send copy of Non-Delivery Report to".</summary>
    public string? NdrCopyTo => Settings.NdrCopyTo;

    /// <summary>General tab → logging (W3C extended format when on).</summary>
    public bool LoggingEnabled => Settings.LoggingEnabled;

    /// <summary>
    /// Changes settings: <paramref name="change"/> makes the new snapshot from the current one, which is
    /// checked as a whole and then swapped in atomically (a concurrent change makes it run again on
    /// the newer snapshot). A set IIS would refuse throws <see cref="Settings.InvalidSettingException"/>
    /// and changes nothing.
    /// </summary>
    public Settings.VirtualServerSnapshot Configure(Func<Settings.VirtualServerSnapshot, Settings.VirtualServerSnapshot> change)
    {
        while (true)
        {
            var current = Settings;
            var next = change(current);
            if (next.Validate() is { } problem)
            {
                throw new MailLab.Mail.Settings.InvalidSettingException(problem.Split(' ')[0], $"IIS would refuse this: {problem}.");
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _settings, next, current), current))
            {
                return next;
            }
        }
    }

    /// <summary>The state set on this virtual server itself.</summary>
    public VirtualServerState OwnState => _ownState;

    /// <summary>
    /// What the server does now: the service's state wins when it is stopped or paused (a stopped
    /// virtual server stays stopped under a paused service).
    /// </summary>
    public VirtualServerState State => Service.State switch
    {
        VirtualServerState.Stopped => VirtualServerState.Stopped,
        VirtualServerState.Paused => _ownState == VirtualServerState.Stopped ? VirtualServerState.Stopped : VirtualServerState.Paused,
        _ => _ownState,
    };

    public int ActiveConnections => Volatile.Read(ref _activeConnections);

    /// <summary>
    /// Starts this virtual server. Starting one while the service is stopped (or paused) starts the
    /// service, and with it the virtual servers that were running before (docs/REFERENCE.md, "States").
    /// </summary>
    public void Start()
    {
        _ownState = VirtualServerState.Running;
        if (Service.State != VirtualServerState.Running)
        {
            Service.SetState(VirtualServerState.Running);
            return;
        }

        Service.RaiseStateChanged(this);
    }

    public void Pause()
    {
        _ownState = VirtualServerState.Paused;
        Service.RaiseStateChanged(this);
    }

    public void Stop()
    {
        _ownState = VirtualServerState.Stopped;
        Service.RaiseStateChanged(this);
    }

    /// <summary>
    /// Opens an inbound session for a new connection: applies the state, the connection limit and
    /// connection control, then writes the greeting (or the refusal) into the session's output.
    /// The returned connection must be disposed when the transport closes.
    /// </summary>
    public InboundSmtpConnection Accept(EndPoint? remote, EndPoint? local, bool tlsAvailable, ISmtpSessionObserver? observer = null)
    {
        var context = new SmtpSessionContext(remote, local);
        var trace = Host.World.Trace;
        var sessionId = trace.NewSessionId();
        var peer = context.RemoteAddress?.ToString();
        var reverseName = Host.World.Dns.ReverseLookup(context.RemoteAddress);
        var settings = Settings;
        var options = SessionOptions(settings, tlsAvailable, !settings.Access.Connection.IsGranted(context.RemoteAddress, reverseName));
        var handler = new VirtualServerSessionHandler(this, settings, reverseName, sessionId);
        if (observer is null)
        {
            // Whose message a transaction carries is known on acceptance (MessageAcceptor): its lines are claimed then.
            var transcript = new Tracing.SessionTraceObserver(trace, Host.Name, sessionId, peer, outbound: false);
            handler.Transcript = transcript;
            observer = transcript;
        }

        var session = new SmtpServerSession(options, handler, context, observer);
        var count = Interlocked.Increment(ref _activeConnections);
        var connection = new InboundSmtpConnection(this, session, settings.Limits.ConnectionTimeout, sessionId);
        if (trace.RecordTranscripts)
        {
            trace.Append(Host.Name, Tracing.TraceKind.ConnectionOpened, $"Connection from {remote} to \"{Name}\"", sessionId, peer: peer);
            trace.RecordEndPoint(sessionId, remote as IPEndPoint);
        }

        if (Host.World.Faults.TakeReply(Host.Name, Faults.FaultStage.Connect) is { } injected)
        {
            session.Refuse(injected);
        }
        else if (State != VirtualServerState.Running)
        {
            // A paused (or stopping) server refuses new connections; open sessions go on.
            session.Refuse(SmtpReplies.ServiceUnavailable);
        }
        else if (settings.Limits.MaxConnections is { } max && count > max)
        {
            session.Refuse(SmtpReplies.TooManyConnections);
        }
        else
        {
            session.Start();
        }

        return connection;
    }

    internal void Release() => Interlocked.Decrement(ref _activeConnections);

    /// <summary>
    /// A session's options, derived once per settings snapshot (and clock) for each of the four
    /// TLS / refusal combinations: every connection of a busy server shares them.
    /// </summary>
    private SmtpServerOptions SessionOptions(Settings.VirtualServerSnapshot settings, bool tlsAvailable, bool reject)
    {
        var cache = Volatile.Read(ref _options);
        if (cache is null || !ReferenceEquals(cache.Settings, settings) || !ReferenceEquals(cache.Clock, Host.World.Clock))
        {
            cache = new SessionOptionsCache(settings, Host.World.Clock);
            Volatile.Write(ref _options, cache);
        }

        var slot = (tlsAvailable ? 1 : 0) + (reject ? 2 : 0);
        var options = Volatile.Read(ref cache.Options[slot]);
        if (options is null)
        {
            options = CreateSessionOptions(settings, tlsAvailable, reject);
            Volatile.Write(ref cache.Options[slot], options);
        }

        return options;
    }

    private SmtpServerOptions CreateSessionOptions(Settings.VirtualServerSnapshot settings, bool tlsAvailable, bool reject) => new()
    {
        HostName = settings.Fqdn,
        MaxMessageSize = (settings.Limits.MaxMessageSizeKb ?? 0) * 1024,
        MaxSessionSize = (settings.Limits.MaxSessionSizeKb ?? 0) * 1024,
        MaxRecipients = settings.Limits.MaxRecipientsPerMessage ?? int.MaxValue,
        Extensions = _extensions,
        TlsAvailable = tlsAvailable && (_extensions & SmtpExtensions.StartTls) != 0,
        RequireTls = settings.Access.RequireTls,
        AllowAnonymous = settings.Access.AnonymousAccess,
        AuthMechanisms = settings.Access.BasicAuthentication ? ["LOGIN", "PLAIN", "CRAM-MD5"] : [],
        RequireTlsForAuth = settings.Access.BasicRequiresTls,
        RejectConnection = reject,
        TimeProvider = Host.World.Clock,
    };

    private sealed class SessionOptionsCache(Settings.VirtualServerSnapshot settings, TimeProvider clock)
    {
        public Settings.VirtualServerSnapshot Settings { get; } = settings;

        public TimeProvider Clock { get; } = clock;

        public SmtpServerOptions?[] Options { get; } = new SmtpServerOptions?[4];
    }
}
