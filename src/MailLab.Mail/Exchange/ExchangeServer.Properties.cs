using MailLab.Mail.Exchange.Settings;

namespace MailLab.Mail.Exchange;

/// <summary>
/// The server's property sheet (General, Locales, Diagnostics Logging) and what "Enable message
/// tracking" means: Exchange writes a tracking log only while it is on ("Enable message tracking" on
/// the General tab, KB 821905, docs/EXCHANGE-2003.md [90]), so Message Tracking Center can find a
/// message only in the logs of the servers that tracked it when it passed. The server keeps where in
/// the trace (its sequence number) and when on the virtual clock tracking was turned on and off.
/// </summary>
public sealed partial class ExchangeServer
{
    private readonly List<(long AfterSequence, DateTimeOffset Since, bool Enabled)> _tracking = [];

    public ServerProperties Properties { get; private set; } = ServerProperties.Defaults;

    /// <summary>The property sheet changed as <paramref name="change"/> says; a set that breaks a rule is refused and nothing changes.</summary>
    public ServerProperties ConfigureProperties(Func<ServerProperties, ServerProperties> change)
    {
        lock (_lock)
        {
            var next = change(Properties);
            if (ServerPropertySettings.Validate(next) is { } problem)
            {
                throw new ExchangeAdminException(problem);
            }

            // Before the host takes the server (the topology file) the setting is where it starts, not a change.
            if (next.MessageTrackingEnabled != Properties.MessageTrackingEnabled && Host is not null)
            {
                _tracking.Add((Host.World.Trace.Views.LastSequence(), Clock.GetUtcNow(), next.MessageTrackingEnabled));
            }

            Properties = next;
            return next;
        }
    }

    /// <summary>Whether the server was tracking when the trace event numbered <paramref name="sequence"/> happened (the last change before it, or the setting it started with).</summary>
    public bool WasTracking(long sequence)
    {
        lock (_lock)
        {
            var before = _tracking.Where(t => t.AfterSequence < sequence).ToList();
            return before.Count > 0 ? before[^1].Enabled : _tracking.Count > 0 ? !_tracking[0].Enabled : Properties.MessageTrackingEnabled;
        }
    }

    /// <summary>When message tracking was last turned off, while it is off (<see cref="DateTimeOffset.MinValue"/>: off from the start); null while it is on.</summary>
    public DateTimeOffset? TrackingOffSince
    {
        get
        {
            lock (_lock)
            {
                if (Properties.MessageTrackingEnabled)
                {
                    return null;
                }

                return _tracking.Count > 0 ? _tracking[^1].Since : DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>The tracking log directory: the General tab's, or Exchange's default C:\Program Files\Exchsrvr\SERVER.log [90].</summary>
    public string TrackingLogDirectory => Properties.LogFileDirectory ?? $@"C:\Program Files\Exchsrvr\{Name}.log";
}
