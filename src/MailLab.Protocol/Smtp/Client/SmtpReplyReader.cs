using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp.Client;

/// <summary>
/// Reads SMTP replies from bytes (RFC 5321 §4.2): "ddd-text" lines continue a reply, "ddd text"
/// (or a bare "ddd") ends it. An enhanced status code (RFC 3463) at the start of the text is split
/// off. A line longer than <see cref="MaxLineOctets"/> or without a valid code is a protocol error.
/// </summary>
public sealed class SmtpReplyReader : IDisposable
{
    /// <summary>RFC 5321 §4.5.3.1.5 allows 512 octets; we accept up to this many before giving up.</summary>
    public const int MaxLineOctets = 4096;

    private readonly PooledByteBuffer _line = new(256);

    // The reply read so far, line by line as received, and where each line's text lies in it: the
    // text becomes strings only if the whole reply is not one already read (SmtpReplyCache).
    private readonly PooledByteBuffer _reply = new(256);
    private readonly List<(int Start, int Length)> _lines = new(8);
    private readonly byte[] _enhancedRaw = new byte[16];
    private int _code;
    private int _enhancedRawLength;
    private string? _lastEnhanced;

    /// <summary>Set when the peer sent something that is not a reply; no more replies are read.</summary>
    public string? ProtocolError { get; private set; }

    /// <summary>
    /// Consumes bytes up to the end of the next complete reply. Returns the bytes consumed and the
    /// reply, or null when more input is needed (or <see cref="ProtocolError"/> is set).
    /// </summary>
    public (int Consumed, SmtpReply? Reply) Read(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        while (pos < input.Length && ProtocolError is null)
        {
            var rest = input[pos..];
            var lf = rest.IndexOf((byte)'\n');
            var take = lf < 0 ? rest.Length : lf + 1;
            if (_line.Count + take > MaxLineOctets)
            {
                ProtocolError = $"a reply line longer than {MaxLineOctets} octets";
                return (pos + take, null);
            }

            _line.Write(rest[..take]);
            pos += take;
            if (lf < 0)
            {
                break;
            }

            if (ParseLine() is { } reply)
            {
                return (pos, reply);
            }
        }

        return (pos, null);
    }

    public void Dispose()
    {
        _line.Dispose();
        _reply.Dispose();
    }

    private SmtpReply? ParseLine()
    {
        var raw = _line.WrittenSpan[..^1];
        if (raw.Length > 0 && raw[^1] == '\r')
        {
            raw = raw[..^1];
        }

        try
        {
            return ParseLine(raw);
        }
        finally
        {
            _line.Clear();
        }
    }

    private SmtpReply? ParseLine(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 3 || raw[0] is < (byte)'2' or > (byte)'5' || !IsDigit(raw[1]) || !IsDigit(raw[2])
            || (raw.Length > 3 && raw[3] is not ((byte)' ' or (byte)'-')))
        {
            ProtocolError = $"\"{Shorten(Encoding.UTF8.GetString(raw))}\" is not an SMTP reply";
            return null;
        }

        var code = (raw[0] - '0') * 100 + (raw[1] - '0') * 10 + (raw[2] - '0');
        if (_lines.Count > 0 && code != _code)
        {
            ProtocolError = $"a multi-line reply changed its code from {_code} to {code}";
            return null;
        }

        _code = code;
        var body = raw.Length > 4 ? raw[4..] : [];
        var enhancedLength = EnhancedCodeLength(body, code);
        if (_lines.Count == 0 && enhancedLength > 0)
        {
            body[..enhancedLength].CopyTo(_enhancedRaw);
            _enhancedRawLength = enhancedLength;
        }

        // Continuation lines repeat the enhanced code (RFC 2034 §3); it is kept once, for the reply.
        if (enhancedLength > 0 && _enhancedRawLength > 0 && body[..enhancedLength].SequenceEqual(_enhancedRaw.AsSpan(0, _enhancedRawLength)))
        {
            body = body.Length > enhancedLength ? body[(enhancedLength + 1)..] : [];
        }

        var start = _reply.Count + (raw.Length - body.Length);
        _reply.Write(raw);
        _reply.WriteByte((byte)'\n');
        _lines.Add((start, body.Length));
        if (raw.Length > 3 && raw[3] == '-')
        {
            return null;
        }

        var reply = SmtpReplyCache.Find(_reply.WrittenSpan, out var hash);
        if (reply is null)
        {
            var text = new string[_lines.Count];
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = Encoding.UTF8.GetString(_reply.WrittenSpan.Slice(_lines[i].Start, _lines[i].Length));
            }

            var enhanced = _enhancedRawLength > 0 ? EnhancedText(_enhancedRaw.AsSpan(0, _enhancedRawLength)) : null;
            reply = new SmtpReply(code, enhanced, text);
            SmtpReplyCache.Offer(_reply.WrittenSpan, hash, reply);
        }

        _lines.Clear();
        _reply.Clear();
        _enhancedRawLength = 0;
        return reply;
    }

    /// <summary>The enhanced code as text: the last one read again when the octets are the same (a connection's 250s all say 2.0.0 or 2.6.0).</summary>
    private string EnhancedText(ReadOnlySpan<byte> raw)
    {
        if (_lastEnhanced is not { } last || !Ascii.Equals(raw, last))
        {
            _lastEnhanced = last = Encoding.ASCII.GetString(raw);
        }

        return last;
    }

    /// <summary>
    /// The length of an enhanced status code ("2.1.0") that starts <paramref name="body"/> and is
    /// followed by a space or the end, when its class digit matches the reply code (RFC 3463 §2); else 0.
    /// </summary>
    private static int EnhancedCodeLength(ReadOnlySpan<byte> body, int code)
    {
        if (body.Length < 5 || body[0] != '0' + (code / 100) || body[1] != '.')
        {
            return 0;
        }

        var i = 2;
        for (var part = 0; part < 2; part++)
        {
            var digits = 0;
            while (i < body.Length && IsDigit(body[i]) && digits < 4)
            {
                i++;
                digits++;
            }

            if (digits is < 1 or > 3)
            {
                return 0;
            }

            if (part == 0)
            {
                if (i >= body.Length || body[i] != '.')
                {
                    return 0;
                }

                i++;
            }
        }

        return i == body.Length || body[i] == ' ' ? i : 0;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
