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
    private readonly List<string> _lines = [];
    private int _code;
    private string? _enhanced;

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

    public void Dispose() => _line.Dispose();

    private SmtpReply? ParseLine()
    {
        var raw = _line.WrittenSpan[..^1];
        if (raw.Length > 0 && raw[^1] == '\r')
        {
            raw = raw[..^1];
        }

        var text = Encoding.UTF8.GetString(raw);
        _line.Clear();
        if (text.Length < 3 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2])
            || text[0] is < '2' or > '5' || (text.Length > 3 && text[3] is not (' ' or '-')))
        {
            ProtocolError = $"\"{Shorten(text)}\" is not an SMTP reply";
            return null;
        }

        var code = (text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0');
        if (_lines.Count > 0 && code != _code)
        {
            ProtocolError = $"a multi-line reply changed its code from {_code} to {code}";
            return null;
        }

        _code = code;
        var body = text.Length > 4 ? text[4..] : string.Empty;
        if (_lines.Count == 0)
        {
            (_enhanced, body) = SplitEnhancedCode(body, code);
        }
        else if (_enhanced is not null && body.StartsWith(_enhanced + " ", StringComparison.Ordinal))
        {
            body = body[(_enhanced.Length + 1)..];
        }

        _lines.Add(body);
        if (text.Length > 3 && text[3] == '-')
        {
            return null;
        }

        var reply = new SmtpReply(code, _enhanced, _lines.ToArray());
        _lines.Clear();
        _enhanced = null;
        return reply;
    }

    /// <summary>"2.1.0 Sender OK" → ("2.1.0", "Sender OK") when the class digit matches the reply code (RFC 3463 §2).</summary>
    private static (string? Enhanced, string Text) SplitEnhancedCode(string body, int code)
    {
        var space = body.IndexOf(' ');
        var candidate = space < 0 ? body : body[..space];
        var parts = candidate.Split('.');
        var valid = parts.Length == 3 && parts[0].Length == 1 && parts[0][0] == (char)('0' + (code / 100))
            && parts[1].Length is >= 1 and <= 3 && parts[2].Length is >= 1 and <= 3
            && parts[1].All(char.IsAsciiDigit) && parts[2].All(char.IsAsciiDigit);
        return valid ? (candidate, space < 0 ? string.Empty : body[(space + 1)..]) : (null, body);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
