using System.Collections.Concurrent;
using MailLab.Mail.Accounts;

namespace MailLab.Mail.Pop3;

/// <summary>
/// The encrypted password file: one salted PBKDF2-SHA256 hash per full address, never the
/// password. A hash cannot answer APOP or CRAM-MD5 (both need the clear secret, RFC 1939 §7,
/// RFC 2195 §2), so with this method only cleartext mechanisms can log on.
/// </summary>
public sealed class Pop3PasswordFile
{
    private readonly ConcurrentDictionary<string, PasswordHash> _entries = new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(string address) => _entries.ContainsKey(address);

    public void Set(string address, string password) => _entries[address] = PasswordHash.Of(password);

    /// <summary>An entry as the topology file keeps it (<see cref="PasswordHash"/>), never the password.</summary>
    public string? Export(string address) => _entries.TryGetValue(address, out var entry) ? entry.ToString() : null;

    /// <summary>Restores an entry written by <see cref="Export"/>; anything else is refused with the expected form.</summary>
    public void Import(string address, string text) =>
        _entries[address] = PasswordHash.Parse(text) ?? throw new Pop3AdminException($"A password hash has the form {PasswordHash.Form}.");

    public bool Remove(string address) => _entries.TryRemove(address, out _);

    public bool Verify(string address, string password) => _entries.TryGetValue(address, out var entry) && entry.Verify(password);
}
