using System.Text;

namespace MailLab.Protocol.Common;

/// <summary>What <see cref="LineAssembler.Feed"/> found.</summary>
public enum LineOutcome
{
    /// <summary>No line end yet: more input is needed.</summary>
    None,

    /// <summary>A line is complete: <see cref="LineAssembler.TakeLine"/> gives it.</summary>
    Line,

    /// <summary>A line longer than the limit has ended; it was not kept.</summary>
    TooLong,
}

/// <summary>
/// Gathers command lines from a byte stream for a sans-I/O server session (SMTP, POP3) within a limit.
/// A line ends at LF: CRLF, or a bare LF as telnet-style clients send it (RFC 5321 §2.3.8 and RFC 1939
/// §3 ask for CRLF; both servers accept the bare LF and count it as CRLF). A line longer than the limit
/// is not kept but skipped to its end and reported once, so memory stays bounded and the session can
/// answer it.
/// </summary>
public sealed class LineAssembler : IDisposable
{
    private readonly PooledByteBuffer _line = new(256);
    private bool _discarding;

    /// <summary>Octets of an unfinished line held in memory.</summary>
    public int BufferedOctets => _line.Count;

    /// <summary>
    /// Consumes input up to and including its first LF (or all of it when there is none) against a
    /// limit counted in octets with the line end; returns how many bytes were consumed.
    /// </summary>
    public int Feed(ReadOnlySpan<byte> input, int limit, out LineOutcome outcome)
    {
        outcome = LineOutcome.None;
        var lf = input.IndexOf((byte)'\n');
        var take = lf < 0 ? input.Length : lf + 1;
        if (_discarding)
        {
            if (lf >= 0)
            {
                _discarding = false;
                outcome = LineOutcome.TooLong;
            }

            return take;
        }

        if (_line.Count + take > limit)
        {
            // Past the limit the line is not kept: skip to its end, then report it once.
            _line.Clear();
            _discarding = lf < 0;
            if (lf >= 0)
            {
                outcome = LineOutcome.TooLong;
            }

            return take;
        }

        _line.Write(input[..take]);
        if (lf >= 0)
        {
            outcome = LineOutcome.Line;
        }

        return take;
    }

    /// <summary>
    /// The completed line as text without its line end, and its length in octets as if it had ended
    /// in CRLF (so a bare LF is held to the same limit); the line is then forgotten.
    /// </summary>
    public string TakeLine(out int octets)
    {
        var raw = _line.WrittenSpan[..^1];
        octets = raw.Length + 2;
        if (raw.Length > 0 && raw[^1] == '\r')
        {
            raw = raw[..^1];
            octets--;
        }

        var line = Encoding.UTF8.GetString(raw);
        _line.Clear();
        return line;
    }

    /// <summary>Forgets any unfinished line (after a TLS upgrade: RFC 3207 §4.2, RFC 2595 §4).</summary>
    public void Reset()
    {
        _line.Clear();
        _discarding = false;
    }

    public void Dispose() => _line.Dispose();
}
