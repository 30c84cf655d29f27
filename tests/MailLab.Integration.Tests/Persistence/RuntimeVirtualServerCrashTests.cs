using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// A virtual server created at run time (POST /api/servers/{host}/smtp, the wizard's and
/// `maillab smtp vs create`'s path) on `maillab up --data-dir`: its Drop, Queue and Badmail are on
/// disk like those of the topology's servers, so after kill -9 and a start from the saved
/// topology.yaml all three are there.
/// </summary>
public sealed class RuntimeVirtualServerCrashTests : IDisposable
{
    private const string Second = "Second SMTP Virtual Server";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-runtime-vs-{Guid.NewGuid():N}");
    private readonly string _topology = Path.Combine(Path.GetTempPath(), $"maillab-runtime-vs-{Guid.NewGuid():N}.yaml");

    public RuntimeVirtualServerCrashTests()
    {
        // rosnou.ru switched off (saved with the configuration), so mail for it stays in the queue.
        File.WriteAllText(_topology, Mail.World.DefaultTopology.ReadYaml().Replace("unreachableHosts: []", "unreachableHosts: [rosnou.ru]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VirtualServerCreatedThroughTheApi_KeepsDropQueueAndBadmail_AcrossKill9()
    {
        string[] drop, queue, badmail;
        await using (var first = await MailLabProcess.StartAsync(_dir, _topology))
        {
            var created = await first.Api.PostAsJsonAsync("api/servers/mail.ru/smtp", new { name = Second, ipAddress = "127.0.0.1", port = 0, homeDirectory = @"C:\Inetpub\mailroot2", defaultDomain = "second.mail.ru" });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            using var dto = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            var endPoint = IPEndPoint.Parse(dto.RootElement.GetProperty("endpoint").GetString()!);
            (await first.Api.PatchAsJsonAsync($"api/servers/mail.ru/smtp/{Uri.EscapeDataString(Second)}/settings", new { relayList = "127.0.0.1" })).EnsureSuccessStatusCode();

            await using (var smtp = await RawSmtpClient.ConnectAsync(endPoint))
            {
                (await smtp.ReadReplyAsync()).Should().StartWith("220");
                (await smtp.CommandAsync("EHLO client.example")).Should().StartWith("250");
                (await SendAsync(smtp, "ivan@mail.ru", "someone@second.mail.ru", "to Drop")).Should().StartWith("250 2.6.0");
                (await SendAsync(smtp, "ivan@mail.ru", "student@rosnou.ru", "to the Queue")).Should().StartWith("250 2.6.0");
                (await SendAsync(smtp, string.Empty, "someone@nowhere.invalid", "to Badmail")).Should().StartWith("250 2.6.0");
            }

            drop = await first.FolderAsync("mail.ru", "Drop", Second);
            queue = await MailLabProcess.WaitForAsync(() => first.FolderAsync("mail.ru", "Queue", Second), f => f.Length == 1);
            badmail = await MailLabProcess.WaitForAsync(() => first.FolderAsync("mail.ru", "Badmail", Second), f => f.Length == 2);
            (drop.Length, queue.Length, badmail.Length).Should().Be((1, 1, 2), "the null sender's bounce for nowhere.invalid cannot be returned: .BAD and .BDR");
            first.Kill();
        }

        Directory.GetFiles(Path.Combine(_dir, "mail.ru", "mailroot2", "Drop")).Select(Path.GetFileName).Should().Equal(drop);
        Directory.GetFiles(Path.Combine(_dir, "mail.ru", "mailroot2", "Badmail")).Select(Path.GetFileName).Should().BeEquivalentTo(badmail);
        Directory.GetFiles(Path.Combine(_dir, "mail.ru", "mailroot2", "Queue"), "*.eml").Select(Path.GetFileName).Should().Equal(queue);

        await using var second = await MailLabProcess.StartAsync(_dir, topology: null);
        second.Output.Should().Contain("read back: 0 in mailboxes, 1 in Drop, 1 in Badmail, 1 queued");
        (await second.FolderAsync("mail.ru", "Drop", Second)).Should().Equal(drop);
        (await second.FolderAsync("mail.ru", "Queue", Second)).Should().Equal(queue);
        (await second.FolderAsync("mail.ru", "Badmail", Second)).Should().BeEquivalentTo(badmail);
        (await second.FolderAsync("mail.ru", "Drop")).Should().BeEmpty("the default virtual server's folders are its own");
    }

    public void Dispose()
    {
        File.Delete(_topology);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task<string> SendAsync(RawSmtpClient smtp, string sender, string recipient, string subject)
    {
        (await smtp.CommandAsync($"MAIL FROM:<{sender}>")).Should().StartWith("250");
        (await smtp.CommandAsync($"RCPT TO:<{recipient}>")).Should().StartWith("250");
        (await smtp.CommandAsync("DATA")).Should().StartWith("354");
        return await smtp.CommandAsync($"From: ivan@mail.ru\r\nTo: {recipient}\r\nSubject: {subject}\r\n\r\nHello\r\n.");
    }
}
