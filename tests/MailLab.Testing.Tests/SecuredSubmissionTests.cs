using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>An app's credentials and STARTTLS are really checked when the options require them (RFC 3207 §4, RFC 4954 §6).</summary>
public sealed class SecuredSubmissionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static Task<TestMailServer> StartSecuredAsync() =>
        TestMailServer.StartAsync(o => o.AddAccount("app@shop.example", "s3cret").RequireAuthentication().RequireTls());

    [Fact]
    public async Task MailKit_with_starttls_and_auth_is_accepted_and_the_journey_shows_both()
    {
        await using var mail = await StartSecuredAsync();
        var cursor = mail.Mark();

        await SendAsync(mail, Letter("app@shop.example", "Welcome", "new.user@gmail.com"), SecureSocketOptions.StartTls, ("app@shop.example", "s3cret"));

        var msg = await cursor.WaitForMessageAsync(m => m.To.Contains("new.user@gmail.com"), Wait);
        var hop = msg.Journey.Hops.Should().ContainSingle().Which;
        hop.UsedTls.Should().BeTrue();
        hop.UsedAuth.Should().BeTrue(msg.Journey.Describe());
        hop.AuthenticatedAs.Should().Be("app@shop.example");
        hop.Transcript.Should().Contain(l => l.Side == "C" && l.Text.StartsWith("STARTTLS"));
    }

    [Fact]
    public async Task MailKit_without_tls_is_refused_530()
    {
        await using var mail = await StartSecuredAsync();

        var send = () => SendAsync(mail, Letter("app@shop.example", "Welcome", "new.user@gmail.com"), SecureSocketOptions.None);

        (await send.Should().ThrowAsync<MailKit.ServiceNotAuthenticatedException>()).Which.Message.Should().Contain("STARTTLS");
    }

    [Fact]
    public async Task MailKit_with_a_wrong_password_is_refused_535()
    {
        await using var mail = await StartSecuredAsync();

        var send = () => SendAsync(mail, Letter("app@shop.example", "Welcome", "new.user@gmail.com"), SecureSocketOptions.StartTls, ("app@shop.example", "wrong"));

        await send.Should().ThrowAsync<AuthenticationException>();
    }

    [Fact]
    public async Task System_Net_Mail_SmtpClient_with_starttls_and_auth_is_accepted()
    {
        await using var mail = await StartSecuredAsync();
        var cursor = mail.Mark();
        var thumbprint = mail.Certificate.Thumbprint;
#pragma warning disable SYSLIB0014 // System.Net.Mail checks certificates only through ServicePointManager.
        ServicePointManager.ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint;
#pragma warning restore SYSLIB0014
        using (var client = new System.Net.Mail.SmtpClient(mail.SmtpHost, mail.SmtpPort)
        {
            EnableSsl = true,
            Credentials = new NetworkCredential("app@shop.example", "s3cret"),
        })
        {
            await client.SendMailAsync(new System.Net.Mail.MailMessage("app@shop.example", "bob@example.com", "Receipt", "Thank you."));
        }

        var msg = await cursor.WaitForMessageAsync(m => m.To.Contains("bob@example.com"), Wait);
        msg.Subject.Should().Be("Receipt");
        msg.Journey.Hops.Single().UsedTls.Should().BeTrue();
        msg.Journey.Hops.Single().UsedAuth.Should().BeTrue();
    }
}
