namespace MailLab.Scenarios.Driver;

/// <summary>
/// The doc string of <c>Then the server replies:</c>: one line per reply, in order, starting with
/// the greeting. A line is a code (<c>250</c>) or a code and text that must match the start of the
/// reply (<c>550 5.7.1</c>); for a multi-line reply the text may match the start of any of its
/// lines (<c>250 SIZE</c> for EHLO). When the server closed the connection early, only the replies
/// it gave are compared.
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
        var codeText = space < 0 ? expected : expected[..space];
        if (!int.TryParse(codeText, out var code) || code != actual.Code)
        {
            return false;
        }

        return space < 0 || actual.NormalizedLines.Any(l => l.StartsWith(expected, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Compares; returns null when the replies meet the expectation, else what differs.</summary>
    public static string? Compare(IReadOnlyList<string> expected, IReadOnlyList<ServerReply> actual, bool closedEarly)
    {
        foreach (var line in expected)
        {
            var space = line.IndexOf(' ');
            var code = space < 0 ? line : line[..space];
            if (code.Length != 3 || !code.All(char.IsAsciiDigit))
            {
                throw new ScenarioSetupException($"\"{line}\" is not a reply expectation: write a three-digit code, optionally followed by the start of the text (\"250\", \"550 5.7.1\").");
            }
        }

        var compared = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < compared; i++)
        {
            if (!Matches(expected[i], actual[i]))
            {
                return $"reply {i + 1} ({(i == 0 ? "the greeting" : $"to the client's line {i}")}) is \"{actual[i].FirstLine}\", expected \"{expected[i]}\"";
            }
        }

        if (actual.Count > expected.Count)
        {
            return $"the server gave {actual.Count} replies but {expected.Count} were expected; the first one not expected is \"{actual[expected.Count].FirstLine}\"";
        }

        if (actual.Count < expected.Count && !closedEarly)
        {
            return $"the server gave {actual.Count} replies but {expected.Count} were expected";
        }

        return null;
    }
}
