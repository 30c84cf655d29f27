using System.Net.Sockets;
using MailLab.Testing;

namespace MailLab.Bench;

/// <summary>
/// TestMailServer.StartAsync() ready time: from the call until SMTP answers a connection with its
/// 220 greeting, for the first server of the process (JIT, the certificate, first listeners) and
/// for each later one, each disposed before the next starts.
/// </summary>
public static class FixtureBench
{
    public static async Task<int> RunAsync(int starts)
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
}
