namespace MailLab.Hosting.Transports;

/// <summary>
/// "The session has output to write without input" (an IMAP IDLE update, RFC 2177): set from any
/// thread (a delivery, another session), awaited by <see cref="ConnectionRunner"/> beside the
/// pending read. A set that comes between <see cref="Reset"/> and the session's wake-up is kept for
/// the next wait, so no update is lost; several sets before a wait count as one.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when <see cref="Set"/> was called since the last <see cref="Reset"/>.</summary>
    public Task WaitAsync() => Volatile.Read(ref _signal).Task;

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Called before the session is woken: sets from now on wake it again.</summary>
    public void Reset()
    {
        var current = Volatile.Read(ref _signal);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
