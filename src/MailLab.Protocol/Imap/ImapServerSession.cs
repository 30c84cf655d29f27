using MailLab.Protocol.Common;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Protocol.Imap;

/// <summary>
/// A sans-I/O IMAP4rev2 server session (RFC 9051, with IMAP4rev1 behaviour of RFC 3501 for
/// clients that do not ENABLE IMAP4rev2): bytes go in through <see cref="Receive"/>, response bytes
/// come out through <see cref="Output"/>, and <see cref="PendingAction"/> says whether to start TLS
/// or close. It never touches a socket or a clock of its own, so the same object runs over the
/// in-memory transport and over TCP.
/// <para>
/// Unsolicited updates: when the selected folder changes (a delivery, another session),
/// <see cref="UpdatesAvailable"/> is raised on the store's thread. The transport then calls
/// <see cref="Wake"/> on its own thread; during IDLE that writes the untagged EXISTS/EXPUNGE/FETCH
/// responses to <see cref="Output"/>. Between commands updates wait for the next command
/// (RFC 9051 §7.5.1 forbids EXPUNGE outside a command).
/// </para>
/// </summary>
public sealed partial class ImapServerSession : IDisposable
{
    private readonly ImapServerOptions _options;
    private readonly IImapBackend _backend;
    private readonly IImapSessionObserver? _observer;
    private readonly PooledByteBuffer _output = new(1024);

    public ImapServerSession(ImapServerOptions options, IImapBackend backend, ImapSessionContext context, IImapSessionObserver? observer = null)
    {
        _options = options;
        _backend = backend;
        Context = context;
        _observer = observer;
        if (options.ImplicitTls)
        {
            context.IsTls = true;
        }

        InitialiseParser();
    }

    public ImapSessionContext Context { get; }

    public ImapServerOptions Options => _options;

    public ImapSessionState State { get; private set; } = ImapSessionState.NotAuthenticated;

    /// <summary>Response bytes not yet written; the transport writes them, then calls <see cref="ClearOutput"/>.</summary>
    public ReadOnlyMemory<byte> Output => _output.WrittenMemory;

    public ImapSessionAction PendingAction { get; private set; }

    public bool IsClosed => PendingAction == ImapSessionAction.Close;

    /// <summary>The autologout timer the transport runs and restarts on every input (RFC 9051 §5.4).</summary>
    public TimeSpan IdleTimeout => _options.IdleTimeout;

    /// <summary>True while the client is in IDLE (RFC 2177).</summary>
    public bool IsIdling => _idleTag is not null;

    /// <summary>
    /// Raised, possibly on another thread, when the selected folder changed and <see cref="Wake"/>
    /// may have something to write. The handler must not call into the session on that thread.
    /// </summary>
    public event EventHandler? UpdatesAvailable;

    public void ClearOutput() => _output.Clear();

    /// <summary>Writes the greeting <c>* OK [CAPABILITY …] host MailLab IMAP4rev2 ready</c> (RFC 9051 §7.1.1).</summary>
    public void Start() => WriteLine($"* OK [CAPABILITY {CapabilityList()}] {_options.HostName} MailLab IMAP4rev2 ready");

    /// <summary>Refuses the connection (too many connections, service paused): <c>* BYE text</c> and close (RFC 9051 §7.1.5).</summary>
    public void Refuse(string text = "Server unavailable, try again later")
    {
        WriteLine("* BYE " + text);
        Close();
    }

    /// <summary>The server is stopping: <c>* BYE</c> and close, whatever the state.</summary>
    public void ShuttingDown() => Refuse("Server shutting down");

    /// <summary>The autologout timer expired (RFC 9051 §5.4): <c>* BYE Autologout; idle for too long</c> and close.</summary>
    public void TimedOut()
    {
        WriteLine("* BYE Autologout; idle for too long");
        Close();
    }

    /// <summary>
    /// Consumes input; every complete command in it is run (pipelining, RFC 9051 §5.5). Stops early
    /// when an action is pending: after STARTTLS the rest must be read through TLS; after LOGOUT
    /// nothing more is read. Returns the octets consumed.
    /// </summary>
    public int Receive(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        while (pos < input.Length && PendingAction == ImapSessionAction.None)
        {
            var taken = ReceiveSome(input[pos..]);
            pos += taken;
            if (taken == 0)
            {
                break;
            }
        }

        return pos;
    }

    /// <summary>
    /// Called by the transport after <see cref="UpdatesAvailable"/>: during IDLE it writes the
    /// pending untagged updates; otherwise they wait for the next command.
    /// </summary>
    public void Wake()
    {
        if (IsIdling && State == ImapSessionState.Selected)
        {
            ReportChanges(allowExpunge: true);
        }
    }

    /// <summary>TLS is up (RFC 9051 §6.2.1): the session stays not authenticated; the capabilities change.</summary>
    public void TlsEstablished()
    {
        PendingAction = ImapSessionAction.None;
        Context.IsTls = true;
        ResetParser();
    }

    /// <summary>Frees buffers and releases the folder and account.</summary>
    public void Dispose()
    {
        ReleaseAll();
        _output.Dispose();
        DisposeParser();
    }

    private void Close()
    {
        PendingAction = ImapSessionAction.Close;
        State = ImapSessionState.Logout;
        ReleaseAll();
    }

    private void RaiseUpdatesAvailable() => UpdatesAvailable?.Invoke(this, EventArgs.Empty);
}
