using MailLab.Mail.Simulation;

namespace MailLab.Scenarios.Driver;

/// <summary><c>When N minutes pass</c>: the virtual clock moves, firing every retry, notice and time-out due on the way.</summary>
public sealed partial class ScenarioWorld
{
    public async Task PassAsync(TimeSpan time)
    {
        if (time < TimeSpan.Zero)
        {
            throw new ScenarioSetupException("Time cannot go backwards.");
        }

        // Like Simulator.AdvanceAsync, one timer at a time in order, but settling with SettleAsync so
        // that a retry over a slow link gets its latency instead of waiting for it forever.
        if ((await WorldAsync().ConfigureAwait(false)).Clock is not SimulationClock clock)
        {
            throw new ScenarioSetupException(
                "The running MailLab's clock is live: time passes by itself, no step can move it (start MailLab with --simulate for steps that make time pass).",
                "Часы запущенного MailLab идут сами: шаг не может их передвинуть (для шагов, в которых проходит время, запустите MailLab с --simulate).");
        }

        var target = clock.GetUtcNow() + time;
        await SettleAsync().ConfigureAwait(false);
        while (clock.NextDue is { } due && due <= target)
        {
            await clock.StepAsync(() => Task.CompletedTask).ConfigureAwait(false);
            await SettleAsync().ConfigureAwait(false);
        }

        var rest = target - clock.GetUtcNow();
        if (rest > TimeSpan.Zero)
        {
            await clock.AdvanceAsync(rest, () => Task.CompletedTask).ConfigureAwait(false);
        }

        await ReapTimedOutPop3SessionsAsync(clock.GetUtcNow()).ConfigureAwait(false);
    }
}
