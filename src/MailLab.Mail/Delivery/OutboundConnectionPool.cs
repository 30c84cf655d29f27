using MailLab.Mail.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// A virtual server's outgoing connections (IIS Delivery tab → Outbound connections, Messages tab →
/// messages per connection; REFERENCE.md): at most <see cref="SmtpDeliverySettings.MaxOutboundConnections"/>
/// open at once, at most <see cref="SmtpDeliverySettings.MaxOutboundConnectionsPerDomain"/> to one next
/// hop, and at most <see cref="SmtpLimitsSettings.MaxMessagesPerConnection"/> messages on one
/// connection; past it a new connection is opened. A message that finds no free connection waits
/// and leaves with the next one to its next hop, together with the others waiting for it.
/// </summary>
public sealed class OutboundConnectionPool
{
    private readonly SmtpVirtualServer _server;
    private readonly object _gate = new();
    private readonly Dictionary<string, Lane> _lanes = [];
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

    /// <summary>Sends one message, on a connection of its own or shared with others to the same next hop.</summary>
    public async Task<OutboundResult> SendAsync(IOutboundSmtp outbound, OutboundRequest request)
    {
        var waiting = new Waiting(request);
        Connection? connection;
        lock (_gate)
        {
            var lane = _lanes.TryGetValue(request.ConnectionKey, out var found) ? found : _lanes[request.ConnectionKey] = new Lane();
            lane.Queue.Enqueue(waiting);
            connection = Open(lane);
        }

        if (connection is not null)
        {
            await SendAsync(outbound, connection).ConfigureAwait(false);
        }

        return await waiting.Done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a connection's messages. When it closes, its slot goes to whatever waited for one, on a
    /// work item of its own, so the caller gets back to its own message at once.
    /// </summary>
    private async Task SendAsync(IOutboundSmtp outbound, Connection connection)
    {
        var batch = connection.Messages;
        try
        {
            var results = await outbound.SendAsync(batch.ConvertAll(w => w.Request), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            foreach (var waiting in batch)
            {
                waiting.Done.TrySetException(e);
            }
        }

        Connection? next;
        lock (_gate)
        {
            connection.Lane.Open--;
            _open--;
            next = Open(connection.Lane) ?? OpenAny();
        }

        if (next is not null)
        {
            _server.Host.World.Work.Run(() => SendAsync(outbound, next));
        }
    }

    /// <summary>Opens a connection for the lane's waiting messages, if the limits allow one (under the lock).</summary>
    private Connection? Open(Lane lane)
    {
        var delivery = _server.Delivery;
        if (lane.Queue.Count == 0 || _open >= (delivery.MaxOutboundConnections ?? int.MaxValue)
            || lane.Open >= (delivery.MaxOutboundConnectionsPerDomain ?? int.MaxValue))
        {
            return null;
        }

        var max = _server.Limits.MaxMessagesPerConnection ?? int.MaxValue;
        var batch = new List<Waiting>();
        while (batch.Count < max && lane.Queue.TryDequeue(out var waiting))
        {
            batch.Add(waiting);
        }

        lane.Open++;
        _open++;
        return new Connection(lane, batch);
    }

    /// <summary>A freed slot goes to any next hop whose messages waited for the total limit.</summary>
    private Connection? OpenAny()
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

    private sealed record Connection(Lane Lane, List<Waiting> Messages);

    private sealed class Lane
    {
        public Queue<Waiting> Queue { get; } = new();

        public int Open { get; set; }
    }

    private sealed class Waiting(OutboundRequest request)
    {
        public OutboundRequest Request { get; } = request;

        public TaskCompletionSource<OutboundResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
