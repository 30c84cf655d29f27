using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Imap;
using MailLab.Hosting.Pop3;
using MailLab.Hosting.Smtp;
using MailLab.Mail.Imap;
using MailLab.Mail.Pop3;
using MailLab.Mail.Smtp;

namespace MailLab.Hosting.Transports;

/// <summary>Opens the loopback TCP listeners of an SMTP virtual server and of a host's POP3 and IMAP services.</summary>
public static class ProtocolListeners
{
    /// <summary>The virtual server's address and port, or <paramref name="port"/> when given.</summary>
    public static LoopbackTcpListener OpenSmtp(SmtpVirtualServer server, X509Certificate2? certificate, int? port = null) =>
        LoopbackTcpListener.Open(server.Address, port ?? server.Port, (socket, stopping) =>
        {
            var connection = server.Accept(socket.RemoteEndPoint, socket.LocalEndPoint, certificate is not null);
            return SmtpConnectionRunner.RunAsync(connection, new NetworkStream(socket, ownsSocket: true), certificate, server.Host.World.Clock, stopping);
        });

    /// <summary>The POP3 service's address and port, or <paramref name="port"/> when given.</summary>
    public static LoopbackTcpListener OpenPop3(Pop3Service service, X509Certificate2? certificate, int? port = null) =>
        LoopbackTcpListener.Open(service.Address, port ?? service.Port, (socket, stopping) =>
        {
            var connection = service.Accept(socket.RemoteEndPoint, socket.LocalEndPoint, certificate is not null);
            return Pop3ConnectionRunner.RunAsync(connection, new NetworkStream(socket, ownsSocket: true), certificate, service.Host.World.Clock, stopping);
        });

    /// <summary>
    /// The IMAP service's address and its STARTTLS port, or with <paramref name="implicitTls"/> its
    /// IMAPS port (TLS from the first byte, RFC 8314 §3.2); <paramref name="port"/> when given.
    /// </summary>
    public static LoopbackTcpListener OpenImap(ImapService service, X509Certificate2 certificate, bool implicitTls, int? port = null) =>
        LoopbackTcpListener.Open(service.Address, port ?? (implicitTls ? service.ImplicitTlsPort ?? ImapService.DefaultImplicitTlsPort : service.Port), (socket, stopping) =>
        {
            var connection = service.Accept(socket.RemoteEndPoint, socket.LocalEndPoint, tlsAvailable: true, implicitTls);
            return ImapConnectionRunner.RunAsync(connection, new NetworkStream(socket, ownsSocket: true), certificate, service.Host.World.Clock, stopping, implicitTls);
        });
}
