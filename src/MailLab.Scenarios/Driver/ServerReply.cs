namespace MailLab.Scenarios.Driver;

/// <summary>
/// One reply as a client read it: its status (an SMTP code such as <c>250</c>, or POP3's
/// <c>+OK</c>, <c>-ERR</c> or <c>+</c>) and every line. A multi-line reply (EHLO, CAPA, RETR)
/// counts once.
/// </summary>
public sealed record ServerReply(string Status, IReadOnlyList<string> Lines)
{
    /// <summary>An SMTP reply with this code.</summary>
    public ServerReply(int code, IReadOnlyList<string> lines)
        : this(code.ToString("000", System.Globalization.CultureInfo.InvariantCulture), lines)
    {
    }

    /// <summary>The SMTP code (0 for a POP3 response or a line without one).</summary>
    public int Code => Status.Length == 3 && Status.All(char.IsAsciiDigit) ? int.Parse(Status, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The first line, e.g. <c>250-mail.ru Hello</c> or <c>+OK maildrop has 1 message</c>.</summary>
    public string FirstLine => Lines[0];

    /// <summary>2xx/3xx for SMTP, +OK or + for POP3.</summary>
    public bool IsPositive => IsPop3 ? Status.StartsWith('+') : Code is >= 200 and < 400;

    public bool IsPop3 => Status.StartsWith('+') || Status.StartsWith('-');

    /// <summary>
    /// The lines as an expectation is compared with them: SMTP's separator after the code becomes a
    /// space (<c>250-SIZE 2097152</c> reads <c>250 SIZE 2097152</c>); a POP3 body line gets the
    /// status in front (<c>+OK USER</c> for CAPA's USER line).
    /// </summary>
    public IEnumerable<string> NormalizedLines => IsPop3
        ? Lines.Take(1).Concat(Lines.Skip(1).Select(l => $"{Status} {l}"))
        : Lines.Select(l => l.Length > 3 && l[3] == '-' ? $"{l[..3]} {l[4..]}" : l);

    /// <summary>An SMTP reply from its lines (the code is the first line's first three digits).</summary>
    public static ServerReply Smtp(IReadOnlyList<string> lines) =>
        new(lines[0].Length >= 3 && int.TryParse(lines[0].AsSpan(0, 3), out var code) ? code : 0, lines);

    /// <summary>A POP3 response from its lines: the status is the first line's first word.</summary>
    public static ServerReply Pop3(IReadOnlyList<string> lines)
    {
        var first = lines[0];
        var space = first.IndexOf(' ');
        return new ServerReply(space < 0 ? first : first[..space], lines);
    }

    /// <summary>
    /// An IMAP response: its lines, untagged ones first; the status is the completion's word
    /// (<c>OK</c>, <c>NO</c>, <c>BAD</c>, <c>PREAUTH</c>, <c>BYE</c>) or <c>+</c> for a continuation.
    /// </summary>
    public static ServerReply Imap(IReadOnlyList<string> lines)
    {
        var words = lines[^1].Split(' ', 3);
        var status = words[0] == "+" ? "+" : words.Length > 1 ? words[1].ToUpperInvariant() : words[0];
        return new ServerReply(status, lines) { IsImap = true };
    }

    /// <summary>True for an IMAP response (compared line by line, <see cref="ImapReplyExpectation"/>).</summary>
    public bool IsImap { get; init; }

    public override string ToString() => string.Join(" / ", Lines);
}
