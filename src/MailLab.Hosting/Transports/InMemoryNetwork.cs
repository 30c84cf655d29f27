using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailLab.Hosting.Smtp;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Hosting.Transports;

/// <summary>
/// The in-memory transport: a connection is a pair of pipes, served by the same session code as
/// TCP. Used by simulations, scenarios and tests; a stopped virtual server refuses the connection
/// exactly as a closed TCP port would.
/// </summary>
public sealed class InMemoryNetwork : IAsyncDisposable
{
    private readonly X509Certificate2? _certificate;
    private readonly ConnectionTracker _connections = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SmtpVirtualServer, CancellationTokenSource> _sessions = new();
    private readonly CancellationTokenSource _pop3Stopping = new();
    private int _nextClientPort = 49152;

    public InMemoryNetwork(X509Certificate2? certificate)
    {
        _certificate = certificate;
    }

    /// <summary>
    /// Connects to a virtual server as a client at <paramref name="clientAddress"/> (default 127.0.0.1),
    /// from a port of its own (<see cref="NextClientPort"/>), as a TCP client leaves from an ephemeral port.
    /// </summary>
    public Stream Connect(SmtpVirtualServer server, IPAddress? clientAddress = null) => Connect(server, clientAddress, out _);

    /// <summary>
    /// Connects as <see cref="Connect(SmtpVirtualServer, IPAddress?)"/> does and says where from: the
    /// client's local endpoint, which the server sees as the remote one (what pairs the two sides of
    /// a hop in the trace, as over TCP).
    /// </summary>
    public Stream Connect(SmtpVirtualServer server, IPAddress? clientAddress, out IPEndPoint localEndPoint)
    {
        if (server.State == VirtualServerState.Stopped)
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var remote = localEndPoint = new IPEndPoint(clientAddress ?? IPAddress.Loopback, NextClientPort());
        var local = new IPEndPoint(Listening.LoopbackOnly(server.Address), server.BoundPort ?? server.Port);
        var (client, serverEnd) = DuplexPipeStream.CreatePair();
        var connection = server.Accept(remote, local, _certificate is not null);
        var stopping = _sessions.GetOrAdd(server, _ => new CancellationTokenSource()).Token;
        _connections.Track(Task.Run(() => SmtpConnectionRunner.RunAsync(connection, serverEnd, _certificate, server.Host.World.Clock, stopping)));
        return client;
    }

    /// <summary>
    /// Connects to a host's POP3 service. Its sessions end when the network is disposed; a disabled
    /// service refuses the connection as a closed TCP port would.
    /// </summary>
    public Stream ConnectPop3(Mail.Pop3.Pop3Service service, IPAddress? clientAddress = null)
    {
        if (!service.Enabled)
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var remote = new IPEndPoint(clientAddress ?? IPAddress.Loopback, NextClientPort());
        var local = new IPEndPoint(Listening.LoopbackOnly(service.Address), service.BoundPort ?? service.Port);
        var (client, serverEnd) = DuplexPipeStream.CreatePair();
        var connection = service.Accept(remote, local, _certificate is not null);
        _connections.Track(Task.Run(() => Pop3.Pop3ConnectionRunner.RunAsync(connection, serverEnd, _certificate, service.Host.World.Clock, _pop3Stopping.Token)));
        return client;
    }

    /// <summary>
    /// Connects to a host's IMAP service (its IMAPS side with <paramref name="implicitTls"/>). Its
    /// sessions end with <c>* BYE</c> when the network is disposed; a switched-off service refuses
    /// the connection as a closed TCP port would.
    /// </summary>
    public Stream ConnectImap(Mail.Imap.ImapService service, IPAddress? clientAddress = null, bool implicitTls = false)
    {
        if (!service.Enabled || (implicitTls && (_certificate is null || service.ImplicitTlsPort is null)))
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var remote = new IPEndPoint(clientAddress ?? IPAddress.Loopback, NextClientPort());
        var local = new IPEndPoint(Listening.LoopbackOnly(service.Address), implicitTls ? service.BoundImplicitTlsPort ?? service.ImplicitTlsPort ?? 0 : service.BoundPort ?? service.Port);
        var (client, serverEnd) = DuplexPipeStream.CreatePair();
        var connection = service.Accept(remote, local, _certificate is not null, implicitTls);
        _connections.Track(Task.Run(() => Imap.ImapConnectionRunner.RunAsync(connection, serverEnd, _certificate, service.Host.World.Clock, _pop3Stopping.Token, implicitTls)));
        return client;
    }

    /// <summary>Whether servers reached over this network offer STARTTLS (there is a certificate).</summary>
    public bool TlsAvailable => _certificate is not null;

    /// <summary>The next ephemeral port a simulated client connects from (49152–65535, RFC 6335).</summary>
    public int NextClientPort() => 49152 + (Interlocked.Increment(ref _nextClientPort) % 16384);

    /// <summary>Ends the open sessions of a virtual server that was stopped (they get 421 4.3.2).</summary>
    public void CloseSessions(SmtpVirtualServer server)
    {
        if (_sessions.TryRemove(server, out var stopping))
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _sessions.Keys)
        {
            CloseSessions(server);
        }

        await _pop3Stopping.CancelAsync().ConfigureAwait(false);
        await _connections.WhenAllAsync().ConfigureAwait(false);
        _pop3Stopping.Dispose();
    }
}
