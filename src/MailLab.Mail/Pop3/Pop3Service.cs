using System.Net;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Settings;
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
    private Pop3Snapshot _settings;

    internal Pop3Service(World.MailHost host)
    {
        Host = host;
        _settings = Pop3Snapshot.Defaults(host.Name);
    }

    /// <summary>The service's properties now (one immutable snapshot; <see cref="Configure"/> swaps in another).</summary>
    public Pop3Snapshot Settings => Volatile.Read(ref _settings);

    public World.MailHost Host { get; }

    /// <summary>Whether the service listens at all (the loader turns it on for hosts with accounts).</summary>
    public bool Enabled { get; set; }

    /// <summary>The IP address it listens on. MailLab binds loopback only.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The configured TCP port (0: any free port, as tests use). <see cref="SetPort"/> changes it while running.</summary>
    public int Port => Settings.Port;

    /// <summary>Raised when the port changes, so that the hosting layer rebinds the listener at once.</summary>
    public event Action<Pop3Service>? ListenerSettingsChanged;

    /// <summary>
    /// The Active Directory domain the host belongs to: the one the topology names, otherwise the
    /// host's parent domain (<see cref="ActiveDirectories.DefaultNameFor"/>).
    /// </summary>
    public string DirectoryName => Settings.Directory;

    /// <summary>The directory the Active Directory integrated method logs on against, shared with the organisation's other hosts.</summary>
    public ActiveDirectory Directory => Host.World.Directories.For(DirectoryName);

    /// <summary>The port actually bound by the TCP listener, when one is open.</summary>
    public int? BoundPort { get; set; }

    /// <summary>RFC 1939 §3 autologout timer: at least 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>"Require Secure Password Authentication" (winpop set sparequired 1): no cleartext logon outside TLS.</summary>
    public bool RequireSecurePasswordAuthentication
    {
        get => Settings.RequireSpa;
        set => Configure(s => s with { RequireSpa = value });
    }

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
        var settings = Settings;
        var options = new Pop3ServerOptions
        {
            HostName = Host.Name,
            TlsAvailable = tlsAvailable,
            AllowCleartextLogin = !settings.RequireSpa,
            SaslMechanisms = settings.Authentication == Pop3AuthenticationMethod.EncryptedPasswordFile
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
        else if (Exchange.ExchangeLogons.ProtocolNotRunning(Host, Exchange.ExchangeServiceNames.Pop3) is { } stopped)
        {
            session.Refuse(Pop3Response.Err(stopped, Pop3ResponseCodes.SysTemp));
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

        Configure(s => s with { Port = port }, rebind: true);
    }

    /// <summary>
    /// Changes properties: <paramref name="change"/> makes the new snapshot from the current one; it
    /// is checked as a whole (each setting's range, the rules between them, and that the
    /// authentication method changes only while no e-mail domain exists, docs/REFERENCE.md,
    /// "Authentication") and then swapped in. A refused set throws and changes nothing. A new port is
    /// bound at once; when it cannot be, the port change alone is taken back.
    /// </summary>
    public Pop3Snapshot Configure(Func<Pop3Snapshot, Pop3Snapshot> change) => Configure(change, rebind: false);

    /// <summary><see cref="Configure(Func{Pop3Snapshot, Pop3Snapshot})"/>; with <paramref name="rebind"/>, the listener is told even when the port stays.</summary>
    private Pop3Snapshot Configure(Func<Pop3Snapshot, Pop3Snapshot> change, bool rebind)
    {
        Pop3Snapshot current, next;

        // The gate orders a change of method against AddDomain (both hold it).
        lock (_gate)
        {
            current = Settings;
            next = change(current);
            if (Pop3Settings.Validate(next) is { } problem)
            {
                throw new MailLab.Mail.Settings.InvalidSettingException(problem.Split(' ')[0], $"Windows would refuse this: {problem}.");
            }

            if (next.Authentication != current.Authentication)
            {
                if (!Enum.IsDefined(next.Authentication))
                {
                    throw new Pop3AdminException($"Unknown authentication method {(int)next.Authentication}; use 1, 2 or 3.");
                }

                if (_domains.Count > 0)
                {
                    throw new Pop3AdminException("The authentication method can be changed only while no domains exist.");
                }
            }

            Volatile.Write(ref _settings, next);
        }

        if (rebind || next.Port != current.Port)
        {
            try
            {
                ListenerSettingsChanged?.Invoke(this);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                lock (_gate)
                {
                    Volatile.Write(ref _settings, Settings with { Port = current.Port });
                }

                throw new Pop3AdminException($"Cannot listen on port {next.Port}: {e.Message}", e);
            }
        }

        return next;
    }

    internal void Release() => Interlocked.Decrement(ref _activeConnections);
}
