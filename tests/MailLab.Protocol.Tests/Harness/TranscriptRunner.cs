using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MailLab.Protocol.Smtp;

namespace MailLab.Protocol.Tests.Harness;

/// <summary>
/// Replays a golden transcript file against a fresh session. The format, one item per line:
/// <list type="bullet">
/// <item><c># text</c> a comment; blank lines are ignored.</item>
/// <item><c>O: Name=Value</c> sets a <see cref="SmtpServerOptions"/> property before the greeting
/// (lists are space-separated).</item>
/// <item><c>C: text</c> a client line, sent with CRLF. Consecutive C: lines go out together
/// (pipelining); a bare <c>C:</c> is an empty line; <c>C: {cram-md5 user password}</c> answers the last 334 challenge.</item>
/// <item><c>S: text</c> an expected reply line, exact; <c>{challenge}</c> matches one base64 word.</item>
/// <item><c>U: n</c> the session left n octets of the last C: group unconsumed.</item>
/// <item><c>ACTION: StartTls|Close</c> the action pending after the last C: group or event.</item>
/// <item><c>EVENT: TlsEstablished|TimedOut</c> the transport reports TLS up or the time-out.</item>
/// </list>
/// The runner writes down what really happened in the same format and compares the two.
/// </summary>
internal static partial class TranscriptRunner
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Transcripts");

    public static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Runs the named transcript and returns (expected, actual) lines for comparison.</summary>
    public static (IReadOnlyList<string> Expected, IReadOnlyList<string> Actual) Run(string fileName, FeedMode mode)
    {
        var script = File.ReadAllLines(Path.Combine(Directory, fileName))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var options = SessionDriver.DefaultOptions();
        foreach (var line in script.Where(l => l.StartsWith("O: ", StringComparison.Ordinal)))
        {
            options = WithOption(options, line[3..]);
        }

        var expected = script.Where(l => !l.StartsWith("O: ", StringComparison.Ordinal)).ToList();
        var actual = new List<string>();
        using var driver = new SessionDriver(options);
        AddReplies(driver, actual);

        var group = new List<string>();
        foreach (var line in expected.Append("END"))
        {
            if (line == "C:" || line.StartsWith("C: ", StringComparison.Ordinal))
            {
                group.Add(line.Length > 3 ? line[3..] : string.Empty);
                continue;
            }

            if (group.Count > 0)
            {
                SendGroup(driver, group, actual, mode);
                group.Clear();
            }

            if (line.StartsWith("EVENT: ", StringComparison.Ordinal))
            {
                var name = line[7..];
                switch (name)
                {
                    case "TlsEstablished":
                        driver.TlsEstablished();
                        break;
                    case "TimedOut":
                        driver.TimedOut();
                        break;
                    default:
                        throw new InvalidOperationException($"{fileName}: unknown event {name}");
                }

                actual.Add(line);
                AddReplies(driver, actual);
            }
        }

        return (expected, Normalise(expected, actual));
    }

    private static void SendGroup(SessionDriver driver, List<string> group, List<string> actual, FeedMode mode)
    {
        var bytes = new StringBuilder();
        foreach (var line in group)
        {
            bytes.Append(Resolve(line, actual)).Append("\r\n");
            actual.Add(line.Length == 0 ? "C:" : "C: " + line);
        }

        driver.Send(bytes.ToString(), mode);
        AddReplies(driver, actual, driver.LastUnconsumed);
    }

    private static void AddReplies(SessionDriver driver, List<string> actual, int unconsumed = 0)
    {
        actual.AddRange(driver.TakeLines().Select(l => "S: " + l));
        if (unconsumed > 0)
        {
            actual.Add($"U: {unconsumed}");
        }

        if (driver.Session.PendingAction != SmtpSessionAction.None)
        {
            actual.Add($"ACTION: {driver.Session.PendingAction}");
        }
    }

    private static string Resolve(string line, List<string> actual)
    {
        var match = CramMd5Line().Match(line);
        if (!match.Success)
        {
            return line;
        }

        var challengeLine = actual.Last(l => l.StartsWith("S: 334 ", StringComparison.Ordinal));
        var challenge = Encoding.UTF8.GetString(Convert.FromBase64String(challengeLine[7..]));
        var user = match.Groups["user"].Value;
        var digest = FakeSmtpHandler.CramMd5Digest(match.Groups["password"].Value, challenge);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user} {digest}"));
    }

    /// <summary>Replaces actual lines that match an expected pattern by the pattern, so a diff shows only real differences.</summary>
    private static List<string> Normalise(List<string> expected, List<string> actual)
    {
        var result = new List<string>(actual);
        for (var i = 0; i < Math.Min(expected.Count, result.Count); i++)
        {
            if (expected[i].Contains("{challenge}", StringComparison.Ordinal))
            {
                var pattern = "^" + Regex.Escape(expected[i]).Replace(@"\{challenge}", "[A-Za-z0-9+/]+=*", StringComparison.Ordinal) + "$";
                if (Regex.IsMatch(result[i], pattern))
                {
                    result[i] = expected[i];
                }
            }
        }

        return result;
    }

    private static SmtpServerOptions WithOption(SmtpServerOptions options, string assignment)
    {
        var eq = assignment.IndexOf('=');
        var name = assignment[..eq].Trim();
        var text = assignment[(eq + 1)..].Trim();
        var property = typeof(SmtpServerOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"No option {name}");
        object value = property.PropertyType switch
        {
            var t when t == typeof(string) => text,
            var t when t == typeof(bool) => bool.Parse(text),
            var t when t == typeof(int) => int.Parse(text, CultureInfo.InvariantCulture),
            var t when t == typeof(long) => long.Parse(text, CultureInfo.InvariantCulture),
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
