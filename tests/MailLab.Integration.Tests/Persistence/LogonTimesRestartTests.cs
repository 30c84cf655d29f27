using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Pop3;
using MailLab.Mail.Exchange;
using MailLab.Mail.Topology;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// ESM's Mailboxes node keeps a mailbox's Last Logon Time and Last Logoff Time across a restart with a
/// data directory: a POP3 logon over TCP to rosnou.ru (Exchange) writes both to
/// DIR/rosnou.ru/Exchsrvr/logon-times.log, and a new MailLabServer on the same directory reads them back.
/// </summary>
public sealed class LogonTimesRestartTests : IDisposable
{
    private const string Student = "student@rosnou.ru";
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-logons-{Guid.NewGuid():N}");

    [Fact]
    public async Task TheLastLogonAndLogoffTimes_AreReadBackAfterARestart_AndAnAppendCutShortIsSkipped()
    {
        var clock = new FakeTimeProvider(Start);
        var file = Path.Combine(_dir, "rosnou.ru", "Exchsrvr", "logon-times.log");
        await using (var first = await StartAsync(clock))
        {
            var rosnou = first.World.FindHost("rosnou.ru")!;
            using (var pop3 = await Pop3TestSupport.ConnectPop3Async(first, rosnou))
            {
                await pop3.AuthenticateAsync(Student, "student123");
                clock.Advance(TimeSpan.FromMinutes(5));
                await pop3.DisconnectAsync(quit: true);
            }

            await WaitLoggedOffAsync(rosnou.Exchange!);
            rosnou.Exchange!.FindMailbox(Student)!.Should().Match<ExchangeMailbox>(m => m.LastLogonTime == Start && m.LastLogoffTime == Start.AddMinutes(5));
            File.ReadAllLines(file).Should().HaveCount(2, "one line a logon, one a logoff");
        }

        File.AppendAllText(file, "logoff\t2026-09-01T10:"); // an append a crash cut short: no newline
        await using var second = await StartAsync(new FakeTimeProvider(Start.AddHours(1)));

        var exchange = second.World.FindHost("rosnou.ru")!.Exchange!;
        exchange.FindMailbox(Student)!.Should().Match<ExchangeMailbox>(m => m.LastLogonTime == Start && m.LastLogoffTime == Start.AddMinutes(5));
        exchange.FindMailbox("teacher@rosnou.ru")!.LastLogonTime.Should().BeNull("teacher never logged on");
        File.ReadAllText(file).Should().EndWith("\n", "the file is rewritten with whole lines at start").And.NotContain("10:");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<MailLabServer> StartAsync(FakeTimeProvider clock)
    {
        var topology = File.ReadAllText(RepositoryFiles.Topology("exchange-rosnou.yaml"));
        var server = new MailLabServer(TopologyLoader.LoadText(topology, "exchange-rosnou.yaml", clock, portsToZero: true), dataDirectory: _dir);
        await server.StartAsync();
        return server;
    }

    /// <summary>The server notices the closed connection shortly after QUIT's reply; waits (briefly) for the logoff it records then.</summary>
    private static async Task WaitLoggedOffAsync(ExchangeServer exchange)
    {
        for (var i = 0; i < 500 && exchange.FindMailbox(Student)!.LastLogoffTime is null; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
