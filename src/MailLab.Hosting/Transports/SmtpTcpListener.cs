using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Smtp;
using MailLab.Mail.Smtp;

namespace MailLab.Hosting.Transports;

/// <summary>A virtual server's TCP listener (loopback only). Closing it also ends its open sessions.</summary>
public sealed class SmtpTcpListener : IAsyncDisposable
{
    private readonly SmtpVirtualServer _server;
    private readonly X509Certificate2? _certificate;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionTracker _connections = new();
    private readonly Task _acceptLoop;

    private SmtpTcpListener(SmtpVirtualServer server, X509Certificate2? certificate, Socket socket)
    {
        _server = server;
        _certificate = certificate;
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Binds the virtual server's address and port (or <paramref name="port"/> when given).</summary>
    public static SmtpTcpListener Open(SmtpVirtualServer server, X509Certificate2? certificate, int? port = null)
    {
        var address = Listening.LoopbackOnly(server.Address);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port ?? server.Port));
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new SmtpTcpListener(server, certificate, socket);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Closed while accepting.
        }

        await _connections.WhenAllAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            client.NoDelay = true;
            _connections.Track(RunAsync(client));
        }
    }

    private Task RunAsync(Socket client)
    {
        var connection = _server.Accept(client.RemoteEndPoint, client.LocalEndPoint, _certificate is not null);
        var stream = new NetworkStream(client, ownsSocket: true);
        return SmtpConnectionRunner.RunAsync(connection, stream, _certificate, _server.Host.World.Clock, _stopping.Token);
    }
}
