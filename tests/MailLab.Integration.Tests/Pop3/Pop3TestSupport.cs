using System.Net;
using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>POP3 endpoints, MailKit's Pop3Client, and messages put straight into a mailbox.</summary>
internal static class Pop3TestSupport
{
    public static IPEndPoint Pop3EndPoint(this TestWorld world, MailHost host) =>
        world.Server.GetPop3EndPoint(host.Pop3) ?? throw new InvalidOperationException($"{host.Name} has no POP3 listener.");

    public static async Task<Pop3Client> ConnectPop3Async(this TestWorld world, MailHost host, SecureSocketOptions security = SecureSocketOptions.None)
    {
        var expected = world.Server.Certificate.GetCertHashString();
        var client = new Pop3Client
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 20_000,
        };
        var endPoint = world.Pop3EndPoint(host);
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
