using System.Text;
using System.Text.RegularExpressions;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// Nothing lost, nothing doubled: a bounded, seeded run against the real `maillab up --data-dir`
/// over TCP — transactions with repeated and differently cased recipients for a mailbox, Drop and
/// the queue, interleaved with malformed and random commands, RSETs and DATA cut off by a closed
/// connection — ends with kill -9 while a message is in flight. After a restart on the same
/// directory every message that got its 250 is on disk exactly once in each place it belongs
/// (ivan's P3_ivan.mbx, Drop, the Queue, with its distinct recipients), the one in flight at most
/// once, and nothing else is there.
/// </summary>
public sealed partial class FuzzKillTests : IDisposable
{
    private const int Messages = 150;

    // Recipients by where they end up on mail.ru: ivan's mailbox (a local domain ignores case), Drop
    // (an alias domain with no mailboxes), the queue for rosnou.ru (switched off; a remote local
    // part keeps its case, so Student@ and student@ are two recipients there).
    private static readonly string[] MailboxAddresses = ["ivan@mail.ru", "IVAN@mail.ru", "Ivan@Mail.Ru"];
    private static readonly string[] DropAddresses = ["anna@lab.mail.ru", "ANNA@lab.mail.ru", "boris@Lab.Mail.Ru"];
    private static readonly string[] RemoteAddresses = ["student@rosnou.ru", "Student@rosnou.ru", "student@ROSNOU.RU"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-fuzz-{Guid.NewGuid():N}");
    private readonly string _topology = Path.Combine(Path.GetTempPath(), $"maillab-fuzz-{Guid.NewGuid():N}.yaml");
    private readonly Xunit.Abstractions.ITestOutputHelper _log;

    public FuzzKillTests(Xunit.Abstractions.ITestOutputHelper log)
    {
        _log = log;
        File.WriteAllText(_topology, Mail.World.DefaultTopology.ReadYaml()
            .Replace("unreachableHosts: []", "unreachableHosts: [rosnou.ru]", StringComparison.Ordinal)
            .Replace("            - { name: mail.ru, type: local }\n", "            - { name: mail.ru, type: local }\n            - { name: lab.mail.ru, type: alias }\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(20261201)]
    [InlineData(7)]
    public async Task SeededFuzzAndKill9_EveryAcceptedMessageIsOnDiskOnce_AndNothingElse(int seed)
    {
        var random = new Random(seed);
        var killAt = random.Next(Messages / 3, Messages);
        var accepted = new Dictionary<string, Expected>();
        var counts = new Counts();
        string? inFlight = null;

        await using (var first = await MailLabProcess.StartAsync(_dir, _topology))
        {
            var smtp = await OpenAsync(first);
            for (var n = 0; n < Messages; n++)
            {
                var token = $"fuzz-{seed}-{n}";
                if (n == killAt)
                {
                    // The end of DATA goes out and the process dies with it: answered or not, unknown.
                    while (await BeginAsync(smtp, random, counts) is null)
                    {
                        await smtp.DisposeAsync();
                        smtp = await OpenAsync(first);
                        counts.Connections++;
                    }

                    (await smtp.CommandAsync("DATA")).Should().StartWith("354");
                    await smtp.SendRawAsync(Content(token, random) + ".\r\n");
                    inFlight = token;
                    first.Kill();
                    break;
                }

                var outcome = await TransactionAsync(smtp, token, random, counts);
                if (outcome is { } expected)
                {
                    accepted.Add(token, expected);
                }

                if ((outcome is null && counts.Reconnect) || random.Next(10) == 0)
                {
                    counts.Reconnect = false;
                    await smtp.DisposeAsync();
                    smtp = await OpenAsync(first);
                    counts.Connections++;
                }
            }

            await smtp.DisposeAsync();
        }

        await using var second = await MailLabProcess.StartAsync(_dir, _topology);
        var found = ReadDisk();
        _log.WriteLine($"seed {seed}: kill -9 at message {killAt}; {accepted.Count} accepted with 250, {counts.Abandoned} abandoned (RSET, cut DATA, refused), " +
            $"{counts.Fuzz} malformed or random commands, {counts.Recipients} RCPTs ({counts.Duplicates} repeating a recipient), {counts.Connections} connections; " +
            $"on disk after restart: {found.Count(f => f.Place == "mailbox")} in ivan's mailbox, {found.Count(f => f.Place == "Drop")} in Drop, {found.Count(f => f.Place == "Queue")} queued " +
            $"(in flight: {found.Count(f => f.Token == inFlight)} files); {second.Output.Split('\n').FirstOrDefault(l => l.Contains("read back", StringComparison.Ordinal))?.Trim()}");

        found.Where(f => !accepted.ContainsKey(f.Token) && f.Token != inFlight).Should().BeEmpty("only mail answered 250 (or the one in flight) is stored");
        found.GroupBy(f => (f.Token, f.Place)).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("no message is stored twice in one place");
        foreach (var (token, expected) in accepted)
        {
            var files = found.Where(f => f.Token == token).ToArray();
            files.Select(f => f.Place).Should().BeEquivalentTo(expected.Places, $"{token} ({expected.Id}) answered 250");
            files.Should().OnlyContain(f => f.Name == expected.Id + ".eml", $"{token} is filed under the id its 250 named");
            if (files.FirstOrDefault(f => f.Place == "Queue") is { } queued)
            {
                queued.Receivers.Should().BeEquivalentTo(expected.Remote, $"{token} is queued for each distinct remote recipient once");
            }

            if (files.FirstOrDefault(f => f.Place == "Drop") is { } dropped)
            {
                dropped.Receivers.Should().BeEquivalentTo(expected.Drop);
            }
        }

        (await second.SubjectsAsync("ivan@mail.ru")).Should().BeEquivalentTo(found.Where(f => f.Place == "mailbox").Select(f => f.Token), "what MailLab read back is what the disk holds");
        (await second.FolderAsync("mail.ru", "Queue")).Should().HaveCount(found.Count(f => f.Place == "Queue"));
        (await second.FolderAsync("mail.ru", "Drop")).Should().HaveCount(found.Count(f => f.Place == "Drop"));
    }

    public void Dispose()
    {
        File.Delete(_topology);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>One transaction, perhaps abandoned; the expected places when it got its 250, else null.</summary>
    private static async Task<Expected?> TransactionAsync(RawSmtpClient smtp, string token, Random random, Counts counts)
    {
        var recipients = await BeginAsync(smtp, random, counts);
        if (recipients is null)
        {
            return null;
        }

        switch (random.Next(12))
        {
            case 0:
                (await smtp.CommandAsync("RSET")).Should().StartWith("250");
                counts.Abandoned++;
                return null;
            case 1:
                // DATA cut off: the client goes away in the middle of the content.
                (await smtp.CommandAsync("DATA")).Should().StartWith("354");
                await smtp.SendRawAsync(Content(token, random)[..20]);
                counts.Abandoned++;
                counts.Reconnect = true;
                return null;
        }

        if (recipients.Count == 0)
        {
            (await smtp.CommandAsync("DATA")).Should().StartWith("503", "no recipient was accepted");
            counts.Abandoned++;
            return null;
        }

        (await smtp.CommandAsync("DATA")).Should().StartWith("354");
        var reply = await smtp.CommandAsync(Content(token, random) + ".");
        reply.Should().StartWith("250 2.6.0");
        var id = IdInReply().Match(reply).Groups[1].Value;
        return new Expected(id, recipients);
    }

    /// <summary>MAIL and 1-5 RCPTs with fuzz between them; the recipients answered 250 (null: the connection is gone).</summary>
    private static async Task<List<string>?> BeginAsync(RawSmtpClient smtp, Random random, Counts counts)
    {
        if (!await FuzzAsync(smtp, random, counts))
        {
            return null;
        }

        (await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
        var recipients = new List<string>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var pool = random.Next(3) switch { 0 => MailboxAddresses, 1 => DropAddresses, _ => RemoteAddresses };
            var to = pool[random.Next(pool.Length)];
            counts.Recipients++;
            if (recipients.Any(r => Same(r, to)))
            {
                counts.Duplicates++;
            }

            (await smtp.CommandAsync($"RCPT TO:<{to}>")).Should().StartWith("250");
            recipients.Add(to);
            if (!await FuzzAsync(smtp, random, counts))
            {
                return null;
            }
        }

        return recipients;
    }

    /// <summary>
    /// Zero to two commands a broken or hostile client sends, none of which may change the
    /// transaction: each must get a 4xx/5xx reply. False when the server hung up (then reconnect).
    /// </summary>
    private static async Task<bool> FuzzAsync(RawSmtpClient smtp, Random random, Counts counts)
    {
        for (var i = random.Next(-2, 3); i > 0; i--)
        {
            byte[] line = random.Next(7) switch
            {
                0 => Encoding.ASCII.GetBytes("MAIL FROM:ivan@mail.ru"),
                1 => Encoding.ASCII.GetBytes("RCPT TO:<>"),
                2 => Encoding.ASCII.GetBytes($"RCPT TO:<{new string('a', random.Next(65, 400))}@mail.ru>"),
                3 => Encoding.ASCII.GetBytes(new string('X', random.Next(513, 3000))),
                4 => Encoding.ASCII.GetBytes("VRFY"),
                5 => Encoding.ASCII.GetBytes("BDAT x"),
                _ => [(byte)'~', .. Enumerable.Range(0, random.Next(0, 80)).Select(_ => (byte)random.Next(0, 256)).Where(b => b is not ((byte)'\r' or (byte)'\n'))],
            };
            counts.Fuzz++;
            await smtp.SendRawAsync([.. line, (byte)'\r', (byte)'\n']);
            var reply = await smtp.ReadReplyAsync();
            if (reply is null || reply.StartsWith("421", StringComparison.Ordinal))
            {
                counts.Reconnect = true;
                return false;
            }

            reply.Should().MatchRegex("^[45][0-9][0-9][ -]", "a malformed command is refused and changes nothing");
        }

        return true;
    }

    private static async Task<RawSmtpClient> OpenAsync(MailLabProcess process)
    {
        var smtp = await RawSmtpClient.ConnectAsync(process.MailRuSmtp);
        (await smtp.ReadReplyAsync()).Should().StartWith("220");
        (await smtp.CommandAsync("EHLO fuzz.example")).Should().StartWith("250");
        (await smtp.CommandAsync($"AUTH PLAIN {Convert.ToBase64String(Encoding.ASCII.GetBytes("\0ivan@mail.ru\0ivan123"))}")).Should().StartWith("235");
        return smtp;
    }

    private static string Content(string token, Random random) =>
        $"From: ivan@mail.ru\r\nSubject: {token}\r\n\r\n{string.Join("\r\n", Enumerable.Range(0, random.Next(1, 20)).Select(i => i % 5 == 0 ? $"..dot-stuffed line {i}" : $"line {i} of {token}"))}\r\n";

    /// <summary>As MailLab compares them: domains ignore case; a local part too in mail.ru's local domains.</summary>
    private static bool Same(string a, string b) =>
        a.EndsWith("rosnou.ru", StringComparison.OrdinalIgnoreCase)
            ? a[..a.IndexOf('@')] == b[..b.IndexOf('@')] && string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
            : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every message file on disk for mail.ru: where it is, its name, its token and its x-receiver lines.</summary>
    private List<Found> ReadDisk()
    {
        var root = Path.Combine(_dir, "mail.ru", "mailroot");
        var found = new List<Found>();
        foreach (var (place, folder) in new[] { ("mailbox", Path.Combine(root, "Mailbox", "mail.ru", "P3_ivan.mbx")), ("Drop", Path.Combine(root, "Drop")), ("Queue", Path.Combine(root, "Queue")) })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            Directory.GetFiles(folder, ".*").Should().BeEmpty("a write cut short is removed when the directory is read back");
            foreach (var path in Directory.GetFiles(folder, "*.eml"))
            {
                var text = File.ReadAllText(path);
                var token = SubjectLine().Match(text).Groups[1].Value;
                var receivers = ReceiverLine().Matches(text).Select(m => m.Groups[1].Value).ToArray();
                found.Add(new Found(place, Path.GetFileName(path), token, receivers));
            }
        }

        return found;
    }

    [GeneratedRegex(@"<(ML[0-9A-F]+)@")]
    private static partial Regex IdInReply();

    [GeneratedRegex(@"^Subject: (\S+)\r$", RegexOptions.Multiline)]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"^x-receiver: (\S+)\r$", RegexOptions.Multiline)]
    private static partial Regex ReceiverLine();

    private sealed record Found(string Place, string Name, string Token, string[] Receivers);

    /// <summary>Where an accepted message belongs, from the recipients its RCPTs named.</summary>
    private sealed record Expected(string Id, IReadOnlyList<string> Recipients)
    {
        public string[] Drop => Recipients.Where(r => DropAddresses.Contains(r)).Select(r => r.ToLowerInvariant()).Distinct().ToArray();

        public string[] Remote => Recipients.Where(r => RemoteAddresses.Contains(r)).Select(r => r[..r.IndexOf('@')] + "@rosnou.ru").Distinct().ToArray();

        public string[] Places =>
        [
            .. Recipients.Any(r => MailboxAddresses.Contains(r)) ? ["mailbox"] : Array.Empty<string>(),
            .. Drop.Length > 0 ? ["Drop"] : Array.Empty<string>(),
            .. Remote.Length > 0 ? ["Queue"] : Array.Empty<string>(),
        ];
    }

    private sealed class Counts
    {
        public int Fuzz { get; set; }

        public int Recipients { get; set; }

        public int Duplicates { get; set; }

        public int Abandoned { get; set; }

        public int Connections { get; set; } = 1;

        public bool Reconnect { get; set; }
    }
}
