using System.Net;
using MailLab.Protocol.Pop3;

namespace MailLab.Mail.Pop3;

/// <summary>
/// A host's POP3 service (Windows Server 2003 POP3): its listener endpoint, logon policy, the
/// RFC 1939 maildrop locks and the administrator's mailbox locks. Sessions read the host's
/// <see cref="Stores.MailboxStore"/> and log on, by the authentication method, against its
/// <see cref="Accounts.AccountDirectory"/>, the organisation's <see cref="ActiveDirectory"/> or the
/// <see cref="Pop3PasswordFile"/>.
/// </summary>
public sealed partial class Pop3Service
{
    /// <summary>The Windows POP3 service's port (winpop get port).</summary>
    public const int DefaultPort = 110;

    private int _activeConnections;

    internal Pop3Service(World.MailHost host)
    {
        Host = host;
    }

    public World.MailHost Host { get; }

    /// <summary>Whether the service listens at all (the loader turns it on for hosts with accounts).</summary>
    public bool Enabled { get; set; }

    /// <summary>The IP address it listens on. MailLab binds loopback only.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The configured TCP port (0: any free port, as tests use). <see cref="SetPort"/> changes it while running.</summary>
    public int Port { get; internal set; } = DefaultPort;

    /// <summary>Raised when the port changes, so that the hosting layer rebinds the listener at once.</summary>
    public event Action<Pop3Service>? ListenerSettingsChanged;

    /// <summary>
    /// The Active Directory domain the host belongs to: <see cref="Organisation"/> when the topology
    /// names one, otherwise the host's parent domain (<see cref="ActiveDirectories.DefaultNameFor"/>).
    /// </summary>
    public string DirectoryName => Organisation ?? ActiveDirectories.DefaultNameFor(Host.Name);

    /// <summary>The organisation (directory) named in the topology; null for the default.</summary>
    public string? Organisation { get; set; }

    /// <summary>The directory the Active Directory integrated method logs on against, shared with the organisation's other hosts.</summary>
    public ActiveDirectory Directory => Host.World.Directories.For(DirectoryName);

    /// <summary>The port actually bound by the TCP listener, when one is open.</summary>
    public int? BoundPort { get; set; }

    /// <summary>RFC 1939 §3 autologout timer: at least 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>"Require Secure Password Authentication" (winpop set sparequired 1): no cleartext logon outside TLS.</summary>
    public bool RequireSecurePasswordAuthentication { get; set; }

    /// <summary>Locks every session's maildrop (RFC 1939 §4).</summary>
    public Pop3MaildropLocks MaildropLocks { get; } = new();

    /// <summary>The growing delay after repeated failed logons.</summary>
    public Pop3LogonThrottle LogonThrottle => _throttle ??= new Pop3LogonThrottle(Host.World.Clock);

    private Pop3LogonThrottle? _throttle;

    public int ActiveConnections => Volatile.Read(ref _activeConnections);

    /// <summary>
    /// Opens a session for a new connection and writes the greeting into its output. The returned
    /// connection must be disposed when the transport closes (that also frees the maildrop lock).
    /// </summary>
    public InboundPop3Connection Accept(EndPoint? remote, EndPoint? local, bool tlsAvailable)
    {
        var trace = Host.World.Trace;
        var sessionId = trace.NewSessionId();
        var context = new Pop3SessionContext(remote, local);
        var peer = context.RemoteAddress?.ToString();
        var observer = new Pop3TraceObserver(trace, Host.Name, sessionId, peer);
        var handler = new Pop3SessionHandler(this, observer);
        var options = new Pop3ServerOptions
        {
            HostName = Host.Name,
            TlsAvailable = tlsAvailable,
            AllowCleartextLogin = !RequireSecurePasswordAuthentication,
            SaslMechanisms = AuthenticationMethod == Pop3AuthenticationMethod.EncryptedPasswordFile
                ? [Pop3LogonMechanisms.Plain, Pop3LogonMechanisms.Login]
                : Pop3LogonMechanisms.Sasl,
            TimeProvider = Host.World.Clock,
        };
        var session = new Pop3ServerSession(options, handler, context, observer);
        Interlocked.Increment(ref _activeConnections);
        var connection = new InboundPop3Connection(this, session, IdleTimeout, sessionId);
        if (trace.RecordTranscripts)
        {
            trace.Append(Host.Name, Tracing.TraceKind.ConnectionOpened, $"POP3 connection from {remote}", sessionId, peer: peer);
        }

        if (!Enabled)
        {
            session.Refuse(Pop3Responses.ServiceUnavailable);
        }
        else
        {
            session.Start();
        }

        return connection;
    }

    /// <summary>
    /// winpop set port: takes effect at once, the listener moves to the new port (unlike Windows,
    /// which needs a service restart). Refused, with the old port kept, when the port cannot be bound.
    /// </summary>
    public void SetPort(int port)
    {
        if (port is < 0 or > 65535)
        {
            throw new Pop3AdminException($"{port} is not a TCP port (1-65535).");
        }

        var previous = Port;
        Port = port;
        try
        {
            ListenerSettingsChanged?.Invoke(this);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            Port = previous;
            throw new Pop3AdminException($"Cannot listen on port {port}: {e.Message}", e);
        }
    }

    internal void Release() => Interlocked.Decrement(ref _activeConnections);
}
