using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Hosting;

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
}
