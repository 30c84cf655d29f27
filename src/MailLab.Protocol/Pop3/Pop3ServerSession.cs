using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Pop3;

/// <summary>
/// A sans-I/O POP3 server session (RFC 1939, with CAPA and response codes from RFC 2449, STLS from
/// RFC 2595 and AUTH from RFC 5034): bytes go in through <see cref="Receive"/>, response bytes come
/// out through <see cref="Output"/>, and <see cref="PendingAction"/> says whether to start TLS or
/// close. It never touches a socket or a clock of its own, so the same object runs over the
/// in-memory transport and over TCP.
/// </summary>
public sealed partial class Pop3ServerSession : IDisposable
{
    private enum Mode
    {
        Command,
        SaslResponse,
    }

    private readonly Pop3ServerOptions _options;
    private readonly IPop3ServerHandler _handler;
    private readonly IPop3SessionObserver? _observer;
    private readonly PooledByteBuffer _output = new(512);
    private readonly LineAssembler _line = new();

    private Mode _mode = Mode.Command;

    public Pop3ServerSession(Pop3ServerOptions options, IPop3ServerHandler handler, Pop3SessionContext context, IPop3SessionObserver? observer = null)
    {
        _options = options;
        _handler = handler;
        Context = context;
        _observer = observer;
        TimestampBanner = Common.MsgIdChallenge.Create(options.HostName, options.TimeProvider, options.NonceGenerator);
    }

    public Pop3SessionContext Context { get; }

    public Pop3ServerOptions Options => _options;

    public Pop3SessionState State { get; private set; } = Pop3SessionState.Authorization;

    /// <summary>The <c>&lt;nonce.clock@host&gt;</c> banner of the greeting, which APOP digests are made from (RFC 1939 §7).</summary>
    public string TimestampBanner { get; }

    /// <summary>Response bytes not yet written; the transport writes them, then calls <see cref="ClearOutput"/>.</summary>
    public ReadOnlyMemory<byte> Output => _output.WrittenMemory;

    public Pop3SessionAction PendingAction { get; private set; }

    public bool IsClosed => PendingAction == Pop3SessionAction.Close;

    /// <summary>Octets of an unfinished client line held in memory (bounded by the line limits).</summary>
    internal int BufferedLineOctets => _line.BufferedOctets;

    public void ClearOutput() => _output.Clear();

    /// <summary>Writes the greeting with the APOP timestamp banner (RFC 1939 §4, §7).</summary>
    public void Start() => Reply(Pop3Responses.Greeting(_options.HostName, TimestampBanner));

    /// <summary>
    /// Refuses or ends the connection at once with a negative response (too many connections, service
    /// stopping) and closes. Nothing is committed; a maildrop that was open is released.
    /// </summary>
    public void Refuse(Pop3Response response)
    {
        Reply(response);
        Close();
    }

    /// <summary>
    /// The inactivity timer expired (RFC 1939 §3 "autologout timer"): the session closes without a
    /// response and without entering UPDATE, so no message is deleted; the maildrop is released.
    /// </summary>
    public void TimedOut() => Close();

    /// <summary>
    /// Consumes input, every complete line in it (RFC 2449 §6.6, PIPELINING). Stops early when an
    /// action is pending: after STLS the rest must wait for, and then be read through, TLS
    /// (RFC 2595 §4); after QUIT nothing more is read.
    /// </summary>
    public int Receive(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        while (pos < input.Length && PendingAction == Pop3SessionAction.None)
        {
            pos += ReceiveLine(input[pos..]);
        }

        return pos;
    }

    /// <summary>
    /// TLS is up. The session stays in AUTHORIZATION (RFC 2595 §4); a half-done USER/PASS or SASL
    /// exchange from before it is forgotten.
    /// </summary>
    public void TlsEstablished()
    {
        PendingAction = Pop3SessionAction.None;
        Context.IsSecure = true;
        _pendingUser = null;
        ResetSasl();
        _line.Reset();
    }

    /// <summary>Frees the buffers; a maildrop still open (the client went away) is released without UPDATE.</summary>
    public void Dispose()
    {
        ReleaseMaildrop();
        _output.Dispose();
        _line.Dispose();
    }

    private int LineLimit => _mode == Mode.SaslResponse ? Pop3Limits.SaslResponseLine : Pop3Limits.CommandLine;

    private int ReceiveLine(ReadOnlySpan<byte> input)
    {
        var take = _line.Feed(input, LineLimit, out var outcome);
        if (outcome == LineOutcome.TooLong)
        {
            RejectLongLine();
            return take;
        }

        if (outcome == LineOutcome.None)
        {
            return take;
        }

        // RFC 1939 §3: lines end in CRLF; a bare LF is accepted too (telnet-style clients), and
        // counted as if it were CRLF, so the limit is the same for both.
        var line = _line.TakeLine(out var octets);
        if (octets > LineLimit)
        {
            _observer?.OnClientLine(_mode == Mode.SaslResponse ? "****" : Redact(line));
            RejectLongLine(logged: true);
        }
        else if (_mode == Mode.SaslResponse)
        {
            _observer?.OnClientLine("****");
            ContinueSasl(line);
        }
        else
        {
            ExecuteCommand(line);
        }

        return take;
    }

    /// <summary>Answers a line that was too long, once its end has been read.</summary>
    private void RejectLongLine(bool logged = false)
    {
        if (!logged)
        {
            _observer?.OnClientLine("(line too long, discarded)");
        }

        if (_mode == Mode.SaslResponse)
        {
            // The SASL exchange cannot go on without the response: end it (RFC 5034 §4), or the
            // next command would be taken for a response.
            ResetSasl();
        }

        Reply(Pop3Responses.LineTooLong);
    }

    private void Close()
    {
        PendingAction = Pop3SessionAction.Close;
        ReleaseMaildrop();
    }

    private void Reply(Pop3Response response)
    {
        response.WriteTo(_output);
        _observer?.OnServerResponse(response.Line, null);
    }
}
