using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Hosting;
using MimeKit;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>MailKit, the reference client, set up to trust exactly the certificate MailLab generated.</summary>
public static class MailKitClients
{
    public static async Task<SmtpClient> ConnectSmtpAsync(MailLabServer server, IPEndPoint endPoint, SecureSocketOptions security = SecureSocketOptions.StartTls)
    {
        var expected = server.Certificate.GetCertHashString();
        var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 20_000,
        };
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, security);
        return client;
    }

    /// <summary>Ivan submits one plain-text message over STARTTLS and AUTH; returns the server's final reply.</summary>
    public static async Task<string> SubmitAsIvanAsync(MailLabServer server, IPEndPoint endPoint, string to, string subject, string body = "Привет!")
    {
        using var client = await ConnectSmtpAsync(server, endPoint);
        await client.AuthenticateAsync("ivan@mail.ru", "ivan123");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        var response = await client.SendAsync(message);
        await client.DisconnectAsync(true);
        return response;
    }
}
