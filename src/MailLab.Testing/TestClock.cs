using MailLab.Mail.Simulation;

namespace MailLab.Testing;

/// <summary>The server's clock: on the virtual clock <see cref="Advance"/> moves time and runs what falls due (retries, expiry) before it returns.</summary>
public sealed class TestClock
{
    private readonly Simulator? _simulator;
    private readonly TimeProvider _clock;

    internal TestClock(Simulator? simulator, TimeProvider clock)
    {
        _simulator = simulator;
        _clock = clock;
    }

    public bool IsVirtual => _simulator is not null;

    public DateTimeOffset UtcNow => _clock.GetUtcNow();

    /// <summary>Moves the virtual clock on and waits until the world's work settles. Real time cannot be advanced.</summary>
    public Task Advance(TimeSpan by) =>
        _simulator?.AdvanceAsync(by) ?? throw new InvalidOperationException("The server runs on real time: start it with o.UseVirtualClock() to advance its clock.");

    /// <summary>Waits until no delivery is in flight (time does not move).</summary>
    public Task SettleAsync() => _simulator?.RunUntilIdleAsync() ?? Task.CompletedTask;
}
