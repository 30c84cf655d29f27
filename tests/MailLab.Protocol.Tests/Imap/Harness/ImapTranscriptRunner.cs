using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>
/// Replays a golden IMAP transcript against a fresh session over <see cref="MemoryImapStore.WithDefaults"/>.
/// One item per line:
/// <list type="bullet">
/// <item><c># text</c> a comment; blank lines are ignored.</item>
/// <item><c>O: Name=Value</c> an <see cref="ImapServerOptions"/> property, set before the greeting.</item>
/// <item><c>C: text</c> a client line sent with CRLF; consecutive C: lines go out together (pipelining).
/// A literal's octets are the start of the next C: line; <c>C: {cram-md5 user password}</c> answers the last challenge.</item>
/// <item><c>S: text</c> an expected server line, exact (a message literal's content lines appear as S: lines too).</item>
/// <item><c>H: deliver FOLDER NAME</c> the store receives test message NAME in alice's FOLDER (another session's doing);
/// <c>H: flag FOLDER UID flags…</c> another session sets flags; <c>H: expunge FOLDER UID</c> another session expunges.</item>
/// <item><c>EVENT: TlsEstablished|TimedOut|Wake|ShuttingDown</c> the transport's events; their output follows as S: lines.</item>
/// <item><c>ACTION: StartTls|Close</c> the action pending after the last C: group or event.</item>
/// </list>
/// </summary>
internal static partial class ImapTranscriptRunner
{
    public static (IReadOnlyList<string> Expected, IReadOnlyList<string> Actual) Run(string transcript, FeedMode mode)
    {
        var script = transcript.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var options = ImapSessionDriver.DefaultOptions();
        foreach (var line in script.Where(l => l.StartsWith("O: ", StringComparison.Ordinal)))
        {
            options = WithOption(options, line[3..]);
        }

        var expected = script.Where(l => !l.StartsWith("O: ", StringComparison.Ordinal)).ToList();
        var actual = new List<string>();
        using var driver = new ImapSessionDriver(options);
        actual.Add("S: " + driver.Greeting);
        var group = new List<string>();
        ImapSessionAction last = ImapSessionAction.None;
        foreach (var line in expected.Append("END"))
        {
            if (line == "C:" || line.StartsWith("C: ", StringComparison.Ordinal))
            {
                if (line.Length > 3 && CramMd5Line().IsMatch(line[3..]) && group.Count > 0)
                {
                    // The answer to a challenge cannot be sent before the challenge.
                    SendGroup(driver, group, actual, mode, ref last);
                }

                group.Add(line.Length > 3 ? line[3..] : string.Empty);
                continue;
            }

            if (group.Count > 0)
            {
                SendGroup(driver, group, actual, mode, ref last);
            }

            if (line.StartsWith("H: ", StringComparison.Ordinal))
            {
                Happen(driver, line[3..]);
                actual.Add(line);
            }
            else if (line.StartsWith("EVENT: ", StringComparison.Ordinal))
            {
                actual.Add(line);
                driver.Raise(s => Raise(s, line[7..]));
                actual.AddRange(driver.TakeLines().Select(l => "S: " + l));
                if (driver.Session.PendingAction != last)
                {
                    last = driver.Session.PendingAction;
                    actual.Add("ACTION: " + last);
                }
            }
        }

        return (expected, actual);
    }

    private static void SendGroup(ImapSessionDriver driver, List<string> group, List<string> actual, FeedMode mode, ref ImapSessionAction last)
    {
        var bytes = new StringBuilder();
        foreach (var client in group)
        {
            bytes.Append(Resolve(client, actual)).Append("\r\n");
            actual.Add(client.Length == 0 ? "C:" : "C: " + client);
        }

        driver.Send(bytes.ToString(), mode);
        actual.AddRange(driver.TakeLines().Select(l => "S: " + l));
        group.Clear();
        if (driver.Session.PendingAction != last)
        {
            last = driver.Session.PendingAction;
            actual.Add("ACTION: " + last);
        }
    }

    private static void Raise(ImapServerSession session, string name)
    {
        switch (name)
        {
            case "TlsEstablished": session.TlsEstablished(); break;
            case "TimedOut": session.TimedOut(); break;
            case "Wake": session.Wake(); break;
            case "ShuttingDown": session.ShuttingDown(); break;
            default: throw new InvalidOperationException($"Unknown event {name}");
        }
    }

    private static void Happen(ImapSessionDriver driver, string directive)
    {
        var parts = directive.Split(' ');
        var folder = driver.Store.Accounts["alice"].Folders[parts[1]];
        switch (parts[0])
        {
            case "deliver":
                var content = (string)typeof(ImapTestMessages).GetField(parts[2])!.GetValue(null)!;
                folder.Add(content, [], ImapTestMessages.Date(9));
                break;
            case "flag":
                folder.SetFlags(uint.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3..]);
                break;
            case "expunge":
                var uid = uint.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                folder.Remove(m => m.Uid == uid);
                break;
            default:
                throw new InvalidOperationException($"Unknown store directive {directive}");
        }
    }

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
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{match.Groups["user"].Value} {digest}"));
    }

    private static ImapServerOptions WithOption(ImapServerOptions options, string assignment)
    {
        var eq = assignment.IndexOf('=');
        var name = assignment[..eq].Trim();
        var text = assignment[(eq + 1)..].Trim();
        var property = typeof(ImapServerOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"No option {name}");
        object? value = property.PropertyType switch
        {
            var t when t == typeof(string) => text,
            var t when t == typeof(bool) => bool.Parse(text),
            var t when t == typeof(int) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
            var t when t == typeof(long) || t == typeof(long?) => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
            var t when t == typeof(IReadOnlyList<string>) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            var t when t == typeof(IReadOnlySet<string>) => new HashSet<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase),
            _ => throw new InvalidOperationException($"Option {name} has an unsupported type"),
        };
        var copy = options with { };
        property.SetValue(copy, value);
        return copy;
    }

    [GeneratedRegex(@"^\{cram-md5 (?<user>\S+) (?<password>\S+)\}$")]
    private static partial Regex CramMd5Line();
}
