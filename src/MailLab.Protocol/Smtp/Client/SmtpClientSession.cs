using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp.Client;

/// <summary>
/// A sans-I/O SMTP client session (RFC 5321) for one transaction: reply bytes go in through
/// <see cref="Receive"/>, command and content bytes come out through <see cref="Output"/>, and
/// <see cref="IsDone"/> says when the transport may close. EHLO, falling back to HELO when the server
/// does not know it; with PIPELINING (RFC 2920) MAIL and every RCPT go in one group; SIZE
/// (RFC 1870), 8BITMIME (RFC 6152) and SMTPUTF8 (RFC 6531) parameters when the server offers them.
/// It does not do TLS or AUTH: callers that need them use a full client (MailKit).
/// </summary>
public sealed class SmtpClientSession : IDisposable
{
    private enum Step
    {
        Greeting,
        Ehlo,
        Helo,
        Mail,
        Rcpt,
        Data,
        Content,
        Quit,
        Done,
    }

    private readonly string _heloName;
    private readonly bool _sendHelo;
    private readonly SmtpClientTransaction _transaction;
    private readonly ISmtpSessionObserver? _observer;
    private readonly PooledByteBuffer _output = new(512);
    private readonly SmtpReplyReader _reader = new();
    private readonly Dictionary<string, SmtpReply> _replies = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _accepted = [];

    private Step _step = Step.Greeting;
    private int _rcptIndex;
    private bool _pipelining;
    private bool _size;
    private bool _eightBitMime;
    private bool _smtpUtf8;
    private SmtpReply? _senderRefusal;
    private SmtpReply? _connectionError;

    /// <param name="sendHelo">Send HELO instead of EHLO (a remote domain's "send HELO instead of EHLO" option).</param>
    public SmtpClientSession(string heloName, SmtpClientTransaction transaction, bool sendHelo = false, ISmtpSessionObserver? observer = null)
    {
        _heloName = heloName;
        _transaction = transaction;
        _sendHelo = sendHelo;
        _observer = observer;
    }

    /// <summary>Command and content bytes not yet sent; the transport sends them, then calls <see cref="ClearOutput"/>.</summary>
    public ReadOnlyMemory<byte> Output => _output.WrittenMemory;

    /// <summary>The session has ended (after QUIT's reply, a protocol error or a lost connection).</summary>
    public bool IsDone => _step == Step.Done;

    /// <summary>The outcome, once <see cref="IsDone"/>.</summary>
    public SmtpClientResult Result => new(_connectionError, _replies);

    public void ClearOutput() => _output.Clear();

    /// <summary>Consumes reply bytes; returns how many were used (all of them unless the session ended).</summary>
    public int Receive(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        while (pos < input.Length && _step != Step.Done)
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

                StartTransaction();
                break;

            case Step.Mail:
                if (!reply.IsPositive)
                {
                    _senderRefusal = reply;
                }

                _step = Step.Rcpt;
                if (!_pipelining)
                {
                    if (_senderRefusal is not null)
                    {
                        Finish(_senderRefusal);
                        return;
                    }

                    Command($"RCPT TO:<{_transaction.Recipients[0]}>");
                }

                break;

            case Step.Rcpt:
                OnRcptReply(reply);
                break;

            case Step.Data:
                if (reply.Code == 354)
                {
                    var before = _output.Count;
                    DotStuffer.Write(_transaction.Content.Span, _output);
                    _observer?.OnClientData(_output.Count - before);
                    _step = Step.Content;
                }
                else
                {
                    Finish(reply);
                }

                break;

            case Step.Content:
                Finish(reply);
                break;

            case Step.Quit:
                _step = Step.Done;
                break;
        }
    }

    private void OnRcptReply(SmtpReply reply)
    {
        var recipient = _transaction.Recipients[_rcptIndex++];
        if (_senderRefusal is not null)
        {
            _replies[recipient] = _senderRefusal;
        }
        else if (reply.IsPositive)
        {
            _accepted.Add(recipient);
        }
        else
        {
            _replies[recipient] = reply;
        }

        if (_rcptIndex < _transaction.Recipients.Count)
        {
            if (!_pipelining)
            {
                Command($"RCPT TO:<{_transaction.Recipients[_rcptIndex]}>");
            }

            return;
        }

        if (_accepted.Count == 0)
        {
            Quit(); // every recipient has its refusal (or the sender's)
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
        }
    }

    private void StartTransaction()
    {
        if (_transaction.Recipients.Count == 0)
        {
            Quit();
            return;
        }

        var mail = new StringBuilder("MAIL FROM:<").Append(_transaction.Sender).Append('>');
        var content = _transaction.Content.Span;
        if (_size)
        {
            mail.Append(" SIZE=").Append(content.Length);
        }

        if (_eightBitMime && HasEightBit(content))
        {
            mail.Append(" BODY=8BITMIME");
        }

        if (_smtpUtf8 && !Ascii.IsValid(_transaction.Sender + string.Concat(_transaction.Recipients)))
        {
            mail.Append(" SMTPUTF8");
        }

        Command(mail.ToString());
        _step = Step.Mail;
        if (_pipelining)
        {
            // RFC 2920 §3.1: MAIL and every RCPT in one group. DATA could end the group too, but like
            // MailKit we send it only once a recipient is accepted, so no transcript shows a DATA refused
            // for want of recipients.
            foreach (var recipient in _transaction.Recipients)
            {
                Command($"RCPT TO:<{recipient}>");
            }
        }
    }

    /// <summary>Every recipient without an answer yet gets <paramref name="reply"/>; then QUIT.</summary>
    private void Finish(SmtpReply reply)
    {
        foreach (var recipient in _transaction.Recipients)
        {
            _replies.TryAdd(recipient, reply);
        }

        Quit();
    }

    /// <summary>No transaction took place: the reply is the connection's error; then QUIT.</summary>
    private void Fail(SmtpReply reply)
    {
        _connectionError = reply;
        Quit();
    }

    /// <summary>The session cannot go on (421, a dropped connection, garbage): no QUIT is sent.</summary>
    private void Abort(SmtpReply reply)
    {
        if (_step is Step.Greeting or Step.Ehlo or Step.Helo)
        {
            _connectionError = reply;
        }
        else if (_step is Step.Mail or Step.Rcpt or Step.Data or Step.Content)
        {
            foreach (var recipient in _transaction.Recipients)
            {
                _replies.TryAdd(recipient, reply);
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

    private static bool HasEightBit(ReadOnlySpan<byte> content) => content.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
}
