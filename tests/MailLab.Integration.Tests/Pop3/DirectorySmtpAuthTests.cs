using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;
using MimeKit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>
/// SMTP Basic authentication on a host that belongs to an Active Directory (its POP3 service uses the
/// directory method) accepts the directory's accounts too, as Windows does for a domain member.
/// </summary>
public sealed class DirectorySmtpAuthTests
{
    [Fact]
    public async Task DirectoryAccount_AuthenticatesToSmtp_AndRelays_OverTcp()
    {
        await using var world = await TestWorld.StartAsync();
        // The method changes only while no domain exists: the default topology's mail.ru goes first.
        Winpop.Run(world.MailRu.Pop3, ["delete", "mail.ru"]).ExitCode.Should().Be(0);
        Winpop.Run(world.MailRu.Pop3, ["set", "authentication", "2"]).ExitCode.Should().Be(0);
        Winpop.Run(world.MailRu.Pop3, ["add", "mail.ru"]).ExitCode.Should().Be(0);
        Winpop.Run(world.MailRu.Pop3, ["add", "olga@mail.ru", "/createuser", "Olga123"]).ExitCode.Should().Be(0);
        world.MailRu.Accounts.Find("olga@mail.ru").Should().BeNull("the account lives in the directory, not on the host");

        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", world.EndPoint(world.MailRu).Port, SecureSocketOptions.StartTls);
        var wrong = () => client.AuthenticateAsync("olga@mail.ru", "not-her-password");
        await wrong.Should().ThrowAsync<AuthenticationException>();
        await client.AuthenticateAsync("olga@mail.ru", "Olga123");
        var message = new MimeMessage { Subject = "from the directory" };
        message.From.Add(MailboxAddress.Parse("olga@mail.ru"));
        message.To.Add(MailboxAddress.Parse("student@rosnou.ru"));
        message.Body = new TextPart("plain") { Text = "Hi" };
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
        await world.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle(m => m.Subject == "from the directory");
    }
}
