using System.Collections.Concurrent;

namespace MailLab.Hosting.Transports;

/// <summary>Keeps the tasks of open connections so a listener can wait for them when it closes.</summary>
internal sealed class ConnectionTracker
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Track(Task task)
    {
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task WhenAllAsync() => Task.WhenAll(_running.Keys.ToArray());
}
