using System.Collections.Concurrent;

namespace MailLab.Mail.Pop3;

/// <summary>
/// RFC 1939 §4: a session that logs on acquires an exclusive-access lock on the maildrop; a second
/// session meanwhile gets <c>-ERR [IN-USE]</c> (RFC 2449 §8.1.2). Keyed by mailbox address.
/// </summary>
public sealed class Pop3MaildropLocks
{
    private readonly ConcurrentDictionary<string, long> _holders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes the lock for <paramref name="sessionId"/>; false when another session holds it.</summary>
    public bool TryAcquire(string address, long sessionId) => _holders.TryAdd(address, sessionId);

    public bool IsLocked(string address) => _holders.ContainsKey(address);

    /// <summary>Frees the lock if <paramref name="sessionId"/> holds it.</summary>
    public void Release(string address, long sessionId) =>
        _holders.TryRemove(new KeyValuePair<string, long>(address, sessionId));
}
