using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp.Client;

/// <summary>
/// A sans-I/O SMTP client session (RFC 5321) for one or more transactions: reply bytes go in through
/// <see cref="Receive"/>, command and content bytes come out through <see cref="Output"/>, and
/// <see cref="IsDone"/> says when the transport may close. EHLO, falling back to HELO when the server
/// does not know it; with PIPELINING (RFC 2920) MAIL and every RCPT go in one group; SIZE
/// (RFC 1870), 8BITMIME (RFC 6152) and SMTPUTF8 (RFC 6531) parameters when the server offers them.
/// STARTTLS (RFC 3207) as <see cref="Tls"/> asks: after its 220 the session sets
/// <see cref="PendingAction"/> to <see cref="SmtpSessionAction.StartTls"/>, the transport negotiates
/// TLS and calls <see cref="TlsEstablished"/> (or <see cref="TlsFailed"/>), and the session starts
/// again with EHLO, forgetting what the server said in clear (RFC 3207 §4.2).
/// </summary>
public sealed class SmtpClientSession : IDisposable
{
    private enum Step
    {
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        TlsHandshake,
        Mail,
        Rcpt,
        Data,
        Content,
        Rset,
        Quit,
        Done,
    }

    private readonly string _heloName;
    private readonly bool _sendHelo;
    private readonly List<Outcome> _outcomes;
    private readonly Func<SmtpClientTransaction?>? _next;
    private readonly ISmtpSessionObserver? _observer;
    private readonly PooledByteBuffer _output = new(512);
    private readonly SmtpReplyReader _reader = new();

    private Step _step = Step.Greeting;
    private int _current;
    private int _rcptIndex;
    private bool _pipelining;
    private bool _size;
    private bool _eightBitMime;
    private bool _smtpUtf8;
    private bool _startTlsOffered;
    private bool _secure;

    /// <param name="sendHelo">Send HELO instead of EHLO (a remote domain's "send HELO instead of EHLO" option).</param>
    public SmtpClientSession(string heloName, SmtpClientTransaction transaction, bool sendHelo = false, ISmtpSessionObserver? observer = null)
        : this(heloName, [transaction], sendHelo, observer)
    {
    }

    /// <summary>
    /// A session for several messages in turn on one connection (IIS's "messages per connection"):
    /// each after the previous one's final reply, with RSET first when the previous transaction
    /// was left open (every recipient refused).
    /// </summary>
    public SmtpClientSession(string heloName, IReadOnlyList<SmtpClientTransaction> transactions, bool sendHelo = false, ISmtpSessionObserver? observer = null)
    {
        if (transactions.Count == 0)
        {
            throw new ArgumentException("A session needs at least one transaction.", nameof(transactions));
        }

        _heloName = heloName;
        _outcomes = transactions.Select(t => new Outcome(t)).ToList();
        _sendHelo = sendHelo;
        _observer = observer;
    }

    /// <summary>
    /// A session fed one message at a time: <paramref name="first"/> goes after EHLO, and after each
    /// message's final reply (its end of data, or its refusal) <paramref name="next"/> is asked for
    /// another; null ends the session with QUIT. A message <paramref name="next"/> returned belongs to
    /// this session: it gets a result even when the connection is lost before it starts.
    /// </summary>
    public SmtpClientSession(string heloName, SmtpClientTransaction first, Func<SmtpClientTransaction?> next, bool sendHelo = false, ISmtpSessionObserver? observer = null)
        : this(heloName, [first], sendHelo, observer)
    {
        _next = next;
    }

    /// <summary>Whether to ask for STARTTLS after EHLO (none by default).</summary>
    public SmtpClientTls Tls { get; init; }

    /// <summary>The server's name in the replies the session makes up itself (a missing STARTTLS, a failed handshake).</summary>
    public string ServerName { get; init; } = "the server";

    /// <summary>What the transport must do once <see cref="Output"/> is sent: <see cref="SmtpSessionAction.StartTls"/> or nothing.</summary>
    public SmtpSessionAction PendingAction => _step == Step.TlsHandshake ? SmtpSessionAction.StartTls : SmtpSessionAction.None;

    /// <summary>The session runs over TLS (after <see cref="TlsEstablished"/>).</summary>
    public bool IsSecure => _secure;

    /// <summary>Command and content bytes not yet sent; the transport sends them, then calls <see cref="ClearOutput"/>.</summary>
    public ReadOnlyMemory<byte> Output => _output.WrittenMemory;

    /// <summary>The session has ended (after QUIT's reply, a protocol error or a lost connection).</summary>
    public bool IsDone => _step == Step.Done;

    /// <summary>The outcome of the (first) transaction, once <see cref="IsDone"/>.</summary>
    public SmtpClientResult Result => _outcomes[0].Result;

    /// <summary>The outcome of each transaction in order (with a fed session, each one taken so far), once <see cref="IsDone"/>.</summary>
    public IReadOnlyList<SmtpClientResult> Results => _outcomes.Select(o => o.Result).ToArray();

    /// <summary>
    /// The outcome of transaction <paramref name="index"/>: final once the session has moved past it
    /// (<see cref="CurrentTransaction"/> is greater) or is done.
    /// </summary>
    public SmtpClientResult ResultOf(int index) => _outcomes[index].Result;

    /// <summary>The index of the transaction the client is on (what it sends next belongs to it).</summary>
    public int CurrentTransaction => _current;

    private SmtpClientTransaction Transaction => _outcomes[_current].Transaction;

    private Outcome Current => _outcomes[_current];

    public void ClearOutput() => _output.Clear();

    /// <summary>Consumes reply bytes; returns how many were used (all of them unless the session ended).</summary>
    public int Receive(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        // RFC 3207 §4.2: after STARTTLS's 220 nothing more is read in clear; the transport discards the rest.
        while (pos < input.Length && _step is not (Step.Done or Step.TlsHandshake))
        {
            var (consumed, reply) = _reader.Read(input[pos..]);
            pos += consumed;
            if (_reader.ProtocolError is { } error)
            {
                Abort(new SmtpReply(451, "4.5.0", $"Protocol error from the server: {error}"));
                break;
            }

            if (reply is null)
            {
                break;
            }

            _observer?.OnServerReply(reply);
            OnReply(reply);
        }

        return pos;
    }

    /// <summary>
    /// The transport has negotiated TLS after STARTTLS's 220: the session starts over with EHLO
    /// (RFC 3207 §4.2: the client discards what it knew from the server before TLS).
    /// </summary>
    public void TlsEstablished()
    {
        if (_step != Step.TlsHandshake)
        {
            throw new InvalidOperationException("No STARTTLS is pending.");
        }

        _secure = true;
        _pipelining = _size = _eightBitMime = _smtpUtf8 = _startTlsOffered = false;
        Command($"EHLO {_heloName}");
        _step = Step.Ehlo;
    }

    /// <summary>The TLS handshake after STARTTLS's 220 failed: the connection cannot go on, no message was started.</summary>
    public void TlsFailed()
    {
        if (_step == Step.TlsHandshake)
        {
            Abort(new SmtpReply(454, "4.7.5", $"TLS negotiation with {ServerName} failed"));
        }
    }

    /// <summary>
    /// The transport failed (the outbound time-out passed, the stream broke): the message in flight
    /// and the ones not yet started get <paramref name="reply"/> as their connection error, as a
    /// queue manager reports a connection that failed (unlike <see cref="ConnectionLost"/>, which
    /// answers the open transaction's recipients); no QUIT is sent. Nothing changes after QUIT.
    /// </summary>
    public void TransportFailed(SmtpReply reply)
    {
        if (_step is Step.Done or Step.Quit)
        {
            _step = Step.Done;
            return;
        }

        for (var i = _current; i < _outcomes.Count; i++)
        {
            _outcomes[i].Replies.Clear();
            _outcomes[i].ConnectionError = reply;
        }

        _step = Step.Done;
    }

    /// <summary>The transport closed before the session ended: every recipient still waiting gets 451 4.4.2.</summary>
    public void ConnectionLost()
    {
        if (_step != Step.Done)
        {
            Abort(new SmtpReply(451, "4.4.2", "Connection dropped by the server"));
        }
    }

    public void Dispose()
    {
        _output.Dispose();
        _reader.Dispose();
    }

    private void OnReply(SmtpReply reply)
    {
        // 421 may come at any time (RFC 5321 §3.8): the server is closing the channel.
        if (reply.Code == 421 && _step is not (Step.Quit or Step.Done))
        {
            Abort(reply);
            return;
        }

        switch (_step)
        {
            case Step.Greeting:
                if (reply.Code != 220)
                {
                    Fail(reply); // RFC 5321 §3.1: after a 554 greeting the client sends QUIT.
                    return;
                }

                Command(_sendHelo ? $"HELO {_heloName}" : $"EHLO {_heloName}");
                _step = _sendHelo ? Step.Helo : Step.Ehlo;
                break;

            case Step.Ehlo when reply.Code is 500 or 502:
                // RFC 5321 §3.2: a server that does not know EHLO gets HELO.
                Command($"HELO {_heloName}");
                _step = Step.Helo;
                break;

            case Step.Ehlo or Step.Helo:
                if (reply.Code != 250)
                {
                    Fail(reply);
                    return;
                }

                if (_step == Step.Ehlo)
                {
                    ReadExtensions(reply);
                }

                if (!_secure && Tls != SmtpClientTls.None)
                {
                    if (_startTlsOffered)
                    {
                        Command("STARTTLS");
                        _step = Step.StartTls;
                        return;
                    }

                    if (Tls == SmtpClientTls.Required)
                    {
                        // A route that requires TLS to a server without STARTTLS: transient, as IIS/Exchange
                        // 2003 leave the queue "in a retry state" (KB 329061) and Postfix defers with 4.7.4
                        // "TLS is required, but was not offered by host" (smtp_proto.c).
                        Fail(new SmtpReply(454, "4.7.4", $"The remote SMTP service does not support TLS: {ServerName} did not offer STARTTLS, which this route requires"));
                        return;
                    }
                }

                StartTransaction();
                break;

            case Step.StartTls:
                if (reply.Code == 220)
                {
                    // RFC 3207 §4: nothing more until the handshake; the transport sees PendingAction.
                    _step = Step.TlsHandshake;
                    return;
                }

                if (Tls == SmtpClientTls.Required)
                {
                    // 454 "TLS not available due to temporary reason" (RFC 3207 §4) or any other refusal.
                    Fail(reply);
                    return;
                }

                StartTransaction();
                break;


            case Step.Mail:
                if (!reply.IsPositive)
                {
                    Current.SenderRefusal = reply;
                }

                _step = Step.Rcpt;
                if (!_pipelining)
                {
                    if (Current.SenderRefusal is { } refusal)
                    {
                        Finish(refusal, transactionOpen: false);
                        return;
                    }

                    Command($"RCPT TO:<{Transaction.Recipients[0]}>");
                }

                break;

            case Step.Rcpt:
                OnRcptReply(reply);
                break;

            case Step.Data:
                if (reply.Code == 354)
                {
                    // The content's octets without the stuffing and the final ".", as the server's end of the hop counts them.
                    var octets = DotStuffer.Write(Transaction.Content.Span, _output);
                    _observer?.OnClientData(octets);
                    _step = Step.Content;
                }
                else
                {
                    Finish(reply, transactionOpen: true);
                }

                break;

            case Step.Content:
                Finish(reply, transactionOpen: false);
                break;

            case Step.Rset:
                if (reply.Code != 250)
                {
                    Abort(reply);
                    return;
                }

                StartTransaction();
                break;

            case Step.Quit:
                _step = Step.Done;
                break;
        }
    }

    private void OnRcptReply(SmtpReply reply)
    {
        var outcome = Current;
        var recipient = outcome.Transaction.Recipients[_rcptIndex++];
        if (outcome.SenderRefusal is { } refusal)
        {
            outcome.Replies[recipient] = refusal;
        }
        else if (reply.IsPositive)
        {
            outcome.Accepted++;
        }
        else
        {
            outcome.Replies[recipient] = reply;
        }

        if (_rcptIndex < outcome.Transaction.Recipients.Count)
        {
            if (!_pipelining)
            {
                Command($"RCPT TO:<{outcome.Transaction.Recipients[_rcptIndex]}>");
            }

            return;
        }

        if (outcome.Accepted == 0)
        {
            // Every recipient has its refusal (or the sender's). A transaction whose MAIL was
            // accepted is still open and needs RSET before the next MAIL (RFC 5321 §4.1.1.5).
            NextTransaction(transactionOpen: outcome.SenderRefusal is null);
            return;
        }

        Command("DATA");
        _step = Step.Data;
    }

    private void ReadExtensions(SmtpReply reply)
    {
        // The first line is the server's name; each further line is a keyword and its parameters.
        for (var i = 1; i < reply.Lines.Count; i++)
        {
            var line = reply.Lines[i].AsSpan();
            var space = line.IndexOf(' ');
            var keyword = space < 0 ? line : line[..space];
            _pipelining |= keyword.Equals("PIPELINING", StringComparison.OrdinalIgnoreCase);
            _size |= keyword.Equals("SIZE", StringComparison.OrdinalIgnoreCase);
            _eightBitMime |= keyword.Equals("8BITMIME", StringComparison.OrdinalIgnoreCase);
            _smtpUtf8 |= keyword.Equals("SMTPUTF8", StringComparison.OrdinalIgnoreCase);
            _startTlsOffered |= keyword.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase);
        }
    }

    private void StartTransaction()
    {
        var transaction = Transaction;
        if (transaction.Recipients.Count == 0)
        {
            NextTransaction(transactionOpen: false);
            return;
        }

        _rcptIndex = 0;
        var content = transaction.Content.Span;
        var size = _size ? content.Length : -1;
        var eightBit = _eightBitMime && HasEightBit(content);
        var smtpUtf8 = _smtpUtf8 && !IsAscii(transaction);
        Command($"MAIL FROM:<{transaction.Sender}>{(size >= 0 ? " SIZE=" : null)}{(size >= 0 ? size : null)}{(eightBit ? " BODY=8BITMIME" : null)}{(smtpUtf8 ? " SMTPUTF8" : null)}");
        _step = Step.Mail;
        if (_pipelining)
        {
            // RFC 2920 §3.1: MAIL and every RCPT in one group. DATA could end the group too, but like
            // MailKit we send it only once a recipient is accepted, so no transcript shows a DATA refused
            // for want of recipients.
            foreach (var recipient in transaction.Recipients)
            {
                Command($"RCPT TO:<{recipient}>");
            }
        }
    }

    /// <summary>Every recipient of this transaction without an answer yet gets <paramref name="reply"/>.</summary>
    private void Finish(SmtpReply reply, bool transactionOpen)
    {
        foreach (var recipient in Transaction.Recipients)
        {
            Current.Replies.TryAdd(recipient, reply);
        }

        NextTransaction(transactionOpen);
    }

    /// <summary>On to the next message on this connection (after RSET if needed), or QUIT after the last.</summary>
    private void NextTransaction(bool transactionOpen)
    {
        if (_current + 1 >= _outcomes.Count && _next?.Invoke() is { } fed)
        {
            _outcomes.Add(new Outcome(fed));
        }

        if (_current + 1 >= _outcomes.Count)
        {
            Quit();
            return;
        }

        _current++;

        if (transactionOpen)
        {
            Command("RSET");
            _step = Step.Rset;
            return;
        }

        StartTransaction();
    }

    /// <summary>No transaction took place: the reply is every message's connection error; then QUIT.</summary>
    private void Fail(SmtpReply reply)
    {
        foreach (var outcome in _outcomes)
        {
            outcome.ConnectionError = reply;
        }

        Quit();
    }

    /// <summary>
    /// The session cannot go on (421, a dropped connection, garbage): the open transaction's
    /// recipients without an answer get the reply, the messages not yet started get it as their
    /// connection error; no QUIT is sent.
    /// </summary>
    private void Abort(SmtpReply reply)
    {
        var started = _step is Step.Mail or Step.Rcpt or Step.Data or Step.Content;
        for (var i = _current; i < _outcomes.Count; i++)
        {
            var outcome = _outcomes[i];
            if (i == _current && started)
            {
                foreach (var recipient in outcome.Transaction.Recipients)
                {
                    outcome.Replies.TryAdd(recipient, reply);
                }
            }
            else if (_step != Step.Quit)
            {
                outcome.ConnectionError = reply;
            }
        }

        _step = Step.Done;
    }

    private void Quit()
    {
        Command("QUIT");
        _step = Step.Quit;
    }

    private void Command(string line)
    {
        _observer?.OnClientLine(line);
        var length = Encoding.UTF8.GetByteCount(line);
        var span = _output.GetSpan(length + 2);
        Encoding.UTF8.GetBytes(line, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        _output.Advance(length + 2);
    }

    private static bool IsAscii(SmtpClientTransaction transaction)
    {
        foreach (var recipient in transaction.Recipients)
        {
            if (!Ascii.IsValid(recipient))
            {
                return false;
            }
        }

        return Ascii.IsValid(transaction.Sender);
    }

    private static bool HasEightBit(ReadOnlySpan<byte> content) => content.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>What became of one transaction.</summary>
    private sealed class Outcome(SmtpClientTransaction transaction)
    {
        public SmtpClientTransaction Transaction { get; } = transaction;

        public Dictionary<string, SmtpReply> Replies { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Accepted { get; set; }

        public SmtpReply? SenderRefusal { get; set; }

        public SmtpReply? ConnectionError { get; set; }

        public SmtpClientResult Result => new(ConnectionError, Replies);
    }
}
