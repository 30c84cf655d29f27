using MailLab.Mail.World;

namespace MailLab.Mail.Simulation;

/// <summary>
/// Drives a world that runs on a <see cref="SimulationClock"/>: one timer at a time
/// (<see cref="StepAsync"/>), a duration at a time (<see cref="AdvanceAsync"/>), or until nothing
/// is in flight (<see cref="RunUntilIdleAsync"/>). After each timer the world's work settles before
/// the next fires, so a run is deterministic for the same inputs.
/// </summary>
public sealed class Simulator
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Simulator(MailWorld world)
    {
        World = world;
        Clock = world.Clock as SimulationClock
            ?? throw new ArgumentException("The world does not run on a SimulationClock.", nameof(world));
    }

    public MailWorld World { get; }

    public SimulationClock Clock { get; }

    /// <summary>Fires the next timer; false when there is none.</summary>
    public Task<bool> StepAsync() => Locked(() => Clock.StepAsync(World.Work.WhenIdleAsync));

    public Task AdvanceAsync(TimeSpan by) => Locked(async () =>
    {
        await Clock.AdvanceAsync(by, World.Work.WhenIdleAsync).ConfigureAwait(false);
        return true;
    });

    /// <summary>Waits until no delivery is in flight (time does not move).</summary>
    public Task RunUntilIdleAsync() => World.Work.WhenIdleAsync();

    private async Task<T> Locked<T>(Func<Task<T>> action)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
