using System.Net;
using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Stores;
using MailLab.Mail.World;
using MimeKit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>POP3 endpoints, MailKit's Pop3Client, and messages put straight into a mailbox.</summary>
internal static class Pop3TestSupport
{
    public static IPEndPoint Pop3EndPoint(this TestWorld world, MailHost host) => Pop3EndPoint(world.Server, host);

    public static IPEndPoint Pop3EndPoint(MailLabServer server, MailHost host) =>
        server.GetPop3EndPoint(host.Pop3) ?? throw new InvalidOperationException($"{host.Name} has no POP3 listener.");

    public static Task<Pop3Client> ConnectPop3Async(this TestWorld world, MailHost host, SecureSocketOptions security = SecureSocketOptions.None) =>
        ConnectPop3Async(world.Server, host, security);

    /// <summary>MailKit's Pop3Client connected over TCP to the host's POP3 listener, trusting MailLab's certificate.</summary>
    public static async Task<Pop3Client> ConnectPop3Async(MailLabServer server, MailHost host, SecureSocketOptions security = SecureSocketOptions.None)
    {
        var expected = server.Certificate.GetCertHashString();
        var client = new Pop3Client
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 20_000,
        };
        var endPoint = Pop3EndPoint(server, host);
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, security);
        return client;
    }

    /// <summary>Stores a message for <paramref name="address"/> as local delivery would. The body has a line that starts with ".".</summary>
    public static StoredMessage Seed(MailHost host, string address, string subject)
    {
        var text = $"From: ivan@mail.ru\r\nTo: {address}\r\nSubject: {subject}\r\nMessage-ID: <{subject.Replace(' ', '-')}@mail.ru>\r\n\r\nFirst line\r\n.leading dot\r\nLast line\r\n";
        var world = host.World;
        var message = new StoredMessage(world.NextMessageSequence(), host.Name, "ivan@mail.ru", [address], Encoding.UTF8.GetBytes(text), world.Clock.GetUtcNow());
        var mailbox = host.Mailboxes.Find(address) ?? host.Mailboxes.Create(address);
        host.Mailboxes.Deliver(mailbox, message);
        return message;
    }

    /// <summary>Sends one message from ivan@mail.ru straight to rosnou.ru's SMTP listener over TCP (no relay).</summary>
    public static async Task SendDirectAsync(TestWorld world, string to, string subject = "direct")
    {
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(world.Rosnou), SecureSocketOptions.None);
        await client.SendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(to)], subject, new TextPart("plain") { Text = "hello" }));
        await client.DisconnectAsync(true);
    }

    /// <summary>A loopback port that was free a moment ago (for winpop set port, which needs 1-65535).</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Waits (briefly) until the server has noticed a closed connection and freed the maildrop.</summary>
    public static async Task WaitUnlockedAsync(MailHost host, string address)
    {
        for (var i = 0; i < 500 && host.Pop3.MaildropLocks.IsLocked(address); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        host.Pop3.MaildropLocks.IsLocked(address).Should().BeFalse("the maildrop lock is released when the session ends");
    }
}
