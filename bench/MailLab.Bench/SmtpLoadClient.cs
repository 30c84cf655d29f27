using System.Text;

namespace MailLab.Bench;

/// <summary>What every client of a run sends: the envelope, the EHLO name and the message bytes.</summary>
internal sealed class SmtpWorkload
{
    public SmtpWorkload(int bodyBytes, string sender = "a@example.org", string recipient = "student@rosnou.ru")
    {
        Ehlo = Ascii("EHLO bench.example.org\r\n");
        MailFrom = Ascii($"MAIL FROM:<{sender}>\r\n");
        RcptTo = Ascii($"RCPT TO:<{recipient}>\r\n");
        Data = Ascii("DATA\r\n");
        Quit = Ascii("QUIT\r\n");
        Envelope = [.. MailFrom, .. RcptTo, .. Data];
        Message = BuildMessage(sender, recipient, bodyBytes);
        MessageWithTerminator = [.. Message, .. ".\r\n"u8];
    }

    public byte[] Ehlo { get; }

    public byte[] MailFrom { get; }

    public byte[] RcptTo { get; }

    public byte[] Data { get; }

    public byte[] Quit { get; }

    /// <summary>MAIL, RCPT and DATA in one write (PIPELINING, RFC 2920).</summary>
    public byte[] Envelope { get; }

    /// <summary>The RFC 5322 message as the client means it (headers and body, no end-of-data dot).</summary>
    public byte[] Message { get; }

    /// <summary>What goes on the wire after 354: the message and <c>.&lt;CRLF&gt;</c> (no line starts with a dot).</summary>
    public byte[] MessageWithTerminator { get; }

    /// <summary>One whole session as a client would send it, for feeding a session without any transport.</summary>
    public byte[] WholeSession(int messages = 1)
    {
        var buffer = new List<byte>(Ehlo);
        for (var i = 0; i < messages; i++)
        {
            buffer.AddRange(Envelope);
            buffer.AddRange(MessageWithTerminator);
        }

        buffer.AddRange(Quit);
        return [.. buffer];
    }

    /// <summary>
    /// Headers like smtp-source's, then <paramref name="bodyBytes"/> octets of body in 80-octet
    /// lines (as smtp-source's <c>-l</c>, whose length does not count the headers).
    /// </summary>
    private static byte[] BuildMessage(string sender, string recipient, int bodyBytes)
    {
        var text = new StringBuilder();
        text.Append("From: <").Append(sender).Append(">\r\n");
        text.Append("To: <").Append(recipient).Append(">\r\n");
        text.Append("Date: Mon, 2 Feb 2026 10:00:00 +0300\r\n");
        text.Append("Message-Id: <bench.1@bench.example.org>\r\n");
        text.Append("Subject: MailLab bench\r\n");
        text.Append("\r\n");
        var body = new StringBuilder(bodyBytes);
        while (body.Length + 2 < bodyBytes)
        {
            var line = Math.Min(78, bodyBytes - body.Length - 2);
            body.Append('X', line).Append("\r\n");
        }

        while (body.Length < bodyBytes)
        {
            // Pad a tiny remainder onto the last line (keeps the length exact).
            body.Insert(0, 'X');
        }

        return Ascii(text.Append(body).ToString());
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

/// <summary>The server answered something other than what the client expected.</summary>
internal sealed class SmtpBenchException : Exception
{
    public SmtpBenchException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// A minimal SMTP client for load: writes pre-encoded commands and reads replies (multi-line
/// aware), one command at a time unless pipelining is asked for. It parses only reply codes.
/// </summary>
internal sealed class SmtpLoadClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly SmtpWorkload _work;
    private readonly bool _pipelining;
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public SmtpLoadClient(Stream stream, SmtpWorkload work, bool pipelining)
    {
        _stream = stream;
        _work = work;
        _pipelining = pipelining;
    }

    /// <summary>Reads the greeting and says EHLO.</summary>
    public async ValueTask OpenAsync(CancellationToken token)
    {
        Expect(220, await ReadReplyAsync(token).ConfigureAwait(false), "greeting");
        await CommandAsync(_work.Ehlo, 250, "EHLO", token).ConfigureAwait(false);
    }

    /// <summary>One transaction: MAIL, RCPT, DATA, the message; returns when its 250 is read.</summary>
    public async ValueTask SendMessageAsync(CancellationToken token)
    {
        if (_pipelining)
        {
            await _stream.WriteAsync(_work.Envelope, token).ConfigureAwait(false);
            Expect(250, await ReadReplyAsync(token).ConfigureAwait(false), "MAIL");
            Expect(250, await ReadReplyAsync(token).ConfigureAwait(false), "RCPT");
            Expect(354, await ReadReplyAsync(token).ConfigureAwait(false), "DATA");
        }
        else
        {
            await CommandAsync(_work.MailFrom, 250, "MAIL", token).ConfigureAwait(false);
            await CommandAsync(_work.RcptTo, 250, "RCPT", token).ConfigureAwait(false);
            await CommandAsync(_work.Data, 354, "DATA", token).ConfigureAwait(false);
        }

        await CommandAsync(_work.MessageWithTerminator, 250, "end of data", token).ConfigureAwait(false);
    }

    public ValueTask QuitAsync(CancellationToken token) => CommandAsync(_work.Quit, 221, "QUIT", token);

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async ValueTask CommandAsync(byte[] command, int expected, string what, CancellationToken token)
    {
        await _stream.WriteAsync(command, token).ConfigureAwait(false);
        Expect(expected, await ReadReplyAsync(token).ConfigureAwait(false), what);
    }

    private static void Expect(int expected, int code, string what)
    {
        if (code != expected)
        {
            throw new SmtpBenchException($"{what}: expected {expected}, got {code}");
        }
    }

    /// <summary>Reads one reply (all its lines) and returns its code.</summary>
    private async ValueTask<int> ReadReplyAsync(CancellationToken token)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var lf = pending.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var line = pending[..(lf + 1)];
                _start += lf + 1;
                if (line.Length < 4 || !char.IsAsciiDigit((char)line[0]) || !char.IsAsciiDigit((char)line[1]) || !char.IsAsciiDigit((char)line[2]))
                {
                    throw new SmtpBenchException($"malformed reply line: {Encoding.ASCII.GetString(line).TrimEnd()}");
                }

                if (line[3] == (byte)'-')
                {
                    continue; // a continuation line of a multi-line reply
                }

                return ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
            }

            if (_start > 0)
            {
                pending.CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new SmtpBenchException("reply line longer than 4096 octets");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SmtpBenchException("connection closed while waiting for a reply");
            }

            _end += read;
        }
    }
}
