using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Pop3.Harness;

/// <summary>
/// Replays a golden POP3 transcript against a fresh session. The format, one item per line (the
/// SMTP transcripts' format with two additions):
/// <list type="bullet">
/// <item><c># text</c> a comment; blank lines are ignored.</item>
/// <item><c>O: Name=Value</c> sets a <see cref="Pop3ServerOptions"/> property before the greeting (lists space-separated).</item>
/// <item><c>H: in-use|admin-lock|login-delay user</c> sets up the fake store before the greeting.</item>
/// <item><c>C: text</c> a client line, sent with CRLF. Consecutive C: lines go out together
/// (pipelining); a bare <c>C:</c> is an empty line; <c>C: {cram-md5 user password}</c> answers the last <c>+</c> challenge.</item>
/// <item><c>S: text</c> an expected response line, exact; a bare <c>S:</c> is an empty line and a trailing space is written <c>{SP}</c>.</item>
/// <item><c>U: n</c> the session left n octets of the last C: group unconsumed.</item>
/// <item><c>ACTION: StartTls|Close</c> the action pending after the last C: group or event.</item>
/// <item><c>EVENT: TlsEstablished|TimedOut|Disposed</c> the transport reports TLS up, the time-out, or the connection gone.</item>
/// <item><c>M: user commit=[n,…]|none held|released</c> what every maildrop opened so far saw (one M: line each, in order).</item>
/// </list>
/// The runner writes down what really happened in the same format and compares the two.
/// </summary>
internal static partial class Pop3TranscriptRunner
{
    /// <summary>Runs a transcript and returns (expected, actual) lines for comparison.</summary>
    public static (IReadOnlyList<string> Expected, IReadOnlyList<string> Actual) Run(string transcript, FeedMode mode)
    {
        var script = transcript.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var options = Pop3SessionDriver.DefaultOptions();
        var handler = new FakePop3Handler();
        foreach (var line in script)
        {
            if (line.StartsWith("O: ", StringComparison.Ordinal))
            {
                options = WithOption(options, line[3..]);
            }
            else if (line.StartsWith("H: ", StringComparison.Ordinal))
            {
                SetUp(handler, line[3..]);
            }
        }

        var expected = script.Where(l => !l.StartsWith("O: ", StringComparison.Ordinal) && !l.StartsWith("H: ", StringComparison.Ordinal)).ToList();
        var actual = new List<string>();
        var driver = new Pop3SessionDriver(options, handler);
        try
        {
            actual.Add("S: " + driver.Greeting);
            var group = new List<string>();
            string? previous = null;
            foreach (var line in expected.Append("END"))
            {
                if (line == "C:" || line.StartsWith("C: ", StringComparison.Ordinal))
                {
                    group.Add(line.Length > 3 ? line[3..] : string.Empty);
                    previous = line;
                    continue;
                }

                if (group.Count > 0)
                {
                    SendGroup(driver, group, actual, mode);
                    group.Clear();
                }

                if (line.StartsWith("EVENT: ", StringComparison.Ordinal))
                {
                    Raise(driver, line[7..]);
                    actual.Add(line);
                    AddResponses(driver, actual);
                }
                else if (line.StartsWith("M: ", StringComparison.Ordinal) && previous?.StartsWith("M: ", StringComparison.Ordinal) != true)
                {
                    actual.AddRange(handler.Opened.Count == 0 ? ["M: none"] : handler.Opened.Select(m => "M: " + m.Describe()));
                }

                previous = line;
            }
        }
        finally
        {
            driver.Dispose();
        }

        return (expected, actual);
    }

    private static void Raise(Pop3SessionDriver driver, string name)
    {
        switch (name)
        {
            case "TlsEstablished":
                driver.TlsEstablished();
                break;
            case "TimedOut":
                driver.TimedOut();
                break;
            case "Disposed":
                driver.Dispose();
                break;
            default:
                throw new InvalidOperationException($"Unknown event {name}");
        }
    }

    private static void SetUp(FakePop3Handler handler, string directive)
    {
        var parts = directive.Split(' ', 2);
        var set = parts[0] switch
        {
            "in-use" => handler.Locked,
            "admin-lock" => handler.AdminLocked,
            "login-delay" => handler.LoginDelayed,
            _ => throw new InvalidOperationException($"Unknown handler directive {directive}"),
        };
        set.Add(parts[1]);
    }

    private static void SendGroup(Pop3SessionDriver driver, List<string> group, List<string> actual, FeedMode mode)
    {
        var bytes = new StringBuilder();
        foreach (var line in group)
        {
            bytes.Append(Resolve(line, actual)).Append("\r\n");
            actual.Add(line.Length == 0 ? "C:" : "C: " + line);
        }

        driver.Send(bytes.ToString(), mode);
        AddResponses(driver, actual, driver.LastUnconsumed);
    }

    private static void AddResponses(Pop3SessionDriver driver, List<string> actual, int unconsumed = 0)
    {
        actual.AddRange(driver.TakeLines().Select(l => l.Length == 0 ? "S:" : "S: " + (l.EndsWith(' ') ? l[..^1] + "{SP}" : l)));
        if (unconsumed > 0)
        {
            actual.Add($"U: {unconsumed}");
        }

        if (driver.Session.PendingAction != Pop3SessionAction.None)
        {
            actual.Add($"ACTION: {driver.Session.PendingAction}");
        }
    }

    /// <summary>Replaces <c>{cram-md5 user password}</c> by the answer to the last challenge.</summary>
    private static string Resolve(string line, List<string> actual)
    {
        var match = CramMd5Line().Match(line);
        if (!match.Success)
        {
            return line;
        }

        var challengeLine = actual.Last(l => l.StartsWith("S: + ", StringComparison.Ordinal));
        var challenge = Encoding.UTF8.GetString(Convert.FromBase64String(challengeLine[5..]));
        var digest = Common.CramMd5.Digest(match.Groups["password"].Value, challenge);
        return Pop3SessionDriver.Base64($"{match.Groups["user"].Value} {digest}");
    }

    private static Pop3ServerOptions WithOption(Pop3ServerOptions options, string assignment)
    {
        var eq = assignment.IndexOf('=');
        var name = assignment[..eq].Trim();
        var text = assignment[(eq + 1)..].Trim();
        var property = typeof(Pop3ServerOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"No option {name}");
        object value = property.PropertyType switch
        {
            var t when t == typeof(string) => text,
            var t when t == typeof(bool) => bool.Parse(text),
            var t when t == typeof(IReadOnlyList<string>) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            _ => throw new InvalidOperationException($"Option {name} has an unsupported type"),
        };
        var copy = options with { };
        property.SetValue(copy, value);
        return copy;
    }

    [GeneratedRegex(@"^\{cram-md5 (?<user>\S+) (?<password>\S+)\}$")]
    private static partial Regex CramMd5Line();
}
