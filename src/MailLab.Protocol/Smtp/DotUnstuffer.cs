using MailLab.Protocol.Common;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// Receives the DATA stream (RFC 5321 §4.1.1.4, §4.5.2): removes dot-stuffing and finds the end of
/// the message. Only <c>&lt;CRLF&gt;.&lt;CRLF&gt;</c> ends a message: a bare LF or bare CR is kept as
/// data and never starts a line, so <c>&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;</c> and
/// <c>&lt;LF&gt;.&lt;LF&gt;</c> cannot end it (the 2023 "SMTP smuggling" attack, CVE-2023-51764).
/// The data starts at a line start, because the DATA command line ended with CRLF.
/// </summary>
public sealed class DotUnstuffer
{
    private enum State
    {
        LineStart,
        InLine,
        SawCr,
        Dot,
        DotCr,
    }

    private State _state = State.LineStart;
    private long _lineLength;

    /// <summary>Octets of message content after unstuffing (whether stored or not).</summary>
    public long ContentLength { get; private set; }

    /// <summary>The longest line seen, in octets without its CRLF.</summary>
    public long LongestLine { get; private set; }

    public void Reset()
    {
        _state = State.LineStart;
        _lineLength = 0;
        ContentLength = 0;
        LongestLine = 0;
    }

    /// <summary>
    /// Feeds bytes; writes content to <paramref name="sink"/> while fewer than
    /// <paramref name="storeLimit"/> octets are stored (so an oversized message is read to its end
    /// without being kept). Returns how many input bytes were consumed and whether the end of data
    /// was found; bytes after the end are not consumed.
    /// </summary>
    public (int Consumed, bool Complete) Feed(ReadOnlySpan<byte> input, PooledByteBuffer sink, long storeLimit)
    {
        var i = 0;
        while (i < input.Length)
        {
            switch (_state)
            {
                case State.InLine:
                {
                    var rest = input[i..];
                    var cr = rest.IndexOf((byte)'\r');
                    var run = cr < 0 ? rest : rest[..cr];
                    Emit(run, sink, storeLimit);
                    i += run.Length;
                    if (cr >= 0)
                    {
                        i++;
                        _state = State.SawCr;
                    }

                    break;
                }

                case State.SawCr:
                    if (input[i] == (byte)'\n')
                    {
                        i++;
                        EndLine(sink, storeLimit);
                        _state = State.LineStart;
                    }
                    else
                    {
                        // A bare CR is data (RFC 5321 §2.3.8); the byte after it is examined afresh.
                        Emit("\r"u8, sink, storeLimit);
                        _state = State.InLine;
                    }

                    break;

                case State.LineStart:
                    if (input[i] == (byte)'.')
                    {
                        i++;
                        _state = State.Dot;
                    }
                    else
                    {
                        _state = State.InLine;
                    }

                    break;

                case State.Dot:
                    if (input[i] == (byte)'\r')
                    {
                        i++;
                        _state = State.DotCr;
                    }
                    else
                    {
                        // §4.5.2: a leading period followed by more text is removed.
                        _state = State.InLine;
                    }

                    break;

                case State.DotCr:
                    if (input[i] == (byte)'\n')
                    {
                        return (i + 1, true);
                    }

                    // ".<CR>x": the dot was stuffing, the CR is bare data; re-examine x after the CR.
                    _state = State.SawCr;
                    break;
            }
        }

        return (i, false);
    }

    private void Emit(ReadOnlySpan<byte> data, PooledByteBuffer sink, long storeLimit)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (ContentLength + data.Length <= storeLimit)
        {
            sink.Write(data);
        }

        ContentLength += data.Length;
        _lineLength += data.Length;
    }

    private void EndLine(PooledByteBuffer sink, long storeLimit)
    {
        if (_lineLength > LongestLine)
        {
            LongestLine = _lineLength;
        }

        if (ContentLength + 2 <= storeLimit)
        {
            sink.Write("\r\n"u8);
        }

        ContentLength += 2;
        _lineLength = 0;
    }
}
