using System.Globalization;
using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Imap;

/// <summary>
/// Writes one response (which may hold literals) to the session's output, and keeps its text for
/// the observer with every literal shown by its size only.
/// </summary>
internal sealed class ImapResponseBuilder
{
    private readonly PooledByteBuffer _output;
    private readonly StringBuilder _display = new();
    private readonly bool _utf8;

    public ImapResponseBuilder(PooledByteBuffer output, bool utf8)
    {
        _output = output;
        _utf8 = utf8;
    }

    public string Display => _display.ToString();

    public ImapResponseBuilder Append(string text)
    {
        _output.Write(Encoding.UTF8.GetBytes(text));
        _display.Append(text);
        return this;
    }

    public ImapResponseBuilder Append(long number) => Append(number.ToString(CultureInfo.InvariantCulture));

    public ImapResponseBuilder Append(ulong number) => Append(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>A string as quoted when it can be (RFC 9051 §4.3), else a literal; NIL for null.</summary>
    public ImapResponseBuilder AppendNString(string? value)
    {
        if (value is null)
        {
            return Append("NIL");
        }

        return AppendString(value);
    }

    public ImapResponseBuilder AppendString(string value)
    {
        if (CanQuote(value))
        {
            return Append("\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");
        }

        return AppendLiteral(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>An astring: an atom when possible (mailbox names, flags), else quoted or literal.</summary>
    public ImapResponseBuilder AppendAstring(string value)
    {
        if (value.Length > 0 && value.All(c => c < 0x7f && Parsing.ImapReader.IsAstringChar((byte)c)) && !value.Equals("NIL", StringComparison.OrdinalIgnoreCase))
        {
            return Append(value);
        }

        return AppendString(value);
    }

    /// <summary><c>{n}</c> CRLF and the octets (or <c>~{n}</c> for literal8, RFC 3516).</summary>
    public ImapResponseBuilder AppendLiteral(ReadOnlySpan<byte> bytes, bool binary = false)
    {
        var head = (binary ? "~{" : "{") + bytes.Length.ToString(CultureInfo.InvariantCulture) + "}";
        _output.Write(Encoding.ASCII.GetBytes(head + "\r\n"));
        _output.Write(bytes);
        _display.Append(head);
        return this;
    }

    public void End(IImapSessionObserver? observer)
    {
        _output.Write("\r\n"u8);
        observer?.OnServerLine(_display.ToString());
    }

    private bool CanQuote(string value)
    {
        if (value.Length > 1000)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\0' || (c >= 0x80 && !_utf8))
            {
                return false;
            }
        }

        return true;
    }
}
