using System.Collections.Concurrent;

namespace MailLab.Mail.World;

/// <summary>
/// The simulated network between hosts: every pair is reachable with no latency unless a link or a
/// whole host is marked otherwise. Used for the lecture's point that push delivery needs the
/// receiving computer to be reachable, and for fault injection.
/// </summary>
public sealed class NetworkLinks
{
    private readonly ConcurrentDictionary<(string From, string To), LinkState> _links = new();
    private readonly ConcurrentDictionary<string, bool> _hostDown = new(StringComparer.OrdinalIgnoreCase);

    public event Action? Changed;

    /// <summary>Marks a whole host unreachable (or reachable again) from everywhere.</summary>
    public void SetHostReachable(string host, bool reachable)
    {
        if (reachable)
        {
            _hostDown.TryRemove(host, out _);
        }
        else
        {
            _hostDown[host] = true;
        }

        Changed?.Invoke();
    }

    public bool IsHostReachable(string host) => !_hostDown.ContainsKey(host);

    public void SetLink(string from, string to, bool reachable, TimeSpan latency)
    {
        _links[(from.ToLowerInvariant(), to.ToLowerInvariant())] = new LinkState(reachable, latency);
        Changed?.Invoke();
    }

    public bool IsReachable(string from, string to) =>
        IsHostReachable(to) && IsHostReachable(from) && (!_links.TryGetValue((from.ToLowerInvariant(), to.ToLowerInvariant()), out var link) || link.Reachable);

    public TimeSpan Latency(string from, string to) =>
        _links.TryGetValue((from.ToLowerInvariant(), to.ToLowerInvariant()), out var link) ? link.Latency : TimeSpan.Zero;

    public IReadOnlyList<(string From, string To, bool Reachable, TimeSpan Latency)> All =>
        _links.Select(kv => (kv.Key.From, kv.Key.To, kv.Value.Reachable, kv.Value.Latency)).OrderBy(l => l.From).ThenBy(l => l.To).ToArray();

    public IReadOnlyCollection<string> UnreachableHosts => _hostDown.Keys.ToArray();

    private sealed record LinkState(bool Reachable, TimeSpan Latency);
}
