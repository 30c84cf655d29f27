using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MimeKit;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// `maillab up --data-dir` on the shipped Exchange topology, killed with kill -9 while mail for a
/// dismounted store waits in rosnou.ru's Local Delivery queue: after the restart the message is still
/// queued (not lost, not bounced), the store is still dismounted, and Mount Store delivers it exactly once.
/// </summary>
public sealed class ExchangeLocalDeliveryCrashTests : IDisposable
{
    private const string Store = "api/servers/rosnou.ru/exchange/stores/Mailbox%20Store%20(ROSNOU)";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-exstore-{Guid.NewGuid():N}");

    [Fact]
    public async Task KillWhileMailWaitsForADismountedStore_RestartKeepsItQueued_AndMountDeliversItOnce()
    {
        var topology = RepositoryFiles.Topology("exchange-rosnou.yaml");
        await using (var first = await MailLabProcess.StartAsync(_dir, topology))
        {
            await first.PostAsync(Store + "/dismount");
            using var smtp = new SmtpClient { Timeout = 20_000 };
            await smtp.ConnectAsync(first.MailRuSmtp.Address.ToString(), first.MailRuSmtp.Port, SecureSocketOptions.None);
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.SendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse("student@rosnou.ru")], "Lab 5", new TextPart("plain") { Text = "Hello" }));
            (await MailLabProcess.WaitForAsync(() => first.FolderAsync("rosnou.ru", "Queue"), f => f.Length > 0)).Should().ContainSingle("rosnou.ru took the message into its Local Delivery queue");
            first.Kill();
        }

        await using (var second = await MailLabProcess.StartAsync(_dir, topology: null))
        {
            (await second.FolderAsync("rosnou.ru", "Queue")).Should().ContainSingle("the waiting message survived kill -9");
            (await second.SubjectsAsync("student@rosnou.ru")).Should().BeEmpty("the store is still dismounted");
            (await QueueAsync(second)).Should().ContainSingle().Which.Should().Be("rosnou.ru (Local Delivery)");

            await second.PostAsync(Store + "/mount");
            (await MailLabProcess.WaitForAsync(() => second.SubjectsAsync("student@rosnou.ru"), s => s.Length > 0)).Should().Equal("Lab 5");
            (await MailLabProcess.WaitForAsync(() => second.FolderAsync("rosnou.ru", "Queue"), f => f.Length == 0)).Should().BeEmpty();
            (await second.SubjectsAsync("ivan@mail.ru")).Should().BeEmpty("nothing bounced");
            second.Kill();
        }

        await using var third = await MailLabProcess.StartAsync(_dir, topology: null);
        (await third.SubjectsAsync("student@rosnou.ru")).Should().Equal(["Lab 5"], "delivered exactly once, not again after another restart");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task<string[]> QueueAsync(MailLabProcess process)
    {
        using var json = JsonDocument.Parse(await process.Api.GetStringAsync("api/servers/rosnou.ru/queue"));
        return json.RootElement.EnumerateArray().Select(e => e.GetProperty("queue").GetString()!).ToArray();
    }
}
