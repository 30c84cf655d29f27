using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tracing;

/// <summary>
/// Writes one SMTP connection's lines into the trace, tagged with its session id, from either end:
/// a virtual server's session, the in-process client, or MailKit's protocol log.
/// <para>A connection may carry several messages, one mail transaction each (RFC 5321 §3.3: from
/// MAIL to the reply to the content, or to RSET's reply; EHLO, HELO, STARTTLS, AUTH and QUIT are
/// outside any). A transaction's lines carry its number and the trace of its message, so each
/// message's hop shows its own transaction; the connection's own lines (opening, greeting, EHLO,
/// QUIT, closing) carry 0 and no trace, and belong to every message on it.</para>
/// </summary>
public sealed class SessionTraceObserver : ISmtpSessionObserver
{
    private readonly TraceLog _log;
    private readonly string _host;
    private readonly string? _peer;
    private readonly bool _outbound;
    private readonly Func<string?>? _traceOfTransaction;
    private SessionTranscript? _transcript;

    // The open transaction: its number (0: none), its message's trace (null: not known yet), the
    // sequence of its MAIL line, and whether the next reply ends it.
    private int _transactions;
    private int _transaction;
    private string? _traceId;
    private long _started;
    private bool _endsWithReply;
    private bool _chunkNotLast;

    /// <param name="outbound">The sending side of the connection (a host's client), not the receiving server.</param>
    /// <param name="traceOfTransaction">
    /// Asked when a transaction starts (its MAIL): the trace of the message it carries, or null when
    /// not known yet (a server learns it on acceptance, see <see cref="Accepted"/>).
    /// </param>
    public SessionTraceObserver(TraceLog log, string host, long sessionId, string? peer, bool outbound, Func<string?>? traceOfTransaction = null)
    {
        _log = log;
        _host = host;
        _peer = peer;
        _outbound = outbound;
        _traceOfTransaction = traceOfTransaction;
        SessionId = sessionId;
    }

    public long SessionId { get; }

    public void OnConnectionOpened(string text) => Append(TraceKind.ConnectionOpened, LineContent.Line(text));

    /// <summary>
    /// The connection is open, from <paramref name="client"/> (the sending host's local endpoint, or
    /// the client's endpoint a server saw): recorded so the trace reader can pair the two sides.
    /// </summary>
    public void OnConnectionOpened(string text, System.Net.IPEndPoint? client)
    {
        OnConnectionOpened(text);
        _log.RecordEndPoint(SessionId, client);
    }

    public void OnConnectionClosed() => Append(TraceKind.ConnectionClosed, LineContent.Line("Connection closed"));

    public void OnClientLine(string line)
    {
        var verb = Verb(line);
        if (verb.Equals("MAIL", StringComparison.OrdinalIgnoreCase))
        {
            _transaction = ++_transactions;
            _traceId = _traceOfTransaction?.Invoke();
            _endsWithReply = false;
            _chunkNotLast = false;
            _started = Append(TraceKind.ClientLine, LineContent.Line(line));
            return;
        }

        if (_transaction != 0)
        {
            if (verb.Equals("RSET", StringComparison.OrdinalIgnoreCase))
            {
                _endsWithReply = true;
            }
            else if (verb.Equals("BDAT", StringComparison.OrdinalIgnoreCase))
            {
                _chunkNotLast = !line.TrimEnd().EndsWith(" LAST", StringComparison.OrdinalIgnoreCase);
            }
            else if (IsConnectionCommand(verb))
            {
                // RFC 5321 §4.1.4: HELO/EHLO end a transaction in progress; QUIT, STARTTLS and AUTH are the connection's.
                End();
            }
        }

        Append(TraceKind.ClientLine, LineContent.Line(line));
    }

    public void OnServerReply(SmtpReply reply) => Reply(LineContent.Reply(reply));

    /// <summary>A reply as MailKit's protocol log gives it: its text (several replies read at once are one text).</summary>
    public void OnServerReply(string text) => Reply(LineContent.Line(text));

    public void OnClientData(long octets)
    {
        if (_transaction != 0 && !_chunkNotLast)
        {
            // The reply to the content (or to the last BDAT chunk) ends the transaction.
            _endsWithReply = true;
        }

        Append(TraceKind.ClientData, LineContent.Content(octets));
    }

    /// <summary>
    /// The server accepted the open transaction's message as part of <paramref name="traceId"/>: its
    /// lines so far, and the rest of the transaction (the 250), belong to that trace.
    /// </summary>
    public void Accepted(string traceId)
    {
        if (_transaction == 0 || _traceId == traceId)
        {
            return;
        }

        _traceId = traceId;
        if (_log.RecordTranscripts)
        {
            _log.Claim(SessionId, _started, _transaction, traceId);
        }
    }

    private void Reply(LineContent reply)
    {
        Append(TraceKind.ServerReply, reply);
        if (_endsWithReply)
        {
            End();
        }
    }

    private void End()
    {
        _transaction = 0;
        _traceId = null;
        _endsWithReply = false;
        _chunkNotLast = false;
    }

    private long Append(TraceKind kind, LineContent content) =>
        _log.RecordTranscripts
            ? _log.AppendLine(ref _transcript, _host, kind, content, SessionId, _traceId, null, _peer, _transaction, _outbound)
            : 0;

    private static ReadOnlySpan<char> Verb(string line)
    {
        var space = line.AsSpan().IndexOf(' ');
        return space < 0 ? line.AsSpan() : line.AsSpan(0, space);
    }

    private static bool IsConnectionCommand(ReadOnlySpan<char> verb) =>
        verb.Equals("EHLO", StringComparison.OrdinalIgnoreCase) || verb.Equals("HELO", StringComparison.OrdinalIgnoreCase)
        || verb.Equals("QUIT", StringComparison.OrdinalIgnoreCase) || verb.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)
        || verb.Equals("AUTH", StringComparison.OrdinalIgnoreCase);
}
