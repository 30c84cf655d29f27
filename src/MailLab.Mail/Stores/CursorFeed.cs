namespace MailLab.Mail.Stores;

/// <summary>
/// Items numbered 1, 2, 3… in the order they are added (an item's number is its cursor), and waits for
/// the first item after a cursor that matches. Adding completes the waits it matches at once, so no wait
/// polls: the API's long poll (<c>GET /api/messages?wait=</c>) and MailLab.Testing's
/// <c>WaitForMessageAsync</c> both wait on one of these.
/// </summary>
/// <remarks>
/// With a capacity, at least that many of the newest items are kept (at most a tenth more): the oldest
/// go a tenth at a time, so most additions move nothing, and an older cursor reads from the oldest kept.
/// Cursors go on counting, so a reader's cursor stays valid. Items are kept in a list by cursor, so the
/// items after a cursor start at an index found by subtraction, not by a scan under the lock adders take.
/// </remarks>
public sealed class CursorFeed<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly long _capacity;
    private readonly int _trimBy;
    private long _dropped;

    /// <summary>A feed that keeps at least <paramref name="capacity"/> of its newest items (all of them by default).</summary>
    public CursorFeed(int capacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _trimBy = Math.Max(1, capacity / 10);
    }

    /// <summary>The cursor of the latest item (0 before any): a wait after it sees only later items.</summary>
    public long Latest
    {
        get
        {
            lock (_gate)
            {
                return _dropped + _items.Count;
            }
        }
    }

    /// <summary>Adds the item <paramref name="create"/> makes for its cursor, and completes the waits it matches.</summary>
    public T Add(Func<long, T> create)
    {
        List<(Waiter Waiter, T Item)>? woken = null;
        T item;
        lock (_gate)
        {
            item = create(_dropped + _items.Count + 1);
            _items.Add(item);
            if (_items.Count > _capacity + _trimBy)
            {
                _items.RemoveRange(0, _trimBy);
                _dropped += _trimBy;
            }

            for (var node = _waiters.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Match(item))
                {
                    _waiters.Remove(node);
                    (woken ??= []).Add((node.Value, item));
                }

                node = next;
            }
        }

        // Completed outside the lock: a continuation may add or wait at once.
        foreach (var (waiter, found) in woken ?? [])
        {
            waiter.Registration.Dispose();
            waiter.Done.TrySetResult(found);
        }

        return item;
    }

    /// <summary>The items after <paramref name="cursor"/> that match (all without a match), and the latest cursor, read together.</summary>
    public (IReadOnlyList<T> Items, long Latest) After(long cursor, Func<T, bool>? match = null)
    {
        lock (_gate)
        {
            var items = new List<T>();
            for (var i = First(cursor); i < _items.Count; i++)
            {
                if (match is null || match(_items[i]))
                {
                    items.Add(_items[i]);
                }
            }

            return (items, _dropped + _items.Count);
        }
    }

    /// <summary>The first item after <paramref name="cursor"/> that matches, now or when it is added; cancelled by <paramref name="cancel"/>.</summary>
    public Task<T> WaitAsync(Func<T, bool> match, long cursor, CancellationToken cancel)
    {
        Waiter waiter;
        lock (_gate)
        {
            for (var i = First(cursor); i < _items.Count; i++)
            {
                if (match(_items[i]))
                {
                    return Task.FromResult(_items[i]);
                }
            }

            if (cancel.IsCancellationRequested)
            {
                return Task.FromCanceled<T>(cancel);
            }

            waiter = new Waiter(match);
            waiter.Node = _waiters.AddLast(waiter);
        }

        waiter.Registration = cancel.Register(() =>
        {
            lock (_gate)
            {
                if (waiter.Node.List is not null)
                {
                    _waiters.Remove(waiter.Node);
                }
            }

            waiter.Done.TrySetCanceled(cancel);
        });
        return waiter.Done.Task;
    }

    private int First(long cursor) => (int)Math.Clamp(cursor - _dropped, 0, _items.Count);

    private sealed class Waiter(Func<T, bool> match)
    {
        public Func<T, bool> Match { get; } = match;

        public LinkedListNode<Waiter> Node { get; set; } = null!;

        public CancellationTokenRegistration Registration { get; set; }

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
