namespace MailLab.Mail.World;

/// <summary>
/// Counts work in flight (deliveries, retries) so tests and simulations can wait for the world to
/// settle on a completion signal instead of polling (GreenMail's latch idea).
/// </summary>
public sealed class WorkTracker
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Begin()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    public void End()
    {
        TaskCompletionSource? done = null;
        lock (_gate)
        {
            if (--_count == 0)
            {
                done = _idle;
            }
        }

        done?.TrySetResult();
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool as tracked work.</summary>
    public void Run(Func<Task> work)
    {
        Begin();
        _ = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                End();
            }
        });
    }

    /// <summary>
    /// Waits on the world's clock from inside tracked work without counting as in flight meanwhile,
    /// so a simulation waiting for idleness can move the clock to the timer. The timer's callback
    /// takes the work back synchronously, before the simulator settles again.
    /// </summary>
    public Task DelayAsync(TimeSpan delay, TimeProvider clock)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                Begin();
                timer?.Dispose();
                done.TrySetResult();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        End();
        return done.Task;
    }

    /// <summary>Completes when no work is in flight.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }
}
