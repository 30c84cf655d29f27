namespace MailLab.Mail.Simulation;

/// <summary>
/// The virtual clock of simulation mode: time moves only when told, and every timer of the world
/// (retries, delay notices, expirations, connection time-outs) fires in due order, one at a time,
/// so the same inputs always give the same run. Packet Tracer's "simulation mode", for mail.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<SimulatedTimer> _timers = [];
    private DateTimeOffset _now;
    private long _order;

    public SimulationClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>When the next timer fires, or null when none is set.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return Earliest()?.Due;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Fires the earliest timer, moving the clock to its time; <paramref name="settle"/> runs after
    /// it (waiting for the work it started). Returns false when no timer is set.
    /// </summary>
    public async Task<bool> StepAsync(Func<Task> settle)
    {
        SimulatedTimer? timer;
        lock (_gate)
        {
            timer = Earliest();
            if (timer is null)
            {
                return false;
            }

            if (timer.Due > _now)
            {
                _now = timer.Due;
            }
        }

        timer.Fire();
        await settle().ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer due on the way, in order.</summary>
    public async Task AdvanceAsync(TimeSpan by, Func<Task> settle)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Time cannot go backwards.");
        }

        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        await settle().ConfigureAwait(false);
        while (true)
        {
            SimulatedTimer? timer;
            lock (_gate)
            {
                timer = Earliest();
                if (timer is null || timer.Due > target)
                {
                    _now = target;
                    return;
                }

                if (timer.Due > _now)
                {
                    _now = timer.Due;
                }
            }

            timer.Fire();
            await settle().ConfigureAwait(false);
        }
    }

    private SimulatedTimer? Earliest()
    {
        SimulatedTimer? best = null;
        foreach (var t in _timers)
        {
            if (best is null || t.Due < best.Due || (t.Due == best.Due && t.Order < best.Order))
            {
                best = t;
            }
        }

        return best;
    }

    private void Schedule(SimulatedTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            timer.Order = ++_order;
            _timers.Add(timer);
        }
    }

    private void Unschedule(SimulatedTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class SimulatedTimer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; set; }

        public long Order { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            clock.Schedule(this, _period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : _period);
            callback(state);
        }

        public void Dispose() => clock.Unschedule(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
