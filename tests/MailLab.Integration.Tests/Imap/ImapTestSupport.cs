using System.Net;
using MailKit.Net.Imap;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Imap;

/// <summary>IMAP endpoints and MailKit's ImapClient over TCP, trusting MailLab's certificate.</summary>
internal static class ImapTestSupport
{
    public const string Student = "student@rosnou.ru";
    public const string StudentPassword = "student123";

    public static IPEndPoint ImapEndPoint(this TestWorld world, MailHost host) => ImapEndPoint(world.Server, host);

    public static IPEndPoint ImapEndPoint(MailLabServer server, MailHost host) =>
        server.GetImapEndPoint(host.Imap) ?? throw new InvalidOperationException($"{host.Name} has no IMAP listener.");

    public static IPEndPoint ImapsEndPoint(this TestWorld world, MailHost host) =>
        world.Server.GetImapsEndPoint(host.Imap) ?? throw new InvalidOperationException($"{host.Name} has no IMAPS listener.");

    public static Task<ImapClient> ConnectImapAsync(this TestWorld world, MailHost host, SecureSocketOptions security = SecureSocketOptions.None) =>
        ConnectImapAsync(world.Server, host, security);

    /// <summary>
    /// MailKit's ImapClient connected to the host's IMAP listener (<see cref="SecureSocketOptions.SslOnConnect"/>:
    /// to its IMAPS listener).
    /// </summary>
    public static async Task<ImapClient> ConnectImapAsync(MailLabServer server, MailHost host, SecureSocketOptions security = SecureSocketOptions.None)
    {
        var expected = server.Certificate.GetCertHashString();
        var client = new ImapClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 20_000,
        };
        var endPoint = security == SecureSocketOptions.SslOnConnect
            ? server.GetImapsEndPoint(host.Imap) ?? throw new InvalidOperationException($"{host.Name} has no IMAPS listener.")
            : ImapEndPoint(server, host);
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, security);
        return client;
    }

    /// <summary>A server on the default topology and <paramref name="dataDirectory"/>, started (tests that restart it on the same directory).</summary>
    public static async Task<MailLabServer> StartOnAsync(string dataDirectory, TimeProvider clock)
    {
        var server = new MailLabServer(DefaultTopology.Create(clock, portOffsetToZero: true), dataDirectory: dataDirectory);
        await server.StartAsync();
        return server;
    }

    /// <summary>MailKit logged on as the student to rosnou.ru's IMAP listener.</summary>
    public static async Task<ImapClient> StudentAsync(MailLabServer server)
    {
        var client = await ConnectImapAsync(server, server.World.FindHost("rosnou.ru")!);
        await client.AuthenticateAsync(Student, StudentPassword);
        return client;
    }

    /// <summary>Logs the student on with the given SASL mechanism (or LOGIN when null).</summary>
    public static async Task<ImapClient> StudentAsync(this TestWorld world, SecureSocketOptions security = SecureSocketOptions.None)
    {
        var client = await world.ConnectImapAsync(world.Rosnou, security);
        await client.AuthenticateAsync(Student, StudentPassword);
        return client;
    }
}
