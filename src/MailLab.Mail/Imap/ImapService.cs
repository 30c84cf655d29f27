using System.Net;
using MailLab.Protocol.Imap;

namespace MailLab.Mail.Imap;

/// <summary>
/// A host's IMAP service (RFC 9051) over its <see cref="Stores.MailboxStore"/>: the listener
/// settings the topology gives (imap: block), the limits, and <see cref="Accept"/>, which opens a
/// session for a connection. Logon uses the host's POP3 service's accounts and authentication
/// method (local accounts, directory or password file) and its logon throttle, so one user logs
/// on to both the same way; QUOTA is the POP3 quota, APPENDLIMIT the SMTP message size limit.
/// </summary>
public sealed class ImapService
{
    /// <summary>IMAP's port (RFC 9051 §2.1).</summary>
    public const int DefaultPort = 143;

    /// <summary>IMAP over implicit TLS (RFC 8314 §7).</summary>
    public const int DefaultImplicitTlsPort = 993;

    private int _activeConnections;

    internal ImapService(World.MailHost host)
    {
        Host = host;
    }

    public World.MailHost Host { get; }

    /// <summary>Whether the service listens at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The IP address it listens on. MailLab binds loopback only.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The IMAP (STARTTLS) port; 0 binds any free port (tests).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The implicit-TLS (IMAPS, RFC 8314 §3.2) port, null for none; 0 binds any free port (tests).</summary>
    public int? ImplicitTlsPort { get; set; }

    /// <summary>The ports actually bound by the TCP listeners, when open (set by the hosting layer).</summary>
    public int? BoundPort { get; set; }

    public int? BoundImplicitTlsPort { get; set; }

    /// <summary>
    /// Whether LOGIN and AUTHENTICATE PLAIN/LOGIN are refused outside TLS (LOGINDISABLED, RFC 9051
    /// §6.2.3). The POP3 service's "Require Secure Password Authentication" refuses them too, since
    /// both services log the same accounts on.
    /// </summary>
    public bool RequireTlsForPlaintextLogon { get; set; }

    /// <summary>The autologout timer: RFC 9051 §5.4 asks for at least 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most sessions at once; null for no limit. A session over it gets <c>* BYE</c> at once.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>The longest command line outside literals.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>The largest literal a command may carry (an APPEND above the APPENDLIMIT gets NO [TOOBIG] first).</summary>
    public long MaxLiteralSize { get; set; } = 64L * 1024 * 1024;

    /// <summary>Capabilities switched off (IDLE, MOVE, CONDSTORE, QRESYNC, QUOTA, ...).</summary>
    public ISet<string> DisabledCapabilities { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public int ActiveConnections => Volatile.Read(ref _activeConnections);

    /// <summary>
    /// APPENDLIMIT (RFC 7889): the message size limit of the host's first SMTP virtual server, since
    /// a message IMAP takes in could not have arrived over SMTP any larger; null when it has none.
    /// </summary>
    public long? AppendLimit => Host.Smtp.VirtualServers.FirstOrDefault()?.Limits.MaxMessageSizeKb is { } kb && kb > 0 ? kb * 1024 : null;

    /// <summary>
    /// Opens a session for a new connection and writes the greeting into its output. The returned
    /// connection must be disposed when the transport closes.
    /// </summary>
    public InboundImapConnection Accept(EndPoint? remote, EndPoint? local, bool tlsAvailable, bool implicitTls = false)
    {
        var trace = Host.World.Trace;
        var sessionId = trace.NewSessionId();
        var context = new ImapSessionContext(remote, local, isTls: implicitTls);
        var peer = context.RemoteAddress?.ToString();
        var observer = new ImapTraceObserver(trace, Host.Name, sessionId, peer);
        var backend = new ImapBackend(this, observer);
        var options = new ImapServerOptions
        {
            HostName = Host.Name,
            TlsAvailable = tlsAvailable && !implicitTls,
            ImplicitTls = implicitTls,
            AllowPlaintextWithoutTls = !RequireTlsForPlaintextLogon && !Host.Pop3.RequireSecurePasswordAuthentication,
            SaslMechanisms = Host.Pop3.AuthenticationMethod == Pop3.Pop3AuthenticationMethod.EncryptedPasswordFile ? ["PLAIN", "LOGIN"] : ["PLAIN", "LOGIN", "CRAM-MD5"],
            DisabledCapabilities = new HashSet<string>(DisabledCapabilities, StringComparer.OrdinalIgnoreCase),
            MaxLineLength = MaxLineLength,
            MaxLiteralSize = MaxLiteralSize,
            AppendLimit = AppendLimit,
            IdleTimeout = IdleTimeout,
            TimeProvider = Host.World.Clock,
        };
        var session = new ImapServerSession(options, backend, context, observer);
        var count = Interlocked.Increment(ref _activeConnections);
        var connection = new InboundImapConnection(this, session, sessionId);
        if (trace.RecordTranscripts)
        {
            trace.Append(Host.Name, Tracing.TraceKind.ConnectionOpened, $"IMAP connection from {remote}", sessionId, peer: peer);
        }

        if (!Enabled)
        {
            session.Refuse("IMAP service not available");
        }
        else if (Exchange.ExchangeLogons.ProtocolNotRunning(Host, Exchange.ExchangeServiceNames.Imap4) is { } stopped)
        {
            session.Refuse(stopped);
        }
        else if (MaxConnections is { } max && count > max)
        {
            session.Refuse("Too many connections, try again later");
        }
        else
        {
            session.Start();
        }

        return connection;
    }

    internal void Release() => Interlocked.Decrement(ref _activeConnections);
}
