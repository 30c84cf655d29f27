using System.Buffers.Text;
using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Imap.Parsing;

/// <summary>What <see cref="ImapCommandFramer.Feed"/> found.</summary>
internal enum FrameOutcome
{
    /// <summary>More input is needed.</summary>
    NeedMore,

    /// <summary>A whole command (its lines and literals) is buffered: <see cref="ImapCommandFramer.TakeCommand"/>.</summary>
    Command,

    /// <summary>
    /// A line ended with a literal announcement (<see cref="ImapCommandFramer.Literal"/>); the session
    /// calls <see cref="ImapCommandFramer.AcceptLiteral"/> (and sends <c>+</c> if it is synchronising)
    /// or <see cref="ImapCommandFramer.Abandon"/>.
    /// </summary>
    Literal,

    /// <summary>A line longer than the limit ended; it was discarded (the command with it).</summary>
    TooLong,
}

/// <summary>A literal announced at the end of a line: <c>{n}</c>, <c>{n+}</c> (RFC 7888) or <c>~{n}</c> (RFC 3516).</summary>
internal readonly record struct LiteralAnnouncement(long Size, bool NonSynchronising, bool Binary);

/// <summary>
/// Assembles one IMAP command from a byte stream: its line, and for each literal announced at a
/// line end (RFC 9051 §4.3) the literal's octets and the line that continues it, until a line ends
/// without one. It never reads a socket: it consumes what it is given and says "need more" at any
/// split point. The octets outside literals are held to a limit; literals are the session's call.
/// </summary>
internal sealed class ImapCommandFramer : IDisposable
{
    private readonly PooledByteBuffer _buffer = new(512);
    private readonly StringBuilder _display = new();
    private long _literalRemaining;
    private int _lineStart;
    private int _textOctets;
    private bool _discarding;

    /// <summary>The literal found by the last <see cref="FrameOutcome.Literal"/>.</summary>
    public LiteralAnnouncement Literal { get; private set; }

    /// <summary>The tag of the last command discarded for its length, if it could be read.</summary>
    public string? DiscardedTag { get; private set; }

    /// <summary>True while literal octets are being read.</summary>
    public bool InLiteral => _literalRemaining > 0;

    /// <summary>Octets buffered for the command so far.</summary>
    public int BufferedOctets => _buffer.Count;

    /// <summary>The command as text with every literal shown by its announcement only (for the observer).</summary>
    public string Display => _display.ToString();

    public int Feed(ReadOnlySpan<byte> input, int lineLimit, out FrameOutcome outcome)
    {
        outcome = FrameOutcome.NeedMore;
        if (_literalRemaining > 0)
        {
            var n = (int)Math.Min(_literalRemaining, input.Length);
            _buffer.Write(input[..n]);
            _literalRemaining -= n;
            if (_literalRemaining == 0)
            {
                _lineStart = _buffer.Count;
            }

            return n;
        }

        var lf = input.IndexOf((byte)'\n');
        var take = lf < 0 ? input.Length : lf + 1;
        if (_discarding)
        {
            if (lf >= 0)
            {
                _discarding = false;
                outcome = FrameOutcome.TooLong;
            }

            return take;
        }

        if (_textOctets + take > lineLimit)
        {
            // The tag is in what is buffered, or at the start of this input when nothing is.
            DiscardedTag = _buffer.Count > 0 ? PeekTagAndVerb().Tag : TagOf(input[..take]);
            Clear();
            _discarding = lf < 0;
            if (lf >= 0)
            {
                outcome = FrameOutcome.TooLong;
            }

            return take;
        }

        _buffer.Write(input[..take]);
        _textOctets += take;
        if (lf < 0)
        {
            return take;
        }

        var line = _buffer.WrittenSpan[_lineStart..^1];
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        _display.Append(Encoding.UTF8.GetString(line));
        if (TryFindLiteral(line, out var literal))
        {
            Literal = literal;
            outcome = FrameOutcome.Literal;
        }
        else
        {
            outcome = FrameOutcome.Command;
        }

        return take;
    }

    /// <summary>Reads the announced literal's octets next (the caller has sent <c>+</c> when it is synchronising).</summary>
    public void AcceptLiteral()
    {
        _literalRemaining = Literal.Size;
        _lineStart = _buffer.Count;
    }

    /// <summary>
    /// The whole command with its literals, without the final line end, then forgotten. A CR is
    /// only part of the line end when it follows the last literal (a literal may end in CR).
    /// </summary>
    public byte[] TakeCommand()
    {
        var span = _buffer.WrittenSpan;
        var end = span.Length - 1;
        if (end > _lineStart && span[end - 1] == '\r')
        {
            end--;
        }

        var bytes = span[..end].ToArray();
        Clear();
        return bytes;
    }

    /// <summary>The tag and verb (upper case) of the buffered command, as far as they can be read; for replies before the command is whole.</summary>
    public (string? Tag, string? Verb) PeekTagAndVerb()
    {
        var span = _buffer.WrittenSpan;
        var sp = span.IndexOf((byte)' ');
        if (sp <= 0)
        {
            return (null, null);
        }

        var tag = Encoding.ASCII.GetString(span[..sp]);
        var rest = span[(sp + 1)..];
        var end = rest.IndexOfAny((byte)' ', (byte)'\r', (byte)'\n');
        var verb = Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]).ToUpperInvariant();
        if (verb == "UID" && end > 0)
        {
            var more = rest[(end + 1)..];
            var end2 = more.IndexOfAny((byte)' ', (byte)'\r', (byte)'\n');
            verb += " " + Encoding.ASCII.GetString(end2 < 0 ? more : more[..end2]).ToUpperInvariant();
        }

        return (tag, verb);
    }

    private static string? TagOf(ReadOnlySpan<byte> line)
    {
        var sp = line.IndexOf((byte)' ');
        return sp <= 0 || sp > 64 ? null : Encoding.ASCII.GetString(line[..sp]);
    }

    /// <summary>Forgets the command being assembled (a refused literal: RFC 9051 §7.5, the client does not send it).</summary>
    public void Abandon() => Clear();

    /// <summary>Forgets everything, a half-read literal too (after a TLS upgrade).</summary>
    public void Reset()
    {
        Clear();
        _literalRemaining = 0;
        _discarding = false;
    }

    public void Dispose() => _buffer.Dispose();

    private void Clear()
    {
        _buffer.Clear();
        _display.Clear();
        _lineStart = 0;
        _textOctets = 0;
    }

    /// <summary>Finds <c>{n}</c>, <c>{n+}</c> or <c>~{n}</c> at the end of a line (RFC 9051 §9 literal, RFC 7888, RFC 3516 literal8).</summary>
    private static bool TryFindLiteral(ReadOnlySpan<byte> line, out LiteralAnnouncement literal)
    {
        literal = default;
        if (line.Length < 3 || line[^1] != '}')
        {
            return false;
        }

        var open = line.LastIndexOf((byte)'{');
        if (open < 0)
        {
            return false;
        }

        var digits = line[(open + 1)..^1];
        var nonSync = digits.Length > 0 && digits[^1] == '+';
        if (nonSync)
        {
            digits = digits[..^1];
        }

        if (digits.Length is 0 or > 19 || !Utf8Parser.TryParse(digits, out long size, out var used) || used != digits.Length || size < 0)
        {
            return false;
        }

        var binary = open > 0 && line[open - 1] == '~';
        literal = new LiteralAnnouncement(size, nonSync, binary);
        return true;
    }
}
