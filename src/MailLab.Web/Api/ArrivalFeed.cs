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
/// for <c>GET /api/messages</c>: a <see cref="CursorFeed{T}"/> fed by <see cref="MailboxStore.Delivered"/>,
/// so a wait is woken by a delivery, never by a timer that polls.
/// </summary>
internal sealed class ArrivalFeed
{
    // At least this many of the newest arrivals are kept, so a long-running `maillab up` does not grow without bound.
    private const int Capacity = 100_000;

    private readonly CursorFeed<Arrival> _arrivals = new(Capacity);

    /// <summary>Follows the running world, and the one that replaces it at a reset (cursors go on counting, so a client's cursor stays valid).</summary>
    public ArrivalFeed(MailLabServer runtime)
    {
        Watch(runtime.World);
        runtime.WorldReset += Watch;
    }

    /// <summary>The arrivals after <paramref name="cursor"/> that match, and the cursor of the latest arrival (0 before any), read together.</summary>
    public (IReadOnlyList<Arrival> Matches, long Latest) After(long cursor, Func<Arrival, bool> match) => _arrivals.After(cursor, match);

    /// <summary>The first arrival after <paramref name="cursor"/> that matches, now or when it comes.</summary>
    public Task<Arrival> WaitAsync(long cursor, Func<Arrival, bool> match, CancellationToken cancel) => _arrivals.WaitAsync(match, cursor, cancel);

    private void Watch(MailWorld world)
    {
        foreach (var host in world.Hosts)
        {
            host.Mailboxes.Delivered += (mailbox, message) =>
                _arrivals.Add(cursor => new Arrival(cursor, host.Name, mailbox.Address, message.Id, message.HeaderFrom, message.Recipients, message.Subject, message.Received));
        }
    }
}
