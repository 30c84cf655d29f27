namespace MailLab.Scenarios.Driver;

/// <summary>
/// <c>Then the server replies:</c> for an IMAP dialogue. Each expectation line is the start of a
/// server line (case-insensitive): an untagged line (<c>* OK [CAPABILITY</c>, <c>* 3 EXISTS</c>), a
/// tagged completion (<c>a1 OK</c>, <c>a2 NO [AUTHENTICATIONFAILED]</c>) or a continuation (<c>+</c>).
/// Completions and continuations are compared one for one, in order: every one the server gave must
/// be expected. Untagged lines are checked only where written: an expected one must come, in order,
/// before the next completion, and the others may be left out (a SELECT's FLAGS, LIST's lines).
/// The first expectation line is the greeting.
/// </summary>
public static class ImapReplyExpectation
{
    public static bool IsUntagged(string line) => line.StartsWith('*');

    public static bool IsContinuation(string line) => line == "+" || line.StartsWith("+ ", StringComparison.Ordinal);

    /// <summary>Compares; returns null when the server's lines meet the expectation, else what differs.</summary>
    public static string? Compare(IReadOnlyList<string> expected, IReadOnlyList<ServerReply> replies, bool closedEarly)
    {
        var actual = replies.SelectMany(r => r.Lines).ToArray();
        var at = 0;
        for (var e = 0; e < expected.Count; e++)
        {
            var want = expected[e];
            if (IsUntagged(want))
            {
                // Look ahead among the untagged lines before the next completion.
                var found = -1;
                for (var i = at; i < actual.Length; i++)
                {
                    if (!IsUntagged(actual[i]))
                    {
                        break;
                    }

                    if (Matches(want, actual[i]))
                    {
                        found = i;
                        break;
                    }
                }

                if (found < 0)
                {
                    return at < actual.Length
                        ? $"no line \"{want}\" came before \"{actual[Math.Min(at, actual.Length - 1)]}\" (expectation line {e + 1})"
                        : $"{(closedEarly ? "the server closed the connection" : "the server said no more")} before \"{want}\" (expectation line {e + 1})";
                }

                at = found + 1;
                continue;
            }

            // A completion or a continuation: the next one the server gave.
            while (at < actual.Length && IsUntagged(actual[at]))
            {
                at++;
            }

            if (at >= actual.Length)
            {
                return $"{(closedEarly ? "the server closed the connection" : "the server said no more")} before \"{want}\" (expectation line {e + 1})";
            }

            if (!Matches(want, actual[at]))
            {
                return $"the server answered \"{actual[at]}\", expected \"{want}\" (expectation line {e + 1})";
            }

            at++;
        }

        var extra = actual.Skip(at).FirstOrDefault(l => !IsUntagged(l));
        return extra is null ? null : $"the server answered \"{extra}\", which no expectation line names";
    }

    private static bool Matches(string expected, string line) => line.StartsWith(expected, StringComparison.OrdinalIgnoreCase);
}
