using System.Diagnostics.CodeAnalysis;
using MailLab.Mail.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// A virtual server's outgoing connections (IIS Delivery tab → Outbound connections, Messages tab →
/// messages per connection; docs/REFERENCE.md, "Delivery tab"): at most <see cref="SmtpDeliverySettings.MaxOutboundConnections"/>
/// open at once, at most <see cref="SmtpDeliverySettings.MaxOutboundConnectionsPerDomain"/> to one next
/// hop, and at most <see cref="SmtpLimitsSettings.MaxMessagesPerConnection"/> messages on one connection.
/// </summary>
/// <remarks>
/// Connections pull their messages, as IIS does: a message to a next hop that already has an open
/// connection with room left (fewer than the limit taken) waits in that next hop's lane and is taken
/// by it after its current message; only a message beyond the room of the open connections opens a
/// new one, if the limits allow. A connection that finds its lane empty, or reaches the limit, closes
/// to newcomers under the lock, so a message arriving at that moment opens a connection of its own
/// and is never stranded. A message that found no free slot waits for the next one to be freed.
/// </remarks>
public sealed class OutboundConnectionPool
{
    private readonly SmtpVirtualServer _server;
    private readonly object _gate = new();
    private readonly Dictionary<OutboundConnectionKey, Lane> _lanes = [];
    private int _open;

    public OutboundConnectionPool(SmtpVirtualServer server)
    {
        _server = server;
    }

    /// <summary>Connections open now (to every next hop).</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>Messages waiting to be taken by a connection (to every next hop).</summary>
    public int WaitingMessages
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Values.Sum(l => l.Queue.Count);
            }
        }
    }

    /// <summary>Sends one message, on a connection it opens or on one already open to the same next hop.</summary>
    public async Task<OutboundResult> SendAsync(IOutboundSmtp outbound, OutboundRequest request)
    {
        var waiting = new Waiting(request);
        OutboundConnection? connection;
        lock (_gate)
        {
            var key = request.ConnectionKey;
            var lane = _lanes.TryGetValue(key, out var found) ? found : _lanes[key] = new Lane();
            lane.Queue.Enqueue(waiting);
            connection = Open(lane);
        }

        if (connection is not null)
        {
            await RunAsync(outbound, connection).ConfigureAwait(false);
        }

        return await waiting.Done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// The next waiting message for <paramref name="connection"/>, or false (and the connection
    /// takes nothing more) when its lane is empty or it reached the messages-per-connection limit.
    /// </summary>
    internal bool TryTake(OutboundConnection connection, [NotNullWhen(true)] out Waiting? waiting)
    {
        lock (_gate)
        {
            if (!connection.Closed && connection.Taken < MaxPerConnection && connection.Lane.Queue.TryDequeue(out waiting))
            {
                connection.Taken++;
                return true;
            }

            connection.Closed = true;
            waiting = null;
            return false;
        }
    }

    /// <summary>
    /// Runs a connection on the wire. When it ends, its slot goes to whatever waited for one, on a
    /// work item of its own, so the caller gets back to its own message at once.
    /// </summary>
    private async Task RunAsync(IOutboundSmtp outbound, OutboundConnection connection)
    {
        Exception? failure = null;
        try
        {
            await outbound.SendAsync(connection, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        OutboundConnection? next;
        lock (_gate)
        {
            var lane = connection.Lane;
            connection.Closed = true;
            lane.Connections.Remove(connection);
            _open--;
            next = Open(lane) ?? OpenAny();
        }

        connection.FailUnanswered(failure);
        if (next is not null)
        {
            _server.Host.World.Work.Run(() => RunAsync(outbound, next));
        }
    }

    private int MaxPerConnection => _server.Limits.MaxMessagesPerConnection ?? int.MaxValue;

    /// <summary>
    /// Opens a connection for the lane's waiting messages (under the lock) when the open connections'
    /// room cannot take them all and the limits allow one more; it takes the first waiting message.
    /// </summary>
    private OutboundConnection? Open(Lane lane)
    {
        var delivery = _server.Delivery;
        if (lane.Queue.Count <= lane.Room(MaxPerConnection) || _open >= (delivery.MaxOutboundConnections ?? int.MaxValue)
            || lane.Connections.Count >= (delivery.MaxOutboundConnectionsPerDomain ?? int.MaxValue))
        {
            return null;
        }

        var connection = new OutboundConnection(this, lane, lane.Queue.Dequeue());
        lane.Connections.Add(connection);
        _open++;
        return connection;
    }

    /// <summary>A freed slot goes to any next hop whose messages waited for the total limit.</summary>
    private OutboundConnection? OpenAny()
    {
        foreach (var lane in _lanes.Values)
        {
            if (Open(lane) is { } connection)
            {
                return connection;
            }
        }

        return null;
    }

    /// <summary>The messages waiting for one next hop (one connection key) and its open connections.</summary>
    internal sealed class Lane
    {
        public Queue<Waiting> Queue { get; } = new();

        /// <summary>Open connections, until their wire returns (the closed ones still count against the limits).</summary>
        public List<OutboundConnection> Connections { get; } = [];

        /// <summary>How many more messages the open connections still take (under the lock).</summary>
        public long Room(int maxPerConnection)
        {
            long room = 0;
            foreach (var connection in Connections)
            {
                if (!connection.Closed)
                {
                    room += Math.Max(0, maxPerConnection - connection.Taken);
                }
            }

            return room;
        }
    }

    /// <summary>A message and its sender's wait for the answer.</summary>
    internal sealed class Waiting(OutboundRequest request)
    {
        public OutboundRequest Request { get; } = request;

        public TaskCompletionSource<OutboundResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
