namespace MailLab.Scenarios.Driver;

/// <summary>One SMTP reply as a client read it: the code and every line (a multi-line reply counts once).</summary>
public sealed record ServerReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>The first line, e.g. <c>250-mail.ru Hello</c>.</summary>
    public string FirstLine => Lines[0];

    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>
    /// Each line with the separator after the code turned into a space, so <c>250-SIZE 2097152</c>
    /// reads <c>250 SIZE 2097152</c> (what an expectation line is compared with).
    /// </summary>
    public IEnumerable<string> NormalizedLines =>
        Lines.Select(l => l.Length > 3 && l[3] == '-' ? $"{l[..3]} {l[4..]}" : l);

    public override string ToString() => string.Join(" / ", Lines);
}
