namespace MailLab.Hosting.Transports;

/// <summary>
/// The idle time-out on the world's clock, without re-arming a timer on every read: each
/// <see cref="Restart"/> only moves the deadline; the one timer fires at the old deadline,
/// finds the new one and waits for the rest. It cancels exactly when the client has been
/// silent for the whole time-out, as re-arming on every read would.
/// </summary>
internal sealed class IdleTimeout : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly ITimer? _timer;
    private long _deadline;
    private int _timedOut;

    public IdleTimeout(TimeProvider clock, TimeSpan timeout)
    {
        _clock = clock;
        _timeout = timeout;
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            Restart();
            _timer = clock.CreateTimer(static s => ((IdleTimeout)s!).OnTimer(), this, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>True when the client stayed silent for the whole time-out (not when the server shut down).</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) != 0;

    public void Restart() => Volatile.Write(ref _deadline, _clock.GetTimestamp() + ToTimestampTicks(_timeout));

    public void CancelNow()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _cancel.Dispose();
    }

    private long ToTimestampTicks(TimeSpan span) =>
        (long)(span.Ticks * ((double)_clock.TimestampFrequency / TimeSpan.TicksPerSecond));

    private void OnTimer()
    {
        var remaining = Volatile.Read(ref _deadline) - _clock.GetTimestamp();
        if (remaining > 0)
        {
            // Activity moved the deadline: wait for what is left of it.
            var wait = TimeSpan.FromTicks(Math.Max(1, (long)(remaining * ((double)TimeSpan.TicksPerSecond / _clock.TimestampFrequency))));
            try
            {
                _timer?.Change(wait, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // The connection already ended.
            }

            return;
        }

        Volatile.Write(ref _timedOut, 1);
        CancelNow();
    }
}
