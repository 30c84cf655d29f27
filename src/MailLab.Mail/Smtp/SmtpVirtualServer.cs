using System.Net;
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

    internal SmtpVirtualServer(SmtpService service, string name, IPAddress address, int port, string homeDirectory, string defaultDomain)
    {
        Service = service;
        Name = name;
        Address = address;
        Port = port;
        HomeDirectory = new HomeDirectory(homeDirectory);
        Domains = new SmtpDomainList(defaultDomain);
        Fqdn = service.Host.Name;
        Queue = new Queue.QueueManager(this);
        OutboundConnections = new Delivery.OutboundConnectionPool(this);
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

    public SmtpLimitsSettings Limits { get; } = new();

    public SmtpAccessSettings Access { get; } = new();

    public SmtpDeliverySettings Delivery { get; } = new();

    /// <summary>Security tab: who may administer this virtual server.</summary>
    public Security.VirtualServerOperators Operators { get; }

    /// <summary>Delivery tab → Advanced → Fully-qualified domain name; defaults to the computer's name.</summary>
    public string Fqdn { get; set; }

    /// <summary>Messages tab → "Send copy of Non-Delivery Report to".</summary>
    public string? NdrCopyTo { get; set; }

    /// <summary>General tab → logging (W3C extended format when on).</summary>
    public bool LoggingEnabled { get; set; } = true;

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
    public InboundSmtpConnection Accept(EndPoint? remote, EndPoint? local, bool tlsAvailable, ISmtpSessionObserver? observer = null, long originTraceSequence = 0)
    {
        var context = new SmtpSessionContext(remote, local);
        var trace = Host.World.Trace;
        var sessionId = trace.NewSessionId();
        var peer = context.RemoteAddress?.ToString();
        var reverseName = Host.World.Dns.ReverseLookup(context.RemoteAddress);
        var options = CreateSessionOptions(tlsAvailable, !Access.Connection.IsGranted(context.RemoteAddress, reverseName));
        var handler = new VirtualServerSessionHandler(this, reverseName, sessionId, originTraceSequence);
        if (observer is null)
        {
            // A message relayed by a host of this world continues that host's trace; a new one's trace is known on acceptance.
            var transcript = new Tracing.SessionTraceObserver(trace, Host.Name, sessionId, peer, outbound: false,
                () => handler.OriginTraceSequence == 0 ? null : Stores.StoredMessage.FormatId(handler.OriginTraceSequence));
            handler.Transcript = transcript;
            observer = transcript;
        }

        var session = new SmtpServerSession(options, handler, context, observer);
        var count = Interlocked.Increment(ref _activeConnections);
        var connection = new InboundSmtpConnection(this, session, handler, Limits.ConnectionTimeout, sessionId);
        if (trace.RecordTranscripts)
        {
            trace.Append(Host.Name, Tracing.TraceKind.ConnectionOpened, $"Connection from {remote} to \"{Name}\"", sessionId, peer: peer);
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
        else if (Limits.MaxConnections is { } max && count > max)
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

    // The options of the last session opened: reused while the settings they come from are unchanged
    // (they are immutable, and every connection of a busy server would otherwise build the same ones).
    private SmtpServerOptions? _lastOptions;

    private SmtpServerOptions CreateSessionOptions(bool tlsAvailable, bool reject)
    {
        var maxMessageSize = (Limits.MaxMessageSizeKb ?? 0) * 1024;
        var maxSessionSize = (Limits.MaxSessionSizeKb ?? 0) * 1024;
        var maxRecipients = Limits.MaxRecipientsPerMessage ?? int.MaxValue;
        var basic = Access.BasicAuthentication;
        var last = Volatile.Read(ref _lastOptions);
        if (last is not null
            && ReferenceEquals(last.HostName, Fqdn)
            && last.MaxMessageSize == maxMessageSize
            && last.MaxSessionSize == maxSessionSize
            && last.MaxRecipients == maxRecipients
            && last.TlsAvailable == tlsAvailable
            && last.RequireTls == Access.RequireTls
            && last.AllowAnonymous == Access.AnonymousAccess
            && last.AuthMechanisms.Count == (basic ? 3 : 0)
            && last.RequireTlsForAuth == Access.BasicRequiresTls
            && last.RejectConnection == reject
            && ReferenceEquals(last.TimeProvider, Host.World.Clock))
        {
            return last;
        }

        var options = new SmtpServerOptions
        {
            HostName = Fqdn,
            MaxMessageSize = maxMessageSize,
            MaxSessionSize = maxSessionSize,
            MaxRecipients = maxRecipients,
            TlsAvailable = tlsAvailable,
            RequireTls = Access.RequireTls,
            AllowAnonymous = Access.AnonymousAccess,
            AuthMechanisms = basic ? ["LOGIN", "PLAIN", "CRAM-MD5"] : [],
            RequireTlsForAuth = Access.BasicRequiresTls,
            RejectConnection = reject,
            TimeProvider = Host.World.Clock,
        };
        Volatile.Write(ref _lastOptions, options);
        return options;
    }
}
