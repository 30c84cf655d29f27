using System.Net.Sockets;
using MailLab.Testing;
using MimeKit;

namespace MailLab.Bench;

/// <summary>
/// MailLab.Testing's costs. <c>fixture</c>: TestMailServer.StartAsync() ready time, from the call
/// until SMTP answers a connection with its 220 greeting, for the first server of the process (JIT,
/// the certificate, first listeners) and for each later one, each disposed before the next starts.
/// <c>fixture throughput</c>: the process's first server's first messages over TCP (cold) against
/// the same number just after (warm), in smtp-source's shape (<c>-s 20 -l 1024</c>: 20 sessions at
/// once, one message per connection, 1024 octets of body). <c>fixture waits</c>: a thousand tests at
/// once, each with its own cursor, waiting for its own message; none may see another's.
/// </summary>
public static class FixtureBench
{
    public static Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
        return args.FirstOrDefault() switch
        {
            "throughput" => ThroughputAsync(Option("--messages", 2_000), Option("--sessions", 20)),
            "waits" => WaitsAsync(Option("--tests", 1_000)),
            _ => StartsAsync(Math.Max(2, Option("--starts", 20))),
        };
    }

    private static async Task<int> StartsAsync(int starts)
    {
        var times = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            var began = TimeProvider.System.GetTimestamp();
            await using var mail = await TestMailServer.StartAsync();
            using (var client = new TcpClient())
            {
                await client.ConnectAsync(mail.SmtpHost, mail.SmtpPort);
                using var reader = new StreamReader(client.GetStream());
                var greeting = await reader.ReadLineAsync();
                if (greeting is null || !greeting.StartsWith("220", StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"No greeting: {greeting}");
                    return 1;
                }
            }

            times.Add(TimeProvider.System.GetElapsedTime(began).TotalMilliseconds);
        }

        var later = times.Skip(1).Order().ToArray();
        Console.WriteLine($"TestMailServer.StartAsync() ready (SMTP greeting read): first {times[0]:0.0} ms; second {(times.Count > 1 ? times[1] : double.NaN):0.0} ms; later {later.Length} starts: median {(later.Length > 0 ? later[later.Length / 2] : double.NaN):0.0} ms, max {(later.Length > 0 ? later[^1] : double.NaN):0.0} ms");
        return 0;
    }

    private static async Task<int> ThroughputAsync(int messages, int sessions)
    {
        await using var mail = await TestMailServer.StartAsync();
        var work = new SmtpWorkload(1024, recipient: "bob@example.com");
        var cold = await RateAsync(mail, work, messages, sessions);
        var warm = await RateAsync(mail, work, messages, sessions);
        var stored = mail.Messages.Count;
        Console.WriteLine($"TestMailServer over TCP, {sessions} sessions, one {work.Message.Length}-octet message per connection: first {messages} messages (cold) {cold:0} msg/s; next {messages} (warm) {warm:0} msg/s; cold/warm {cold / warm:0.00} (limit 0.80); stored {stored}");
        return stored == 2 * messages && cold >= 0.8 * warm ? 0 : 1;
    }

    /// <summary>Messages per second for <paramref name="messages"/> messages, <paramref name="sessions"/> connections at a time.</summary>
    private static async Task<double> RateAsync(TestMailServer mail, SmtpWorkload work, int messages, int sessions)
    {
        var left = messages;
        var began = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var tcp = new TcpClient { NoDelay = true };
                await tcp.ConnectAsync(mail.SmtpHost, mail.SmtpPort);
                await using var client = new SmtpLoadClient(tcp.GetStream(), work, pipelining: false);
                await client.OpenAsync(CancellationToken.None);
                await client.SendMessageAsync(CancellationToken.None);
                await client.QuitAsync(CancellationToken.None);
                tcp.Dispose();
            }
        })));
        return messages / TimeProvider.System.GetElapsedTime(began).TotalSeconds;
    }

    private static async Task<int> WaitsAsync(int tests)
    {
        await using var mail = await TestMailServer.StartAsync();
        var began = TimeProvider.System.GetTimestamp();
        var wrong = await Task.WhenAll(Enumerable.Range(0, tests).Select(i => Task.Run(async () =>
        {
            var cursor = mail.Mark();
            var me = $"user{i}@example.com";
            var waiting = cursor.WaitForMessageAsync(m => m.To.Contains(me), TimeSpan.FromSeconds(60));
            var letter = new MimeMessage();
            letter.From.Add(MailboxAddress.Parse("shop@app.example"));
            letter.To.Add(MailboxAddress.Parse(me));
            letter.Subject = $"For {i}";
            letter.Body = new TextPart("plain") { Text = "Hello." };
            await mail.DeliverAsync(letter);
            var msg = await waiting;
            return msg.Subject == $"For {i}" && msg.To.SequenceEqual([me]) ? 0 : 1;
        })));
        var elapsed = TimeProvider.System.GetElapsedTime(began).TotalMilliseconds;
        Console.WriteLine($"{tests} parallel tests on one TestMailServer, each with its own cursor: all done in {elapsed:0} ms; waits that saw another test's mail: {wrong.Sum()}");
        return wrong.Sum() == 0 ? 0 : 1;
    }
}
