using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailLab.Testing.Tests;

/// <summary>The default server: any recipient at any domain accepted over real SMTP and stored per recipient, nothing relayed.</summary>
public sealed class CatchAllTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    internal static MimeMessage Letter(string from, string subject, params string[] to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Hello from the app." };
        return message;
    }

    internal static async Task SendAsync(TestMailServer mail, MimeMessage message, SecureSocketOptions tls = SecureSocketOptions.None, (string User, string Password)? auth = null)
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync(mail.SmtpHost, mail.SmtpPort, tls);
        if (auth is { } credentials)
        {
            await client.AuthenticateAsync(credentials.User, credentials.Password);
        }

        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Any_recipient_at_any_domain_is_stored_in_its_own_mailbox_and_nothing_is_relayed()
    {
        await using var mail = await TestMailServer.StartAsync();

        await SendAsync(mail, Letter("shop@app.example", "Your order", "customer@gmail.com", "bob@example.com"));

        var msg = await mail.WaitForMessageAsync(m => m.To.Contains("bob@example.com"), Wait);
        msg.Subject.Should().Be("Your order");
        msg.From.Should().Be("shop@app.example");
        msg.Envelope.MailFrom.Should().Be("shop@app.example");
        msg.Envelope.RcptTo.Should().BeEquivalentTo("customer@gmail.com", "bob@example.com");
        msg.Message.TextBody.Should().Contain("Hello from the app.");
        msg.Raw.Should().NotBeEmpty();
        var host = mail.World.Hosts.Single();
        host.Mailboxes.Find("customer@gmail.com")!.Count.Should().Be(1);
        host.Mailboxes.Find("bob@example.com")!.Count.Should().Be(1);
        host.Smtp.VirtualServers[0].Queue.Entries.Should().BeEmpty("catch-all relays nothing");
        msg.Journey.Recipients.Should().OnlyContain(r => r.State == Mail.Tracing.RecipientState.Delivered);
        msg.Journey.Route.Should().Equal("maillab.test");
        msg.Journey.Hops.Should().ContainSingle().Which.AuthenticatedAs.Should().BeNull("the app did not authenticate");
    }

    [Fact]
    public async Task Without_catch_all_the_same_recipient_is_refused_as_relaying()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.UseDefaultWorld());

        var send = () => SendAsync(mail, Letter("ivan@mail.ru", "Hi", "customer@gmail.com"));

        (await send.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.MailboxUnavailable);
    }
}
