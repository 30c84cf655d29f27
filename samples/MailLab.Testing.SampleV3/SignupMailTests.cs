using FluentAssertions;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Testing;
using MailLab.Testing.Xunit;
using MailLab.Testing.XunitV3;
using MimeKit;
using Xunit;

// One server for the whole assembly (xunit.v3's assembly fixture); every test takes its own cursor.
[assembly: AssemblyFixture(typeof(MailServerFixture))]

namespace MailLab.Testing.SampleV3;

/// <summary>What a user writes with xunit.v3: the app sends its sign-up mail; the test waits for it and reads the code in it.</summary>
public sealed class SignupMailTests(MailServerFixture mail)
{
    [Fact]
    public async Task The_welcome_mail_reaches_the_new_user_with_a_code_and_a_link()
    {
        var cursor = mail.Mark();

        // "The app": any SMTP client pointed at the fixture.
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@shop.example"));
        message.To.Add(MailboxAddress.Parse("new.user@gmail.com"));
        message.Subject = "Welcome";
        message.Body = new BodyBuilder
        {
            TextBody = "Your code is 123456.",
            HtmlBody = "<p>Your code is <b>123456</b>.</p><a href=\"https://shop.example/confirm?u=1\">Confirm</a>",
        }.ToMessageBody();
        using (var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await client.ConnectAsync(mail.Server.SmtpHost, mail.Server.SmtpPort, SecureSocketOptions.StartTls, TestContext.Current.CancellationToken);
            await client.SendAsync(message, TestContext.Current.CancellationToken);
            await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        }

        var msg = await cursor.WaitForMessageAsync(m => m.To.Contains("new.user@gmail.com"), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        msg.Should().HaveSubject("Welcome").And.BeSentTo("new.user@gmail.com").And.HaveLink("https://shop.example/confirm?u=1");
        msg.Journey.Should().HaveUsedTls();
        msg.FindCode().Should().Be("123456");
    }

    [Fact]
    public async Task A_wait_that_times_out_says_which_connections_came_since_the_cursor()
    {
        var cursor = mail.Mark();

        var wait = () => cursor.WaitForMessageAsync(m => m.To.Contains("nobody@example.com"), TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which.Message.Should().Contain("after the cursor");
    }

    [Fact]
    public async Task A_timed_out_wait_writes_its_report_with_the_transcripts_to_this_tests_output()
    {
        var cursor = mail.Mark();
        using (var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await client.ConnectAsync(mail.Server.SmtpHost, mail.Server.SmtpPort, SecureSocketOptions.StartTls, TestContext.Current.CancellationToken);
            await client.SendAsync(new MimeMessage([MailboxAddress.Parse("noreply@shop.example")], [MailboxAddress.Parse("someone.else@example.com")], "Other mail", new TextPart("plain") { Text = "not for the waiting test" }), TestContext.Current.CancellationToken);
            await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        }

        var wait = () => cursor.WaitForMessageAsync(m => m.To.Contains("nobody@example.com"), TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        var thrown = (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        // xunit.v3 keeps what a test wrote (TestContext.Current.TestOutputHelper.Output): the fixture wrote the report there.
        TestContext.Current.TestOutputHelper!.Output.Should().Contain(thrown.Message).And.Contain("RCPT TO:<someone.else@example.com>");
    }
}
