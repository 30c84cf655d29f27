using FluentAssertions;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Testing;
using MailLab.Testing.Xunit;
using MimeKit;
using Xunit;

namespace MailLab.Testing.Sample;

/// <summary>What a user writes: the app sends its sign-up mail; the test waits for it and checks how it travelled.</summary>
public sealed class SignupMailTests(MailServerFixture mail) : IClassFixture<MailServerFixture>
{
    [Fact]
    public async Task The_welcome_mail_reaches_the_new_user()
    {
        var cursor = mail.Mark();

        // "The app": any SMTP client pointed at the fixture.
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@shop.example"));
        message.To.Add(MailboxAddress.Parse("new.user@gmail.com"));
        message.Subject = "Welcome";
        message.Body = new TextPart("plain") { Text = "Your code is 123456." };
        using (var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await client.ConnectAsync(mail.Server.SmtpHost, mail.Server.SmtpPort, SecureSocketOptions.StartTls);
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }

        var msg = await cursor.WaitForMessageAsync(m => m.To.Contains("new.user@gmail.com"), TimeSpan.FromSeconds(10));
        msg.Should().HaveSubject("Welcome").And.BeSentTo("new.user@gmail.com");
        msg.Journey.Should().HaveUsedTls();
        msg.Message.TextBody.Should().Contain("123456");
    }
}
