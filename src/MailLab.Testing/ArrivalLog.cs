using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Testing;

/// <summary>
/// Every copy the world's hosts stored, in arrival order, and the waits for one: a delivery
/// (<see cref="MailboxStore.Delivered"/>) completes the waits it matches at once, so no wait polls.
/// A wait looks only at copies after its cursor. A copy stored for several mailboxes of one host
/// (one <see cref="StoredMessage"/>) is one arrival.
/// </summary>
internal sealed class ArrivalLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedMail> _arrivals = [];
    private readonly HashSet<StoredMessage> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly MailWorld _world;

    public ArrivalLog(MailWorld world)
    {
        _world = world;
        foreach (var host in world.Hosts)
        {
            host.Mailboxes.Delivered += (_, message) => Add(message);
        }
    }

    /// <summary>The cursor of the latest arrival (0 before any): a wait after it sees only later mail.</summary>
    public long Latest
    {
        get
        {
            lock (_gate)
            {
                return _arrivals.Count;
            }
        }
    }

    public IReadOnlyList<ReceivedMail> After(long cursor)
    {
        lock (_gate)
        {
            return _arrivals.Skip((int)Math.Min(cursor, _arrivals.Count)).ToArray();
        }
    }

    /// <summary>The first copy after <paramref name="cursor"/> that matches, now or when it arrives; cancelled by <paramref name="cancel"/>.</summary>
    public Task<ReceivedMail> WaitAsync(Func<ReceivedMail, bool> match, long cursor, CancellationToken cancel)
    {
        Waiter waiter;
        lock (_gate)
        {
            for (var i = (int)Math.Min(cursor, _arrivals.Count); i < _arrivals.Count; i++)
            {
                if (match(_arrivals[i]))
                {
                    return Task.FromResult(_arrivals[i]);
                }
            }

            waiter = new Waiter(match, cursor);
            waiter.Node = _waiters.AddLast(waiter);
        }

        waiter.Registration = cancel.Register(() =>
        {
            lock (_gate)
            {
                if (waiter.Node?.List is not null)
                {
                    _waiters.Remove(waiter.Node);
                }
            }

            waiter.Done.TrySetCanceled(cancel);
        });
        return waiter.Done.Task;
    }

    private void Add(StoredMessage message)
    {
        List<(Waiter Waiter, ReceivedMail Mail)> woken = [];
        lock (_gate)
        {
            if (!_seen.Add(message))
            {
                return;
            }

            var mail = new ReceivedMail(_arrivals.Count + 1, _world, message);
            _arrivals.Add(mail);
            for (var node = _waiters.First; node is not null;)
            {
                var next = node.Next;
                if (mail.Cursor > node.Value.Cursor && node.Value.Match(mail))
                {
                    _waiters.Remove(node);
                    woken.Add((node.Value, mail));
                }

                node = next;
            }
        }

        // Completed outside the lock: a continuation may start another wait at once.
        foreach (var (waiter, mail) in woken)
        {
            waiter.Registration.Dispose();
            waiter.Done.TrySetResult(mail);
        }
    }

    private sealed class Waiter(Func<ReceivedMail, bool> match, long cursor)
    {
        public Func<ReceivedMail, bool> Match { get; } = match;

        public long Cursor { get; } = cursor;

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public TaskCompletionSource<ReceivedMail> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
