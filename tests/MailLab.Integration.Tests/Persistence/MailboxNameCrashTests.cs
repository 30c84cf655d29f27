using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// Mailbox names and the POP3 store on disk, across a real kill -9 of `maillab up --data-dir`:
/// a/b and a_b keep folders of their own (before, both were P3_a_b.mbx, so after a restart a_b read
/// a/b's mail), and names Windows refuses (../x, CR/LF) are refused before they reach the saved
/// configuration (before, the next start failed with "invalid topology").
/// </summary>
public sealed class MailboxNameCrashTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-names-{Guid.NewGuid():N}");
    private readonly string _topology = Path.Combine(Path.GetTempPath(), $"maillab-names-{Guid.NewGuid():N}.yaml");

    public MailboxNameCrashTests()
    {
        // The default topology, with a plain IIS alias domain on mail.ru whose two accounts' names
        // differ only in '/' and '_'.
        var yaml = Mail.World.DefaultTopology.ReadYaml()
            .Replace("            - { name: mail.ru, type: local }", "            - { name: mail.ru, type: local }\n            - { name: lab.mail.ru, type: alias }", StringComparison.Ordinal)
            .Replace(
                "      - { address: ivan@mail.ru, password: ivan123 }",
                "      - { address: ivan@mail.ru, password: ivan123 }\n      - { address: 'a/b@lab.mail.ru', password: ab1 }\n      - { address: 'a_b@lab.mail.ru', password: ab2 }",
                StringComparison.Ordinal);
        File.WriteAllText(_topology, yaml);
    }

    [Fact]
    public async Task KillAndRestart_SlashAndUnderscoreNames_KeepTheirOwnMail_AndRefusedNamesNeverReachTheSavedConfiguration()
    {
        await using (var first = await MailLabProcess.StartAsync(_dir, _topology))
        {
            using (var smtp = new SmtpClient { Timeout = 20_000 })
            {
                await smtp.ConnectAsync(first.MailRuSmtp.Address.ToString(), first.MailRuSmtp.Port, SecureSocketOptions.None);
                await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
                await smtp.SendAsync(Message("a/b@lab.mail.ru", "for a/b"));
                await smtp.SendAsync(Message("a_b@lab.mail.ru", "for a_b"));
            }

            var refused = await first.Api.PostAsJsonAsync("api/servers/rosnou.ru/pop3/mailboxes", new { address = "../x@rosnou.ru", password = "Secret1" });
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var winpop = await first.Api.PostAsJsonAsync("api/servers/rosnou.ru/pop3/winpop", new { args = new[] { "add", "evil\r\nname@rosnou.ru", "/createuser", "Secret1" } });
            (await winpop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exitCode").GetInt32().Should().Be(1);
            (await first.Api.PostAsJsonAsync("api/servers/rosnou.ru/pop3/mailboxes", new { address = "petr@rosnou.ru", password = "Secret1" }))
                .StatusCode.Should().Be(HttpStatusCode.OK, "a change, so the configuration is saved");
            first.Kill();
        }

        // No --topology: the configuration saved at run time, which a refused name never entered.
        await using var second = await MailLabProcess.StartAsync(_dir, topology: null);
        second.Output.Should().Contain("read back: 2 in mailboxes");
        (await second.SubjectsAsync("a_b@lab.mail.ru")).Should().Equal(["for a_b"], "a_b reads only its own mail after the restart");
        var store = Path.Combine(_dir, "mail.ru", "mailroot", "Mailbox", "lab.mail.ru");
        Directory.GetFiles(Path.Combine(store, "P3_a%2Fb.mbx"), "*.eml").Should().ContainSingle("a/b has a folder of its own");
        Directory.GetFiles(Path.Combine(store, "P3_a_b.mbx"), "*.eml").Should().ContainSingle();
        var rosnou = await second.Api.GetStringAsync("api/servers/rosnou.ru/pop3");
        rosnou.Should().Contain("petr@rosnou.ru").And.NotContain("evil").And.NotContain("x@rosnou.ru");
    }

    public void Dispose()
    {
        File.Delete(_topology);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static MimeMessage Message(string to, string subject) =>
        new([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(to)], subject, new TextPart("plain") { Text = "Hello" });
}
