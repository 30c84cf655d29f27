namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>A count that tests wait on: <see cref="ReachedAsync"/> completes once <see cref="Increment"/> has been called that often.</summary>
internal sealed class CountLatch(TimeSpan limit)
{
    private readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];
    private int _count;

    public void Increment()
    {
        lock (_waits)
        {
            _count++;
            foreach (var wait in _waits.Where(w => w.Count <= _count).ToArray())
            {
                _waits.Remove(wait);
                wait.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes when the count reaches <paramref name="count"/>; fails with a TimeoutException after the limit.</summary>
    public Task ReachedAsync(int count)
    {
        lock (_waits)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((count, reached));
            return reached.Task.WaitAsync(limit);
        }
    }
}
