using MailKit.Net.Pop3;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// A repeated RCPT on `maillab up --data-dir`: one copy and one file, so a POP3 DELE of it followed
/// by QUIT, kill -9 and a restart leave exactly the other message — the count POP3 shows, the API
/// shows and the disk holds agree.
/// </summary>
public sealed class DuplicateRecipientsCrashTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-dup-rcpt-{Guid.NewGuid():N}");
    private readonly string _topology = Path.Combine(Path.GetTempPath(), $"maillab-dup-rcpt-{Guid.NewGuid():N}.yaml");

    public DuplicateRecipientsCrashTests()
    {
        File.WriteAllText(_topology, Mail.World.DefaultTopology.ReadYaml());
    }

    [Fact]
    public async Task RepeatedRcpt_DeleAndQuit_Kill9_Restart_CountsAgree()
    {
        await using (var first = await MailLabProcess.StartAsync(_dir, _topology))
        {
            await using (var smtp = await RawSmtpClient.ConnectAsync(first.MailRuSmtp))
            {
                (await smtp.ReadReplyAsync()).Should().StartWith("220");
                (await smtp.CommandAsync("EHLO client.example")).Should().StartWith("250");
                await SendAsync(smtp, "four RCPTs", "ivan@mail.ru", "ivan@mail.ru", "IVAN@mail.ru", "Ivan@Mail.Ru");
                await SendAsync(smtp, "one RCPT", "ivan@mail.ru");
            }

            using var pop3 = await ConnectPop3Async(first);
            pop3.Count.Should().Be(2, "one copy per distinct mailbox");
            (await pop3.GetMessageUidsAsync()).Should().OnlyHaveUniqueItems();
            (await pop3.GetMessageAsync(0)).Subject.Should().Be("four RCPTs");
            await pop3.DeleteMessageAsync(0);
            await pop3.DisconnectAsync(quit: true);
            (await first.SubjectsAsync("ivan@mail.ru")).Should().Equal("one RCPT");
            first.Kill();
        }

        await using var second = await MailLabProcess.StartAsync(_dir, _topology);
        second.Output.Should().Contain("read back: 1 in mailboxes");
        (await second.SubjectsAsync("ivan@mail.ru")).Should().Equal("one RCPT");
        using var again = await ConnectPop3Async(second);
        again.Count.Should().Be(1);
        (await again.GetMessageAsync(0)).Subject.Should().Be("one RCPT");
        Directory.GetFiles(Path.Combine(_dir, "mail.ru", "mailroot", "Mailbox", "mail.ru", "P3_ivan.mbx")).Should().ContainSingle();
    }

    public void Dispose()
    {
        File.Delete(_topology);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task SendAsync(RawSmtpClient smtp, string subject, params string[] recipients)
    {
        (await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
        foreach (var to in recipients)
        {
            (await smtp.CommandAsync($"RCPT TO:<{to}>")).Should().StartWith("250");
        }

        (await smtp.CommandAsync("DATA")).Should().StartWith("354");
        (await smtp.CommandAsync($"From: ivan@mail.ru\r\nTo: ivan@mail.ru\r\nSubject: {subject}\r\n\r\nHello\r\n.")).Should().StartWith("250 2.6.0");
    }

    private static async Task<Pop3Client> ConnectPop3Async(MailLabProcess process)
    {
        var pop3 = new Pop3Client { Timeout = 20_000 };
        await pop3.ConnectAsync(process.MailRuPop3.Address.ToString(), process.MailRuPop3.Port, SecureSocketOptions.None);
        await pop3.AuthenticateAsync("ivan@mail.ru", "ivan123");
        return pop3;
    }
}
