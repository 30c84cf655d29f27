using System.Diagnostics.CodeAnalysis;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// One outgoing SMTP connection of an <see cref="OutboundConnectionPool"/>, as the wire sees it. The
/// wire takes the messages one at a time with <see cref="TryTakeNext"/> (the first call always gives
/// one: the message the connection was opened for), each after the previous one's final reply, and
/// answers each with <see cref="Complete"/>. When <see cref="TryTakeNext"/> says there is no more, the
/// connection has closed itself to newcomers and the wire sends QUIT. Messages that share a
/// connection share its terms (<see cref="OutboundRequest.ConnectionKey"/>).
/// </summary>
/// <remarks>
/// IIS "messages per connection" (docs/REFERENCE.md, "Messages tab"): a connection carries waiting messages
/// until none is left or the limit is reached; past the limit a new connection carries on.
/// </remarks>
public sealed class OutboundConnection
{
    private readonly OutboundConnectionPool _pool;
    private readonly List<OutboundConnectionPool.Waiting> _unanswered = [];
    private OutboundConnectionPool.Waiting? _first;

    internal OutboundConnection(OutboundConnectionPool pool, OutboundConnectionPool.Lane lane, OutboundConnectionPool.Waiting first)
    {
        _pool = pool;
        _first = first;
        Lane = lane;
        Target = first.Request.Target;
        RequireTls = first.Request.RequireTls;
        Taken = 1;
    }

    /// <summary>The next hop every message on this connection goes to.</summary>
    public OutboundTarget Target { get; }

    /// <summary>Whether this connection must use STARTTLS (the virtual server's or the route's choice).</summary>
    public bool RequireTls { get; }

    /// <summary>Messages taken so far, the first included (changed under the pool's lock).</summary>
    internal int Taken { get; set; }

    /// <summary>Takes no more messages: it said so to the wire, reached its limit, or ended (under the pool's lock).</summary>
    internal bool Closed { get; set; }

    internal OutboundConnectionPool.Lane Lane { get; }

    /// <summary>
    /// The next message for this connection: first the one it was opened for, then the next one
    /// waiting for its next hop, while fewer than the messages-per-connection limit were taken.
    /// False when there is none: from then on the connection takes nothing more, and a message that
    /// arrives opens a connection of its own.
    /// </summary>
    public bool TryTakeNext([NotNullWhen(true)] out OutboundRequest? request)
    {
        var waiting = Interlocked.Exchange(ref _first, null);
        if (waiting is null && !_pool.TryTake(this, out waiting))
        {
            request = null;
            return false;
        }

        lock (_unanswered)
        {
            _unanswered.Add(waiting);
        }

        request = waiting.Request;
        return true;
    }

    /// <summary>Answers a message this connection took: its sender's wait is over.</summary>
    /// <exception cref="InvalidOperationException">The message was not taken by this connection or was already answered.</exception>
    public void Complete(OutboundRequest request, OutboundResult result)
    {
        OutboundConnectionPool.Waiting? waiting;
        lock (_unanswered)
        {
            var index = _unanswered.FindIndex(w => ReferenceEquals(w.Request, request));
            if (index < 0)
            {
                throw new InvalidOperationException($"Message {request.TraceId} is not waiting for an answer on this connection.");
            }

            waiting = _unanswered[index];
            _unanswered.RemoveAt(index);
        }

        waiting.Done.TrySetResult(result);
    }

    /// <summary>
    /// After the wire returned: a message it took and left unanswered (or the first, never taken)
    /// fails with the wire's exception, else with 451 4.4.2 (transient: the queue manager retries
    /// it), so no sender waits for ever.
    /// </summary>
    internal void FailUnanswered(Exception? exception)
    {
        OutboundConnectionPool.Waiting[] left;
        lock (_unanswered)
        {
            left = [.. _unanswered];
            _unanswered.Clear();
        }

        if (Interlocked.Exchange(ref _first, null) is { } first)
        {
            left = [first, .. left];
        }

        foreach (var waiting in left)
        {
            if (exception is not null)
            {
                waiting.Done.TrySetException(exception);
            }
            else
            {
                var reply = new SmtpReply(451, "4.4.2", $"Connection to {Target.Name} ended before the message was sent");
                waiting.Done.TrySetResult(OutboundResult.Failed(reply));
            }
        }
    }
}
