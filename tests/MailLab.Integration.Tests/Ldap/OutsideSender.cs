using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Delivery;
using MimeKit;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>Ivan of mail.ru sending straight to rosnou.ru's TCP listener with MailKit, as a client outside the world does.</summary>
internal static class OutsideSender
{
    /// <summary>Sends one message; returns the id rosnou.ru gave it (its trace id).</summary>
    public static async Task<string> SendAsync(YamlWorld world, string to, string subject)
    {
        using var client = new SmtpClient { Timeout = 20_000 };
        var endpoint = world.TcpEndPoint("rosnou.ru");
        await client.ConnectAsync(endpoint.Address.ToString(), endpoint.Port, SecureSocketOptions.None);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Resolved through the directory." };
        var response = await client.SendAsync(message);
        await client.DisconnectAsync(true);

        // "<ML00000001@rosnou.ru> Queued mail for delivery"
        var start = response.IndexOf('<', StringComparison.Ordinal) + 1;
        return response[start..response.IndexOf('@', start)];
    }
}
