using System.Net;
using System.Net.Sockets;
using MailLab.Mail.World;

namespace MailLab.Hosting.Transports;

/// <summary>
/// A TCP listener on loopback that hands each accepted socket to a protocol's connection runner
/// (SMTP, POP3). Closing it also ends its open sessions.
/// </summary>
public sealed class LoopbackTcpListener : IAsyncDisposable
{
    private readonly Func<Socket, CancellationToken, Task> _serve;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _accepting = new();
    private readonly ConnectionTracker _connections = new();
    private readonly Task _acceptLoop;

    private LoopbackTcpListener(Func<Socket, CancellationToken, Task> serve, Socket socket)
    {
        _serve = serve;
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Binds <paramref name="configured"/> (mapped to loopback) and <paramref name="port"/>; <paramref name="serve"/> runs each connection.</summary>
    public static LoopbackTcpListener Open(IPAddress configured, int port, Func<Socket, CancellationToken, Task> serve)
    {
        var address = Listening.LoopbackOnly(configured);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new LoopbackTcpListener(serve, socket);
    }

    /// <summary>
    /// Closes the listening socket, so the port is free at once, but lets the open sessions run to
    /// their end (a POP3 port change); <see cref="DisposeAsync"/> still ends whatever is left.
    /// </summary>
    public async Task StopAcceptingAsync()
    {
        await _accepting.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Closed while accepting.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await StopAcceptingAsync().ConfigureAwait(false);
        await _connections.WhenAllAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _accepting.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_accepting.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_accepting.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_accepting.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            client.NoDelay = true;
            _connections.Track(RunAsync(client));
        }
    }

    private Task RunAsync(Socket client) => _serve(client, _stopping.Token);
}
