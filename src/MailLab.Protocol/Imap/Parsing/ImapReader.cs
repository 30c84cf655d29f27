using System.Buffers.Text;
using System.Text;

namespace MailLab.Protocol.Imap.Parsing;

/// <summary>
/// Reads the parts of one framed command (RFC 9051 §9): atoms, quoted strings, literals, numbers,
/// lists and sequence sets. A framed command is whole, so running out of input is a syntax error,
/// thrown as <see cref="ImapSyntaxException"/> with the reason.
/// </summary>
internal sealed class ImapReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _pos;

    /// <summary>A command as the framer gives it: its lines and literals, without the final line end.</summary>
    public ImapReader(ReadOnlyMemory<byte> command)
    {
        _data = command;
    }

    public int Position => _pos;

    public bool AtEnd => _pos >= _data.Length;

    private ReadOnlySpan<byte> Span => _data.Span;

    public int Peek() => _pos < _data.Length ? Span[_pos] : -1;

    /// <summary>
    /// Whether a string starts here: a quoted string, a literal, or a literal8. Only <c>~{</c> starts a
    /// literal8 (RFC 3516 §4.3); a lone <c>~</c> is an ATOM-CHAR (RFC 9051 §9), so <c>~foo</c> is an atom.
    /// </summary>
    public bool AtString()
    {
        var c = Peek();
        return c == '"' || c == '{' || (c == '~' && _pos + 1 < _data.Length && Span[_pos + 1] == '{');
    }

    public bool TryConsume(char c)
    {
        if (Peek() == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    public void Expect(char c, string what)
    {
        if (!TryConsume(c))
        {
            throw new ImapSyntaxException($"expected {what}");
        }
    }

    public void Space() => Expect(' ', "a space");

    public void End()
    {
        if (!AtEnd)
        {
            throw new ImapSyntaxException("unexpected characters at the end of the command");
        }
    }

    /// <summary>RFC 9051 §9 tag: 1*&lt;any ASTRING-CHAR except "+"&gt;.</summary>
    public string ReadTag()
    {
        var start = _pos;
        while (_pos < _data.Length && IsAstringChar(Span[_pos]) && Span[_pos] != '+')
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new ImapSyntaxException("missing tag");
        }

        return Encoding.ASCII.GetString(Span[start.._pos]);
    }

    /// <summary>An atom: 1*ATOM-CHAR.</summary>
    public string ReadAtom(string what = "an atom")
    {
        var start = _pos;
        while (_pos < _data.Length && IsAtomChar(Span[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new ImapSyntaxException($"expected {what}");
        }

        return Encoding.UTF8.GetString(Span[start.._pos]);
    }

    /// <summary>Reads characters while <paramref name="accept"/> holds (for flags, fetch attributes, section specs).</summary>
    public string ReadWhile(Func<byte, bool> accept, string what)
    {
        var start = _pos;
        while (_pos < _data.Length && accept(Span[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new ImapSyntaxException($"expected {what}");
        }

        return Encoding.UTF8.GetString(Span[start.._pos]);
    }

    /// <summary>astring = 1*ASTRING-CHAR / string.</summary>
    public string ReadAstring(string what = "a string")
    {
        if (AtString())
        {
            return ReadString(what);
        }

        var start = _pos;
        while (_pos < _data.Length && IsAstringChar(Span[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new ImapSyntaxException($"expected {what}");
        }

        return Encoding.UTF8.GetString(Span[start.._pos]);
    }

    /// <summary>string = quoted / literal.</summary>
    public string ReadString(string what = "a string")
    {
        if (Peek() == '"')
        {
            return ReadQuoted();
        }

        if (AtString())
        {
            return Encoding.UTF8.GetString(ReadLiteral(out _).Span);
        }

        throw new ImapSyntaxException($"expected {what}");
    }

    /// <summary>nstring = string / NIL; null for NIL.</summary>
    public string? ReadNString()
    {
        if (PeekWord("NIL"))
        {
            _pos += 3;
            return null;
        }

        return ReadString();
    }

    /// <summary>Whether the next characters are <paramref name="word"/> (case-insensitive) followed by a delimiter.</summary>
    public bool PeekWord(string word)
    {
        if (_pos + word.Length > _data.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToUpperInvariant((char)Span[_pos + i]) != word[i])
            {
                return false;
            }
        }

        var after = _pos + word.Length;
        return after == _data.Length || !IsAtomChar(Span[after]) || Span[after] == ']';
    }

    public bool TryConsumeWord(string word)
    {
        if (!PeekWord(word))
        {
            return false;
        }

        _pos += word.Length;
        return true;
    }

    /// <summary>quoted = DQUOTE *QUOTED-CHAR DQUOTE with <c>\"</c> and <c>\\</c> escapes (RFC 9051 §4.3).</summary>
    public string ReadQuoted()
    {
        Expect('"', "a quoted string");
        var bytes = new List<byte>();
        while (true)
        {
            if (_pos >= _data.Length)
            {
                throw new ImapSyntaxException("unterminated quoted string");
            }

            var b = Span[_pos++];
            if (b == '"')
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            if (b == '\\')
            {
                if (_pos >= _data.Length || (Span[_pos] != '"' && Span[_pos] != '\\'))
                {
                    throw new ImapSyntaxException("invalid escape in quoted string");
                }

                b = Span[_pos++];
            }
            else if (b is (byte)'\r' or (byte)'\n' or 0)
            {
                throw new ImapSyntaxException("CR, LF or NUL in a quoted string");
            }

            bytes.Add(b);
        }
    }

    /// <summary>literal = "{" number64 ["+"] "}" CRLF *CHAR8; literal8 = "~{" number64 "}" CRLF *OCTET.</summary>
    public ReadOnlyMemory<byte> ReadLiteral(out bool binary)
    {
        binary = TryConsume('~');
        Expect('{', "a literal");
        var size = ReadNumber64();
        TryConsume('+');
        Expect('}', "'}' closing the literal size");
        TryConsume('\r');
        Expect('\n', "a line end after the literal size");
        if ((long)size > _data.Length - _pos)
        {
            throw new ImapSyntaxException("literal is shorter than announced");
        }

        var literal = _data.Slice(_pos, (int)size);
        _pos += (int)size;
        if (!binary && literal.Span.IndexOf((byte)0) >= 0)
        {
            // RFC 9051 §4.3: a literal holds CHAR8 (no NUL); only literal8 may (RFC 3516 §4.3).
            throw new ImapSyntaxException("NUL in a literal (use literal8 ~{n} for binary content)");
        }

        return literal;
    }

    public uint ReadNumber()
    {
        var n = ReadNumber64();
        if (n > uint.MaxValue)
        {
            throw new ImapSyntaxException("number too large");
        }

        return (uint)n;
    }

    public uint ReadNzNumber()
    {
        var n = ReadNumber();
        if (n == 0)
        {
            throw new ImapSyntaxException("zero is not a valid number here");
        }

        return n;
    }

    public ulong ReadNumber64()
    {
        var start = _pos;
        while (_pos < _data.Length && Span[_pos] >= '0' && Span[_pos] <= '9')
        {
            _pos++;
        }

        if (_pos == start || _pos - start > 20 || !Utf8Parser.TryParse(Span[start.._pos], out ulong n, out _) || n > long.MaxValue)
        {
            throw new ImapSyntaxException("expected a number");
        }

        return n;
    }

    /// <summary>sequence-set (RFC 9051 §9) or "$" (RFC 5182 SEARCHRES).</summary>
    public SequenceSet ReadSequenceSet()
    {
        if (TryConsume('$'))
        {
            return SequenceSet.Saved;
        }

        var ranges = new List<SequenceRange>();
        do
        {
            var first = ReadSeqNumber();
            var last = first;
            if (TryConsume(':'))
            {
                last = ReadSeqNumber();
            }

            ranges.Add(first == SequenceRange.Star || last == SequenceRange.Star ? new SequenceRange(first, last) : new SequenceRange(Math.Min(first, last), Math.Max(first, last)));
        }
        while (TryConsume(','));

        return new SequenceSet(ranges, false);
    }

    private uint ReadSeqNumber()
    {
        if (TryConsume('*'))
        {
            return SequenceRange.Star;
        }

        var c = Peek();
        if (c < '0' || c > '9')
        {
            throw new ImapSyntaxException("invalid sequence set");
        }

        return ReadNzNumber();
    }

    /// <summary>The bytes from <paramref name="start"/> to here, as text (for echoing parts of a command).</summary>
    public string TextFrom(int start) => Encoding.UTF8.GetString(Span[start.._pos]);

    /// <summary>ATOM-CHAR: any CHAR except atom-specials <c>( ) { SP CTL % * " \ ]</c> (RFC 9051 §9); 8-bit allowed for UTF-8.</summary>
    public static bool IsAtomChar(byte b) =>
        b > 0x20 && b != 0x7f && b != '(' && b != ')' && b != '{' && b != '%' && b != '*' && b != '"' && b != '\\' && b != ']';

    /// <summary>ASTRING-CHAR = ATOM-CHAR / resp-specials ("]").</summary>
    public static bool IsAstringChar(byte b) => IsAtomChar(b) || b == ']';

    /// <summary>list-char for LIST patterns: ATOM-CHAR / list-wildcards / resp-specials.</summary>
    public static bool IsListChar(byte b) => IsAstringChar(b) || b == '%' || b == '*';
}
