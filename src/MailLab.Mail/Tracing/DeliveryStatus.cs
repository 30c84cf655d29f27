namespace MailLab.Mail.Tracing;

/// <summary>
/// A message's status, derived per recipient from its trace's stage events (the one place that
/// does it: the API, the live list and the page read it from here). Each stage event that names
/// recipients moves them on: received, queued, deferred, delivered (mailbox or Drop), relayed out of
/// the world, bounced. The trace log applies every event of the message as it is appended.
/// <para>A message that travels between hosts of the world leaves events on each: the next hop's
/// acceptance and delivery are appended before the previous hop hears its 250 and records
/// "Relayed", so a relay from a host that no longer holds the recipient's copy changes nothing.
/// A "Relayed" from the host that holds it means no host of the world took it: a real server did.</para>
/// </summary>
public sealed class DeliveryStatus
{
    // One recipient (the common case) is kept in the object itself; more in an array. Guarded by
    // locking this object.
    private RecipientStatus _only;
    private readonly RecipientStatus[]? _recipients;
    private readonly Dictionary<string, int>? _index;

    public DeliveryStatus(IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 1)
        {
            _only = new RecipientStatus(recipients[0], RecipientState.Received, null, null, 0);
            return;
        }

        _recipients = new RecipientStatus[recipients.Count];
        for (var i = 0; i < _recipients.Length; i++)
        {
            _recipients[i] = new RecipientStatus(recipients[i], RecipientState.Received, null, null, 0);
        }

        if (_recipients.Length > 8)
        {
            _index = new Dictionary<string, int>(_recipients.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _recipients.Length; i++)
            {
                _index.TryAdd(recipients[i], i);
            }
        }
    }

    /// <summary>Whether an event of this kind can change a recipient's status.</summary>
    public static bool Concerns(TraceKind kind) =>
        kind is TraceKind.Received or TraceKind.Queued or TraceKind.Deferred or TraceKind.Relayed
            or TraceKind.DeliveredToMailbox or TraceKind.DeliveredToDrop or TraceKind.Failed or TraceKind.Categorized;

    /// <summary>Every recipient's status, in the order of the envelope.</summary>
    public IReadOnlyList<RecipientStatus> Recipients
    {
        get
        {
            lock (this)
            {
                return _recipients is null ? new[] { _only } : (RecipientStatus[])_recipients.Clone();
            }
        }
    }

    /// <summary>
    /// One word for the whole message, for filtering: while any recipient is still on its way,
    /// "deferred" (one waits for a retry), "queued" or "received"; once all are settled,
    /// "delivered" (each in a mailbox or Drop, or relayed out), "relayed" (every one relayed out),
    /// "bounced" (every one failed) or "partial" (some failed, the others reached their destination).
    /// </summary>
    public string Status => Describe(Recipients).Status;

    /// <summary>The counts behind <see cref="Status"/>, such as "delivered 2/3, bounced 1"; a single word when all recipients agree.</summary>
    public string Summary => Describe(Recipients).Summary;

    /// <summary>
    /// The overall status, the summary and the counts behind it (in the summary's order, states with
    /// no recipient left out) of a set of recipient statuses: one read of them.
    /// </summary>
    public static (string Status, string Summary, IReadOnlyList<(RecipientState State, int Count)> Counts) Describe(IReadOnlyList<RecipientStatus> recipients)
    {
        var counts = new int[6];
        foreach (var recipient in recipients)
        {
            counts[(int)recipient.State]++;
        }

        int Count(RecipientState state) => counts[(int)state];
        var total = recipients.Count;
        var status = Count(RecipientState.Deferred) > 0 ? "deferred"
            : Count(RecipientState.Queued) > 0 ? "queued"
            : Count(RecipientState.Received) > 0 || total == 0 ? "received"
            : Count(RecipientState.Bounced) == total ? "bounced"
            : Count(RecipientState.Relayed) == total ? "relayed"
            : Count(RecipientState.Bounced) > 0 ? "partial"
            : "delivered";

        // In the order a reader asks: what arrived, what left, what waits, what failed.
        ReadOnlySpan<RecipientState> order = [RecipientState.Delivered, RecipientState.Relayed, RecipientState.Deferred, RecipientState.Queued, RecipientState.Received, RecipientState.Bounced];
        var present = new List<(RecipientState State, int Count)>(2);
        var parts = new List<string>(2);
        foreach (var state in order)
        {
            var count = Count(state);
            if (count > 0)
            {
                present.Add((state, count));
                var name = RecipientStatus.NameOf(state);
                parts.Add(count == total ? name : parts.Count == 0 ? $"{name} {count}/{total}" : $"{name} {count}");
            }
        }

        return (status, string.Join(", ", parts), present);
    }

    public void Apply(TraceEvent e) => Apply(e.Host, e.Kind, e.Recipients, e.Peer, e.Sequence);

    /// <summary>
    /// Moves the recipients an event names on (see the class comment); other recipients and other
    /// kinds are left alone. An acceptance does not reopen a recipient already settled: that is the
    /// same copy relayed again after its sender crashed before recording the 250 (the receiver then
    /// records "already in the mailbox", and stores nothing twice).
    /// </summary>
    public void Apply(string host, TraceKind kind, IReadOnlyList<string>? recipients, string? peer, long sequence)
    {
        if (recipients is null || !Concerns(kind))
        {
            return;
        }

        lock (this)
        {
            foreach (var address in recipients)
            {
                var i = IndexOf(address);
                if (i < 0)
                {
                    continue;
                }

                ref var current = ref _recipients is null ? ref _only : ref _recipients[i];
                var here = string.Equals(current.Host, host, StringComparison.OrdinalIgnoreCase);
                current = kind switch
                {
                    TraceKind.Received when current.State is RecipientState.Received or RecipientState.Queued or RecipientState.Deferred => current with { State = RecipientState.Received, Host = host, Where = null, Sequence = sequence },
                    TraceKind.Queued => current with { State = RecipientState.Queued, Host = host, Where = null, Sequence = sequence },
                    TraceKind.Deferred => current with { State = RecipientState.Deferred, Host = host, Where = peer, Sequence = sequence },
                    TraceKind.DeliveredToMailbox => current with { State = RecipientState.Delivered, Host = host, Where = "mailbox", Sequence = sequence },
                    TraceKind.DeliveredToDrop => current with { State = RecipientState.Delivered, Host = host, Where = "Drop", Sequence = sequence },
                    // An envelope address Exchange resolved (a group, a proxy address): its members' own events follow; a refusal after it is a Failed.
                    TraceKind.Categorized => current with { State = RecipientState.Delivered, Host = host, Where = "directory", Sequence = sequence },
                    TraceKind.Failed => current with { State = RecipientState.Bounced, Host = host, Where = peer, Sequence = sequence },
                    // A relay from the host that still holds the copy: no host of the world recorded taking it.
                    TraceKind.Relayed when here && current.State is RecipientState.Queued or RecipientState.Deferred or RecipientState.Received =>
                        current with { State = RecipientState.Relayed, Where = peer, Sequence = sequence },
                    _ => current,
                };
            }
        }
    }

    private int IndexOf(string address)
    {
        if (_recipients is null)
        {
            return string.Equals(_only.Address, address, StringComparison.OrdinalIgnoreCase) ? 0 : -1;
        }

        if (_index is not null)
        {
            return _index.GetValueOrDefault(address, -1);
        }

        for (var i = 0; i < _recipients.Length; i++)
        {
            if (string.Equals(_recipients[i].Address, address, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
