using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Testing;

/// <summary>
/// Every copy the world's hosts stored, in arrival order, and the waits for one: a
/// <see cref="CursorFeed{T}"/> fed by <see cref="MailboxStore.Delivered"/>, so no wait polls. A copy
/// stored for several mailboxes of one host (one <see cref="StoredMessage"/>) is one arrival.
/// </summary>
internal sealed class ArrivalLog
{
    private readonly CursorFeed<ReceivedMail> _arrivals = new();
    private readonly Lock _gate = new();
    private readonly HashSet<StoredMessage> _seen = new(ReferenceEqualityComparer.Instance);

    public ArrivalLog(MailWorld world)
    {
        foreach (var host in world.Hosts)
        {
            host.Mailboxes.Delivered += (_, message) =>
            {
                lock (_gate)
                {
                    if (!_seen.Add(message))
                    {
                        return;
                    }
                }

                _arrivals.Add(cursor => new ReceivedMail(cursor, world, message));
            };
        }
    }

    /// <summary>The cursor of the latest arrival (0 before any): a wait after it sees only later mail.</summary>
    public long Latest => _arrivals.Latest;

    public IReadOnlyList<ReceivedMail> After(long cursor) => _arrivals.After(cursor).Items;

    /// <summary>The first copy after <paramref name="cursor"/> that matches, now or when it arrives; cancelled by <paramref name="cancel"/>.</summary>
    public Task<ReceivedMail> WaitAsync(Func<ReceivedMail, bool> match, long cursor, CancellationToken cancel) =>
        _arrivals.WaitAsync(match, cursor, cancel);
}
