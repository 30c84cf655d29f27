using System.Collections.Concurrent;

namespace MailLab.Mail.Pop3;

/// <summary>
/// A growing delay after repeated failed logons, on the world's clock: the first
/// <see cref="FreeFailures"/> failures for a logon name cost nothing; after that each failure
/// closes the door for 1, 2, 4 … seconds (at most <see cref="MaxDelay"/>), and an attempt in that
/// time is refused with <c>-ERR [LOGIN-DELAY]</c> (RFC 2449 §8.1.1) without the password being
/// checked. A successful logon forgets the failures.
/// </summary>
public sealed class Pop3LogonThrottle
{
    public const int FreeFailures = 2;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;

    public Pop3LogonThrottle(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>How long <paramref name="userName"/> must still wait, or null when it may try now.</summary>
    public TimeSpan? Wait(string userName)
    {
        if (!_entries.TryGetValue(userName, out var entry))
        {
            return null;
        }

        var left = entry.BlockedUntil - _clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string userName) =>
        _entries.AddOrUpdate(
            userName,
            _ => Next(1),
            (_, entry) => Next(entry.Failures + 1));

    public void Succeeded(string userName) => _entries.TryRemove(userName, out _);

    private Entry Next(int failures)
    {
        var delay = failures <= FreeFailures
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures - 1), MaxDelay.TotalSeconds));
        return new Entry(failures, _clock.GetUtcNow() + delay);
    }

    private sealed record Entry(int Failures, DateTimeOffset BlockedUntil);
}
