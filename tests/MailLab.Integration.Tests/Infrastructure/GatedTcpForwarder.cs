using System.Net;
using System.Net.Sockets;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of a real server (slapd) that holds every answer back until
/// the test opens its gate: requests reach the server at once, what the server says waits. A directory
/// that is slow on purpose, with no sleeps: <see cref="HeldAsync"/> completes once the given number of
/// connections are held, and <see cref="Open"/> lets every held and later answer through. While
/// <see cref="Refusing"/>, it closes each new connection at once: a directory that is down.
/// </summary>
internal sealed class GatedTcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly CountLatch _held = new(TimeSpan.FromSeconds(30));
    private readonly Task _accepting;

    public GatedTcpForwarder(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The LDAP Routing tab's Server for this forwarder.</summary>
    public string Server => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes when <paramref name="count"/> connections have been accepted with the gate shut (fails after 30 s).</summary>
    public Task HeldAsync(int count) => _held.ReachedAsync(count);

    /// <summary>Whether new connections are closed as soon as they are accepted.</summary>
    public bool Refusing { get; set; }

    /// <summary>Lets the server's answers through, held ones first.</summary>
    public void Open() => _gate.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Open();
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (Refusing)
            {
                client.Dispose();
                continue;
            }

            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            if (!_gate.Task.IsCompleted)
            {
                _held.Increment();
            }

            _ = PumpAsync(client.GetStream(), server.GetStream(), gated: false);
            _ = PumpAsync(server.GetStream(), client.GetStream(), gated: true);
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool gated)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    to.Close();
                    return;
                }

                if (gated)
                {
                    await _gate.Task.WaitAsync(_stop.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The test is over or a side closed.
        }
    }
}
