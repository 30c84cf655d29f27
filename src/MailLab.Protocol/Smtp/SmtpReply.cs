using System.Text;
using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional enhanced status code
/// (RFC 2034 / RFC 3463) and one or more text lines.
/// </summary>
public sealed record SmtpReply(int Code, string? EnhancedCode, IReadOnlyList<string> Lines)
{
    // The reply's wire bytes and display text, formatted once per reply object (the shared replies in
    // SmtpReplies are formatted once for every session). They belong to the object they were made from:
    // the copy constructor below is what `with` calls, and it leaves them out.
    private byte[]? _wire;
    private string? _display;
    private bool _written;

    public SmtpReply(int code, string? enhancedCode, string text)
        : this(code, enhancedCode, [text])
    {
    }

    /// <summary>A copy for <c>with</c>: the same code, enhanced code and lines, formatted anew from them.</summary>
    private SmtpReply(SmtpReply original)
    {
        Code = original.Code;
        EnhancedCode = original.EnhancedCode;
        Lines = original.Lines;
    }

    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransientFailure => Code is >= 400 and < 500;

    public bool IsPermanentFailure => Code >= 500;

    /// <summary>The reply as it goes on the wire, each line ending in CRLF.</summary>
    public string ToWireString() => Encoding.UTF8.GetString(WireBytes());

    /// <summary>Every line as sent, joined with '\n' and without the final CRLF (for transcripts).</summary>
    public string DisplayText => _display ??= Lines.Count == 1 ? ToString() : ToWireString().TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal);

    public bool Equals(SmtpReply? other) =>
        other is not null && Code == other.Code && EnhancedCode == other.EnhancedCode && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Code, EnhancedCode, Lines.Count > 0 ? Lines[0] : null);

    /// <summary>The first line without CRLF, e.g. <c>250 2.1.0 Sender OK</c>.</summary>
    public override string ToString() =>
        EnhancedCode is null ? $"{Code} {Lines[0]}" : $"{Code} {EnhancedCode} {Lines[0]}";

    internal void WriteTo(PooledByteBuffer output)
    {
        // Replies are ASCII except where SMTPUTF8 echoes an address (RFC 6531 §3.7.4). A reply sent
        // more than once (the shared ones in SmtpReplies) keeps its bytes; a one-off reply (with a
        // message id or a client's address in it) is written straight into the output.
        if (_wire is { } wire)
        {
            output.Write(wire);
        }
        else if (_written)
        {
            output.Write(_wire = WireBytes());
        }
        else
        {
            _written = true;
            WriteLines(output);
        }
    }

    private byte[] WireBytes()
    {
        using var buffer = new PooledByteBuffer(64);
        WriteLines(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The one formatter of the wire form: "ddd-" on every line but the last, "ddd " on it.</summary>
    private void WriteLines(PooledByteBuffer output)
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var max = 6 + (EnhancedCode?.Length ?? 0) + Encoding.UTF8.GetMaxByteCount(line.Length);
            var span = output.GetSpan(max);
            span[0] = (byte)('0' + (Code / 100));
            span[1] = (byte)('0' + (Code / 10 % 10));
            span[2] = (byte)('0' + (Code % 10));
            span[3] = (byte)(i == Lines.Count - 1 ? ' ' : '-');
            var at = 4;
            if (EnhancedCode is not null)
            {
                at += Encoding.ASCII.GetBytes(EnhancedCode, span[at..]);
                span[at++] = (byte)' ';
            }

            at += Encoding.UTF8.GetBytes(line, span[at..]);
            span[at++] = (byte)'\r';
            span[at++] = (byte)'\n';
            output.Advance(at);
        }
    }
}
