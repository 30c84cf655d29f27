using MailLab.Protocol.Pop3;

namespace MailLab.Protocol.Tests.Pop3.Harness;

/// <summary>
/// A configurable <see cref="IPop3ServerHandler"/> over an in-memory store: alice (password
/// "secret") has the two <see cref="Pop3TestMessages"/>, bob ("hunter2") has none. Users can be
/// marked as locked by another session, locked by the administrator or logged on too recently. A
/// successful logon locks the maildrop until it is released, as RFC 1939 §4 asks.
/// </summary>
internal sealed class FakePop3Handler : IPop3ServerHandler
{
    public Dictionary<string, string> Users { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alice"] = "secret",
        ["bob"] = "hunter2",
    };

    public Dictionary<string, List<FakeMessage>> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alice"] = [Pop3TestMessages.Dots(), Pop3TestMessages.Lunch()],
        ["bob"] = [],
    };

    /// <summary>Maildrops locked by a session: another session of this handler, or one pretended by a test.</summary>
    public HashSet<string> Locked { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Mailboxes locked by the administrator (winpop lock).</summary>
    public HashSet<string> AdminLocked { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users who logged on too recently.</summary>
    public HashSet<string> LoginDelayed { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Pop3Credentials> LogonAttempts { get; } = [];

    /// <summary>Every maildrop handed out, in order.</summary>
    public List<FakeMaildrop> Opened { get; } = [];

    public Pop3LogonResult Logon(Pop3Credentials credentials)
    {
        LogonAttempts.Add(credentials);
        var user = Users.Keys.FirstOrDefault(u => string.Equals(u, credentials.UserName, StringComparison.OrdinalIgnoreCase));
        if (user is null || !credentials.Matches(Users[user]))
        {
            return Pop3LogonResult.InvalidCredentials();
        }

        if (AdminLocked.Contains(user))
        {
            return Pop3LogonResult.MailboxLocked();
        }

        if (LoginDelayed.Contains(user))
        {
            return Pop3LogonResult.LoginDelay();
        }

        if (!Locked.Add(user))
        {
            return Pop3LogonResult.InUse();
        }

        var maildrop = new FakeMaildrop(this, user, [.. Mailboxes[user]]);
        Opened.Add(maildrop);
        return Pop3LogonResult.Success(maildrop, user);
    }

    public void Remove(string user, IEnumerable<FakeMessage> messages)
    {
        foreach (var message in messages.ToList())
        {
            Mailboxes[user].Remove(message);
        }
    }

    public void Unlock(string user) => Locked.Remove(user);
}
