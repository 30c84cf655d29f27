using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Faults;

/// <summary>
/// Fault injection for lessons and CI: make a host answer a chosen reply for the next N messages
/// (e.g. 451 4.3.0 to watch retries) or drop N connections in the middle of DATA. Unreachable and
/// slow hosts and links are in <see cref="World.NetworkLinks"/>.
/// </summary>
public sealed class FaultInjector
{
    private readonly List<Fault> _faults = [];
    private long _ids;

    // Faults are rare and asked about on every connection and message: with none, no lock is taken.
    private volatile int _count;

    public IReadOnlyList<Fault> All
    {
        get
        {
            lock (_faults)
            {
                return _faults.ToArray();
            }
        }
    }

    /// <summary>An injected reply is a failure: 4yz or 5yz.</summary>
    public const int MinReplyCode = 400;

    public const int MaxReplyCode = 599;

    /// <summary>The text of a fault added without one.</summary>
    public const string DefaultText = "Injected failure";

    /// <summary>
    /// Injects <paramref name="reply"/>. It must pass <see cref="ConfiguredReply.Check(SmtpReply, int, int)"/>
    /// (the API and the topology reader check it first, to say which field is wrong).
    /// </summary>
    public Fault AddReply(string host, FaultStage stage, SmtpReply reply, int count = 1)
    {
        CheckReply(reply);

        return Add(host, stage, reply, count);
    }

    /// <summary>
    /// Injects <paramref name="reply"/> at each use of the stage with chance <paramref name="probability"/>,
    /// drawn from a generator seeded with <paramref name="seed"/> (so a run can be repeated), until removed.
    /// </summary>
    public Fault AddRandomReply(string host, FaultStage stage, SmtpReply reply, double probability, int seed)
    {
        if (probability is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The chance of a random fault is above 0 and at most 1.");
        }

        CheckReply(reply);

        return Add(new Fault(Interlocked.Increment(ref _ids), host.ToLowerInvariant(), stage, reply, int.MaxValue)
        {
            Probability = probability,
            Chance = new Random(seed),
        });
    }

    /// <summary>The next <paramref name="count"/> connections to the host are cut while the client sends message content.</summary>
    public Fault AddDropDuringData(string host, int count = 1) => Add(host, FaultStage.Data, null, count);

    public bool Remove(long id)
    {
        lock (_faults)
        {
            var removed = _faults.RemoveAll(f => f.Id == id) > 0;
            _count = _faults.Count;
            return removed;
        }
    }

    public void Clear()
    {
        lock (_faults)
        {
            _faults.Clear();
            _count = 0;
        }
    }

    /// <summary>Uses up one injected reply for this host and stage, if there is one.</summary>
    public SmtpReply? TakeReply(string host, FaultStage stage) => Take(host, stage, drop: false)?.Reply;

    /// <summary>Uses up one "drop during DATA" fault for this host, if there is one.</summary>
    public bool TakeDrop(string host) => Take(host, FaultStage.Data, drop: true) is not null;

    /// <summary>True when a drop is pending for this host (checked cheaply before taking it).</summary>
    public bool HasDrop(string host)
    {
        if (_count == 0)
        {
            return false;
        }

        lock (_faults)
        {
            return _faults.Count > 0 && _faults.Any(f => f.DropsConnection && f.Host.Equals(host, StringComparison.OrdinalIgnoreCase));
        }
    }

    private Fault Add(string host, FaultStage stage, SmtpReply? reply, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A fault applies at least once.");
        }

        return Add(new Fault(Interlocked.Increment(ref _ids), host.ToLowerInvariant(), stage, reply, count));
    }

    private static void CheckReply(SmtpReply reply)
    {
        if (ConfiguredReply.Check(reply, MinReplyCode, MaxReplyCode) is { } problem)
        {
            throw new ArgumentException($"The reply's {problem.Field} {problem.Reason}.", nameof(reply));
        }
    }

    private Fault Add(Fault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
            _count = _faults.Count;
        }

        return fault;
    }

    private Fault? Take(string host, FaultStage stage, bool drop)
    {
        if (_count == 0)
        {
            return null;
        }

        lock (_faults)
        {
            if (_faults.Count == 0)
            {
                return null;
            }

            // A random fault that does not strike this use lets the next one be asked.
            var fault = _faults.FirstOrDefault(f => f.Stage == stage && f.DropsConnection == drop && f.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
                && (f.Chance is null || f.Chance.NextDouble() < f.Probability));
            if (fault is null)
            {
                return null;
            }

            if (fault.Chance is null && --fault.Remaining == 0)
            {
                _faults.Remove(fault);
                _count = _faults.Count;
            }

            return fault;
        }
    }
}
