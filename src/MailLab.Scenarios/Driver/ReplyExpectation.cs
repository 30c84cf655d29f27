namespace MailLab.Scenarios.Driver;

/// <summary>
/// The doc string of <c>Then the server replies:</c>: one line per reply, in order, starting with
/// the greeting. A line is a code (<c>250</c>) or a code and text that must match the start of the
/// reply (<c>550 5.7.1</c>); for a multi-line reply the text may match the start of any of its
/// lines (<c>250 SIZE</c> for EHLO). Every line must be met: when the server closed the connection
/// early, an expected reply it never gave fails the step like any other missing reply. For POP3 a line is a status (<c>+OK</c>, <c>-ERR</c>) or a status and
/// the start of the text (<c>-ERR [IN-USE]</c>, <c>+OK 2 640</c>); a body line of a multi-line
/// response reads with the status in front (<c>+OK USER</c> for CAPA).
/// </summary>
public static class ReplyExpectation
{
    /// <summary>
    /// The expectation lines: blank lines and surrounding spaces are ignored, and a line copied from
    /// a multi-line reply (<c>250-rosnou.ru Hello</c>) reads as <c>250 rosnou.ru Hello</c>.
    /// </summary>
    public static IReadOnlyList<string> Parse(string docString) =>
        docString.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => l.Length > 3 && l[3] == '-' && l[..3].All(char.IsAsciiDigit) ? $"{l[..3]} {l[4..]}" : l)
            .ToArray();

    /// <summary>Whether one reply meets one expectation line.</summary>
    public static bool Matches(string expected, ServerReply actual)
    {
        var space = expected.IndexOf(' ');
        var status = space < 0 ? expected : expected[..space];
        if (!status.Equals(actual.Status, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return space < 0 || actual.NormalizedLines.Any(l => l.StartsWith(expected, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A three-digit SMTP code or a POP3 status word.</summary>
    private static bool IsStatus(string word) =>
        (word.Length == 3 && word.All(char.IsAsciiDigit))
        || word.Equals("+OK", StringComparison.OrdinalIgnoreCase) || word.Equals("-ERR", StringComparison.OrdinalIgnoreCase) || word == "+";

    /// <summary>Compares; returns null when the replies meet the expectation, else what differs.</summary>
    /// <param name="labels">What each reply answered ("to the client's line 2"); by default the greeting, then line by line.</param>
    public static string? Compare(IReadOnlyList<string> expected, IReadOnlyList<ServerReply> actual, bool closedEarly, IReadOnlyList<string>? labels = null)
    {
        foreach (var line in expected)
        {
            var space = line.IndexOf(' ');
            if (!IsStatus(space < 0 ? line : line[..space]))
            {
                throw new ScenarioSetupException($"\"{line}\" is not a reply expectation: write a three-digit SMTP code or a POP3 +OK/-ERR, optionally followed by the start of the text (\"250\", \"550 5.7.1\", \"-ERR [IN-USE]\").");
            }
        }

        var compared = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < compared; i++)
        {
            if (!Matches(expected[i], actual[i]))
            {
                var label = labels is not null && i < labels.Count ? labels[i] : i == 0 ? "the greeting" : $"to the client's line {i}";
                return $"reply {i + 1} ({label}) is \"{actual[i].FirstLine}\", expected \"{expected[i]}\"";
            }
        }

        if (actual.Count > expected.Count)
        {
            return $"the server gave {actual.Count} replies but {expected.Count} were expected; the first one not expected is \"{actual[expected.Count].FirstLine}\"";
        }

        if (actual.Count < expected.Count)
        {
            var first = $"the first one it never gave is \"{expected[actual.Count]}\"";
            return closedEarly
                ? $"the server closed the connection after {actual.Count} {(actual.Count == 1 ? "reply" : "replies")} but {expected.Count} were expected; {first}"
                : $"the server gave {actual.Count} replies but {expected.Count} were expected; {first}";
        }

        return null;
    }
}
