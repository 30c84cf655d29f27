using MailLab.Hosting;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Web.Api;

/// <summary>
/// One delivery into one mailbox, numbered in arrival order from 1 (its cursor): what the endpoint
/// answers with, not the message itself, so a message a reader deletes is not kept alive by the feed.
/// </summary>
internal sealed record Arrival(long Cursor, string Host, string Mailbox, string Id, string From, IReadOnlyList<string> Recipients, string Subject, DateTimeOffset Received);

/// <summary>
/// Every delivery into a mailbox of the world's hosts since the admin API started, in arrival order,
/// for <c>GET /api/messages</c>. A wait is woken by <see cref="MailboxStore.Delivered"/> (never a timer
/// that polls): each arrival completes the signal that <see cref="After"/> handed out and arms a new one.
/// </summary>
internal sealed class ArrivalFeed
{
    // At least this many of the newest arrivals are kept (at most a tenth more); an older cursor
    // reads from the oldest one kept, so a long-running `maillab up` does not grow without bound.
    // The oldest are let go a tenth at a time, so most arrivals move nothing.
    private const int Capacity = 100_000;
    private const int TrimBy = Capacity / 10;

    private readonly Lock _gate = new();

    // Consecutive cursors, oldest first: the arrivals after a cursor start at an index found by
    // subtraction, so a wait woken by each delivery does not rescan the whole feed under the lock
    // that deliveries take.
    private readonly List<Arrival> _arrivals = [];
    private long _latest;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Follows the running world, and the one that replaces it at a reset (cursors go on counting, so a client's cursor stays valid).</summary>
    public ArrivalFeed(MailLabServer runtime)
    {
        Watch(runtime.World);
        runtime.WorldReset += Watch;
    }

    private void Watch(MailWorld world)
    {
        foreach (var host in world.Hosts)
        {
            host.Mailboxes.Delivered += (mailbox, message) => Add(host.Name, mailbox.Address, message);
        }
    }

    /// <summary>
    /// The arrivals after <paramref name="cursor"/> that match, the cursor of the latest arrival (0
    /// before any), and the signal of the next one: read under one lock, so none falls between them.
    /// </summary>
    public (IReadOnlyList<Arrival> Matches, long Latest, Task Next) After(long cursor, Func<Arrival, bool> match)
    {
        lock (_gate)
        {
            var first = _arrivals.Count == 0 ? 0 : (int)Math.Clamp(cursor - _arrivals[0].Cursor + 1, 0, _arrivals.Count);
            var matches = new List<Arrival>();
            for (var i = first; i < _arrivals.Count; i++)
            {
                if (match(_arrivals[i]))
                {
                    matches.Add(_arrivals[i]);
                }
            }

            return (matches, _latest, _next.Task);
        }
    }

    private void Add(string host, string mailbox, StoredMessage message)
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _latest++;
            _arrivals.Add(new Arrival(_latest, host, mailbox, message.Id, message.HeaderFrom, message.Recipients, message.Subject, message.Received));
            if (_arrivals.Count > Capacity + TrimBy)
            {
                _arrivals.RemoveRange(0, TrimBy);
            }

            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }
}
