using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// A sans-I/O SMTP server session (RFC 5321 with the extensions in <see cref="SmtpServerOptions"/>):
/// bytes go in through <see cref="Receive"/>, reply bytes come out through <see cref="Output"/>
/// and <see cref="PendingAction"/> says whether to start TLS or close. It never touches a socket,
/// so the same object runs over the in-memory transport and over TCP.
/// </summary>
public sealed partial class SmtpServerSession : IDisposable
{
    private enum Mode
    {
        Command,
        AuthResponse,
        Data,
        Bdat,
    }

    private readonly SmtpServerOptions _options;
    private readonly ISmtpServerHandler _handler;
    private readonly ISmtpSessionObserver? _observer;
    private readonly PooledByteBuffer _output = new(512);
    private readonly LineAssembler _line = new();
    private readonly PooledByteBuffer _content = new(1024);
    private readonly DotUnstuffer _data = new();

    private Mode _mode = Mode.Command;
    private bool _rejected;
    private Task<SmtpRecipientDecision>? _lookup;

    public SmtpServerSession(SmtpServerOptions options, ISmtpServerHandler handler, SmtpSessionContext context, ISmtpSessionObserver? observer = null)
    {
        _options = options;
        _handler = handler;
        Context = context;
        _observer = observer;
    }

    public SmtpSessionContext Context { get; }

    public SmtpServerOptions Options => _options;

    /// <summary>Reply bytes not yet written; the transport writes them, then calls <see cref="ClearOutput"/>.</summary>
    public ReadOnlyMemory<byte> Output => _output.WrittenMemory;

    public SmtpSessionAction PendingAction { get; private set; }

    /// <summary>The handler's decision on a RCPT that the session waits for (<see cref="SmtpSessionAction.Wait"/>), or null.</summary>
    public Task? PendingLookup => _lookup;

    public bool IsClosed => PendingAction == SmtpSessionAction.Close;

    /// <summary>True while message content (DATA or a BDAT chunk) is being received.</summary>
    public bool IsReceivingContent => _mode is Mode.Data or Mode.Bdat;

    /// <summary>Octets of an unfinished command line held in memory (bounded by <see cref="SmtpLimits.AuthLine"/>).</summary>
    internal int BufferedLineOctets => _line.BufferedOctets;

    public void ClearOutput() => _output.Clear();

    /// <summary>Writes the greeting: 220, or 554 when connection control refused the client (RFC 5321 §3.1).</summary>
    public void Start()
    {
        if (_options.RejectConnection)
        {
            // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT and answers 503 to anything else.
            _rejected = true;
            Reply(new SmtpReply(554, "5.7.1", $"{_options.HostName} Access denied: connection refused by connection control"));
            return;
        }

        Reply(SessionReplyCache.Greeting(_options, static o => new SmtpReply(220, null, $"{o.HostName} {o.Greeting}")));
    }

    /// <summary>Refuses the connection at once (paused virtual server, too many connections) and closes.</summary>
    public void Refuse(SmtpReply reply)
    {
        Reply(reply);
        PendingAction = SmtpSessionAction.Close;
    }

    /// <summary>The connection time-out expired (IIS General tab; RFC 5321 §4.5.3.2.7).</summary>
    public void TimedOut() => Refuse(SmtpReplies.Timeout(_options.HostName));

    /// <summary>
    /// Consumes input. Stops early when an action is pending: after STARTTLS the rest of the
    /// buffer must be discarded (RFC 3207 §4.2), after QUIT nothing more is read.
    /// </summary>
    public int Receive(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        while (pos < input.Length && PendingAction == SmtpSessionAction.None)
        {
            pos += _mode switch
            {
                Mode.Data => ReceiveData(input[pos..]),
                Mode.Bdat => ReceiveChunk(input[pos..]),
                _ => ReceiveLine(input[pos..]),
            };
        }

        return pos;
    }

    /// <summary>TLS is up: everything learned before it is forgotten (RFC 3207 §4.2).</summary>
    public void TlsEstablished()
    {
        PendingAction = SmtpSessionAction.None;
        Context.IsSecure = true;
        Context.ClientName = null;
        Context.IsExtended = false;
        Context.AuthenticatedUser = null;
        ResetTransaction();
        _line.Reset();
        _mode = Mode.Command;
    }

    public void Dispose()
    {
        _output.Dispose();
        _line.Dispose();
        _content.Dispose();
    }

    private int ReceiveLine(ReadOnlySpan<byte> input)
    {
        // No line of any kind may be longer than an AUTH line; each command's own limit is checked later.
        var take = _line.Feed(input, SmtpLimits.AuthLine, out var outcome);
        if (outcome == LineOutcome.TooLong)
        {
            RejectLongLine();
        }
        else if (outcome == LineOutcome.Line)
        {
            // Command lines end in CRLF; a bare LF is accepted as the end of a command line (as
            // Postfix and IIS do, for telnet-style clients). It is never a line end inside DATA.
            var line = _line.TakeLine(out var octets);
            if (_mode == Mode.AuthResponse)
            {
                _observer?.OnClientLine("****");
                ContinueAuth(line, octets);
            }
            else
            {
                ExecuteCommand(line, octets);
            }
        }

        return take;
    }

    /// <summary>Answers a line that was too long to keep, once its end has been read.</summary>
    private void RejectLongLine()
    {
        _observer?.OnClientLine("(line too long, discarded)");
        if (_mode == Mode.AuthResponse)
        {
            // The SASL exchange cannot go on without the response: end it (RFC 4954 §4), or the
            // next command line would be taken for a response and the client would hang.
            EndAuth(SmtpReplies.LineTooLong);
        }
        else
        {
            Reply(SmtpReplies.LineTooLong);
        }
    }

    private void Reply(SmtpReply reply)
    {
        reply.WriteTo(_output);
        _observer?.OnServerReply(reply);
    }
}
