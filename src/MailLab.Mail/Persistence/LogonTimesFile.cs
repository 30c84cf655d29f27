using System.Globalization;
using System.Text;
using MailLab.Mail.Exchange;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The Mailboxes node's Last Logon Time and Last Logoff Time of an Exchange host, with
/// <c>--data-dir</c>: <c>DIR/&lt;host&gt;/Exchsrvr/logon-times.log</c>, one line a logon or logoff
/// (<c>logon|logoff TAB ISO-8601 time TAB address</c>), appended and fsynced before the in-memory
/// time changes (<see cref="DurableFile.Append"/>), so a logon costs one short line, not a rewrite of
/// the topology. At start the last line of each kind per mailbox is applied, and the file is rewritten
/// (write, fsync, rename) with just those lines so it does not grow across restarts. A last line a crash
/// cut short, or any line that does not parse, is skipped.
/// </summary>
internal static class LogonTimesFile
{
    public const string Folder = "Exchsrvr";
    public const string Name = "logon-times.log";
    private const string Logon = "logon";
    private const string Logoff = "logoff";

    public static string PathFor(string hostRoot) => Path.Combine(hostRoot, Folder, Name);

    /// <summary>Reads the file into the server's mailboxes, compacts it, and records every later logon and logoff in it.</summary>
    public static void Attach(ExchangeServer server, string path, DataDirectoryReport report)
    {
        var latest = Read(path, report);
        foreach (var ((kind, address), time) in latest)
        {
            if (server.FindMailbox(address) is not { } mailbox)
            {
                continue; // a mailbox deleted since, or a topology without it: its times go with it
            }

            if (kind == Logon)
            {
                mailbox.LastLogonTime = time;
            }
            else
            {
                mailbox.LastLogoffTime = time;
            }
        }

        if (File.Exists(path))
        {
            var lines = latest.Where(e => server.FindMailbox(e.Key.Address) is not null).Select(e => Line(e.Key.Kind, e.Value, e.Key.Address));
            DurableFile.Write(path, [], Encoding.UTF8.GetBytes(string.Concat(lines)));
        }

        server.LogonTimeRecorded = (address, logoff, time) => DurableFile.Append(path, Encoding.UTF8.GetBytes(Line(logoff ? Logoff : Logon, time, address)));
    }

    private static string Line(string kind, DateTimeOffset time, string address) =>
        $"{kind}\t{time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\t{address}\n";

    private static Dictionary<(string Kind, string Address), DateTimeOffset> Read(string path, DataDirectoryReport report)
    {
        var latest = new Dictionary<(string Kind, string Address), DateTimeOffset>();
        if (!File.Exists(path))
        {
            return latest;
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException e)
        {
            report.Problem($"{path}: {e.Message}");
            return latest;
        }

        // Only lines ended by a newline are whole: an append cut short by a crash has none.
        var whole = text.LastIndexOf('\n') is var end and >= 0 ? text[..end] : string.Empty;
        foreach (var line in whole.Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length == 3 && fields[0] is Logon or Logoff && fields[2].Length > 0
                && DateTimeOffset.TryParse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
            {
                latest[(fields[0], fields[2].ToLowerInvariant())] = time;
            }
        }

        return latest;
    }
}
