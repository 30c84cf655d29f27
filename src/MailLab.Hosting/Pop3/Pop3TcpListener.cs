using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Transports;
using MailLab.Mail.Pop3;

namespace MailLab.Hosting.Pop3;

/// <summary>A host's POP3 TCP listener (loopback only). Closing it also ends its open sessions.</summary>
public sealed class Pop3TcpListener : IAsyncDisposable
{
    private readonly Pop3Service _service;
    private readonly X509Certificate2? _certificate;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionTracker _connections = new();
    private readonly Task _acceptLoop;

    private Pop3TcpListener(Pop3Service service, X509Certificate2? certificate, Socket socket)
    {
        _service = service;
        _certificate = certificate;
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Binds the service's address and port (or <paramref name="port"/> when given).</summary>
    public static Pop3TcpListener Open(Pop3Service service, X509Certificate2? certificate, int? port = null)
    {
        var address = Listening.LoopbackOnly(service.Address);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port ?? service.Port));
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new Pop3TcpListener(service, certificate, socket);
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
        var connection = _service.Accept(client.RemoteEndPoint, client.LocalEndPoint, _certificate is not null);
        var stream = new NetworkStream(client, ownsSocket: true);
        return Pop3ConnectionRunner.RunAsync(connection, stream, _certificate, _service.Host.World.Clock, _stopping.Token);
    }
}
