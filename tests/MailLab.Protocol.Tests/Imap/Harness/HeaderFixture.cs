using MailLab.Protocol.Imap;

namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>A session with INBOX selected holding messages made of the given header lines, for SORT and THREAD tests.</summary>
internal static class HeaderFixture
{
    public static readonly DateTimeOffset Noon = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One message per entry: its header lines (a Message-ID is added unless they have one), a body
    /// one octet longer than the previous message's, arrived at <see cref="Noon"/> plus its hours.
    /// </summary>
    public static ImapSessionDriver Selected(params (string Headers, double Hours)[] messages) => Selected(ImapSessionDriver.DefaultOptions(), messages);

    public static ImapSessionDriver Selected(ImapServerOptions options, params (string Headers, double Hours)[] messages)
    {
        var store = new MemoryImapStore();
        var inbox = store.AddAccount("alice", "secret").Folders["INBOX"];
        var n = 0;
        foreach (var (headers, hours) in messages)
        {
            n++;
            var id = headers.Contains("Message-ID:", StringComparison.OrdinalIgnoreCase) ? string.Empty : $"\r\nMessage-ID: <m{n}@example.com>";
            inbox.Add($"{headers}{id}\r\n\r\nbody {new string('x', n)}\r\n", [], Noon.AddHours(hours));
        }

        var driver = new ImapSessionDriver(options, store);
        driver.LogIn();
        driver.Select();
        return driver;
    }
}
