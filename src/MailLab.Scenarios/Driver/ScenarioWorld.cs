using MailLab.Hosting;
using MailLab.Mail.Simulation;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// The driver every step calls: one fresh simulated world per scenario (a topology on a virtual
/// clock, served in memory), built on first use with the default topology unless a topology step
/// came first, or an instance that is already running (<see cref="Over"/> for a lab's checks,
/// <see cref="Attach"/> to play steps on it). Step bindings stay thin; everything they do is a
/// method here. The partial files hold the setup, mail, SMTP dialogue, administration and checking methods.
/// </summary>
public sealed partial class ScenarioWorld : IAsyncDisposable
{
    /// <summary>Where the virtual clock starts: every scenario sees the same times, ids and transcripts.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Real time allowed for the world to settle after a step, so a hang fails the step.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    /// <summary>Timers due this soon are link latencies (hops), not retries or time-outs: settling lets them fire.</summary>
    private static readonly TimeSpan LatencyHorizon = TimeSpan.FromSeconds(5);

    /// <summary>Real time a check on a running instance waits for deliveries in flight before it reads what is there.</summary>
    private static readonly TimeSpan LiveSettleLimit = TimeSpan.FromSeconds(5);

    private readonly List<string> _notes = [];
    private readonly List<string> _output = [];
    private MailLabServer? _runtime;
    private long _stepStart;
    private bool _disposed;

    /// <summary>False for a driver over someone else's running instance (<see cref="Over"/>, <see cref="Attach"/>): disposing it leaves the instance running.</summary>
    private bool _owned = true;

    /// <summary>True for a driver that only checks (<see cref="Over"/>): it never moves the clock.</summary>
    private bool _live;

    /// <summary>The admin API of the instance an <see cref="Attach"/>ed driver plays on; null: commands run in process.</summary>
    private Uri? _adminApi;

    /// <summary>
    /// A driver over an instance that is already running (the student's <c>maillab up</c>), for a lab's
    /// checks: the world is not replaced by a topology step, settling waits for deliveries in flight
    /// but never moves a virtual clock, and disposing the driver leaves the instance running.
    /// </summary>
    public static ScenarioWorld Over(MailLabServer runtime) => new() { _runtime = runtime, _owned = false, _live = true };

    /// <summary>
    /// A driver that plays steps on an instance that is already running, as a student would: the
    /// administration commands go through its admin API at <paramref name="adminApi"/> (as
    /// <c>maillab smtp … --server URL</c> and <c>maillab winpop</c> do; null: in process on its world),
    /// mail clients connect to its listeners (in memory), the other steps act on its world. Its world
    /// stays (a topology step is refused: the instance's own reset, a lab's start, chooses it); under
    /// <c>--simulate</c> settling and "N minutes pass" move its virtual clock as a fresh scenario's,
    /// on a live clock settling only waits. Disposing the driver leaves the instance running.
    /// </summary>
    public static ScenarioWorld Attach(MailLabServer runtime, Uri? adminApi = null) => new() { _runtime = runtime, _owned = false, _adminApi = adminApi };

    /// <summary>The folder of the feature file being run, for relative topology paths (null: unknown).</summary>
    public string? FeatureDirectory { get; set; }

    /// <summary>Where topology steps may read files from (the web API); null: anywhere the user's own paths lead.</summary>
    public TopologyFolders? TopologyFolders { get; set; }

    /// <summary>Lines the current step wants shown under it (a refused submission, a note on a comparison).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>What the administration commands of the current step printed, one entry per command (shown with --verbose).</summary>
    public IReadOnlyList<string> StepOutput => _output;

    /// <summary>True once the world exists (a topology was loaded).</summary>
    public bool IsStarted => _runtime is not null;

    /// <summary>The running world, building the default topology when no topology step came first.</summary>
    public async Task<MailLabServer> RuntimeAsync()
    {
        if (_runtime is null)
        {
            await StartAsync(DefaultTopology.Create(new SimulationClock(Epoch), portOffsetToZero: true)).ConfigureAwait(false);
        }

        return _runtime!;
    }

    public async Task<MailWorld> WorldAsync() => (await RuntimeAsync().ConfigureAwait(false)).World;

    /// <summary>Marks the start of a step: the transcript shown on failure starts here.</summary>
    public void BeginStep()
    {
        _notes.Clear();
        _output.Clear();
        _stepStart = _runtime is null ? 0 : LastSequence(_runtime.World);
    }

    /// <summary>
    /// Waits until no delivery or retry is in flight. Time stands still, except that work waiting
    /// on a network link's latency (a timer due within <see cref="LatencyHorizon"/>) gets that
    /// time: a hop over a slow link takes its milliseconds, not a "When N minutes pass".
    /// </summary>
    public async Task SettleAsync()
    {
        if (_runtime is null)
        {
            return;
        }

        var world = _runtime.World;
        if (_live)
        {
            // Someone else's world: what is in flight may finish, but time is theirs to move.
            try
            {
                await world.Work.WhenIdleAsync().WaitAsync(LiveSettleLimit, TimeProvider.System).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Still busy (a client keeps sending): read what is there now.
            }

            return;
        }

        try
        {
            await world.Work.WhenIdleAsync().WaitAsync(SettleLimit, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The world did not settle within {SettleLimit.TotalSeconds:0} seconds: {world.Work.InFlight} deliveries still in flight.");
        }

        if (world.Clock is not SimulationClock clock)
        {
            // An attached instance on real time: its timers fire by themselves.
            return;
        }

        // Work waiting on a link's latency is not in flight (WorkTracker.DelayAsync): give it its time.
        while (clock.NextDue is { } due && due - clock.GetUtcNow() <= LatencyHorizon)
        {
            await clock.StepAsync(world.Work.WhenIdleAsync).ConfigureAwait(false);
        }
    }

    /// <summary>Every protocol line of the scenario so far: <c>[host] C: ...</c>, <c>[host] S: ...</c>.</summary>
    public IReadOnlyList<string> Transcript() =>
        _runtime is null ? [] : Driver.Transcript.Format(_runtime.World.Trace.Views.Events());

    /// <summary>Every protocol line of the scenario so far, session by session (stable from run to run).</summary>
    public IReadOnlyList<string> TranscriptBySession() =>
        _runtime is null ? [] : Driver.Transcript.FormatBySession(_runtime.World.Trace.Views.Events());

    /// <summary>The protocol lines since the current step began, or the last few before it when it had none.</summary>
    public IReadOnlyList<string> TranscriptAroundStep()
    {
        if (_runtime is null)
        {
            return [];
        }

        var events = _runtime.World.Trace.Views.Events();
        var during = events.Where(e => e.Sequence > _stepStart).ToArray();
        var shown = Driver.Transcript.Format(during);
        return shown.Count > 0 ? Driver.Transcript.Tail(shown, 40) : Driver.Transcript.Tail(Driver.Transcript.Format(events), 16);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await CloseOpenPop3SessionsAsync().ConfigureAwait(false);
        if (_runtime is not null && _owned)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }

        await StopSmtpSinksAsync().ConfigureAwait(false);
    }

    private async Task StartAsync(MailWorld world)
    {
        var runtime = new MailLabServer(world, listenOnTcp: false);
        await runtime.StartAsync().ConfigureAwait(false);
        _runtime = runtime;
    }

    private static long LastSequence(MailWorld world) => world.Trace.Views.LastSequence();

    private async Task<MailHost> HostAsync(string name)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var hosts = string.Join(", ", world.Hosts.Select(h => $"\"{h.Name}\""));
        return world.FindHost(name.Trim())
            ?? throw new ScenarioSetupException($"There is no host \"{name}\" in the topology; its hosts are {hosts}.", $"В топологии нет хоста \"{name}\"; её хосты: {hosts}.");
    }

    private async Task<SmtpVirtualServer> VirtualServerAsync(string host, string name)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var servers = string.Join(", ", found.Smtp.VirtualServers.Select(v => $"\"{v.Name}\""));
        return found.Smtp.Find(name.Trim())
            ?? throw new ScenarioSetupException($"{found.Name} has no SMTP virtual server \"{name}\"; it has {servers}.", $"На {found.Name} нет виртуального сервера SMTP \"{name}\"; на нём есть {servers}.");
    }

    /// <summary>The virtual server clients of a host reach: the first one, as port 25 would.</summary>
    private static SmtpVirtualServer FrontVirtualServer(MailHost host) =>
        host.Smtp.VirtualServers.FirstOrDefault()
            ?? throw new ScenarioSetupException($"{host.Name} has no SMTP virtual server.");
}
