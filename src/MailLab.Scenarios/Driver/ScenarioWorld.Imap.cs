using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// IMAP (MailLab's own service; Windows Server 2003's POP3 service had none): a mail client
/// reading the mailbox, moving a message to a folder, and the checks on folders and flags. The
/// client is MailKit's <see cref="ImapClient"/> over the in-memory transport, so the steps drive
/// the same session code a real client reaches over TCP.
/// </summary>
public sealed partial class ScenarioWorld
{
    private readonly List<ImapReading> _imapReadings = [];

    /// <summary>Every IMAP session a step ran, in order.</summary>
    public IReadOnlyList<ImapReading> ImapReadings => _imapReadings;

    /// <summary>Types an IMAP conversation with HOST's IMAP service.</summary>
    public async Task<Dialogue> ConverseImapAsync(string host, string script)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        Stream stream;
        try
        {
            stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.ConnectImap(found.Imap, ClientAddress);
        }
        catch (SocketException)
        {
            return Record(new Dialogue("IMAP", found.Name, [], [], [], true, $"{found.Name} refused the connection: its IMAP service is switched off."));
        }

        await using var protocol = new ImapDialogueProtocol(stream);
        return Record(await RunDialogueAsync("IMAP", found.Name, protocol, found.Imap.IdleTimeout, script).ConfigureAwait(false));
    }

    /// <summary>
    /// <paramref name="address"/>'s mail client logs on over IMAP, opens INBOX and reads every
    /// message (BODY[], which sets \Seen, RFC 9051 §6.4.5). The password is the account's unless given.
    /// </summary>
    public async Task<ImapReading> ReadOverImapAsync(string address, string? password = null)
    {
        address = address.Trim();
        return await WithImapClientAsync(address, password, async (client, host) =>
        {
            var inbox = client.Inbox;
            await inbox.OpenAsync(FolderAccess.ReadWrite).ConfigureAwait(false);
            var subjects = new List<string>();
            for (var i = 0; i < inbox.Count; i++)
            {
                var message = await inbox.GetMessageAsync(i).ConfigureAwait(false);
                subjects.Add(message.Subject ?? string.Empty);
            }

            if (inbox.Count > 0)
            {
                await inbox.AddFlagsAsync(Enumerable.Range(0, inbox.Count).ToList(), SeenFlag, silent: true).ConfigureAwait(false);
            }

            return (subjects, $"{address} logged on to {host} over IMAP and read {Count(subjects.Count, "message")} in INBOX"
                + (subjects.Count == 0 ? "" : ": " + string.Join(", ", subjects.Select(s => $"\"{s}\""))));
        }).ConfigureAwait(false);
    }

    /// <summary>Moves the message with this subject from INBOX to <paramref name="folder"/> (MOVE, RFC 6851).</summary>
    public async Task<ImapReading> MoveOverImapAsync(string address, string subject, string folder, string? password = null)
    {
        address = address.Trim();
        return await WithImapClientAsync(address, password, async (client, host) =>
        {
            var inbox = client.Inbox;
            await inbox.OpenAsync(FolderAccess.ReadWrite).ConfigureAwait(false);
            var uids = await inbox.SearchAsync(SearchQuery.SubjectContains(subject)).ConfigureAwait(false);
            var summaries = uids.Count == 0 ? [] : await inbox.FetchAsync(uids, MessageSummaryItems.Envelope | MessageSummaryItems.UniqueId).ConfigureAwait(false);
            var exact = summaries.Where(s => s.Envelope?.Subject == subject).Select(s => s.UniqueId).ToList();
            if (exact.Count == 0)
            {
                throw Failure($"\"{address}\" has no message \"{subject}\" in INBOX to move.", $"a message \"{subject}\"", Count(inbox.Count, "message") + " in INBOX");
            }

            IMailFolder target;
            try
            {
                target = await client.GetFolderAsync(folder).ConfigureAwait(false);
            }
            catch (FolderNotFoundException)
            {
                throw new ScenarioSetupException($"\"{address}\" has no folder \"{folder}\"; it has {string.Join(", ", (await client.GetFoldersAsync(client.PersonalNamespaces[0]).ConfigureAwait(false)).Select(f => $"\"{f.FullName}\""))}.");
            }

            await inbox.MoveToAsync(exact, target).ConfigureAwait(false);
            return ([subject], $"{address} moved \"{subject}\" from INBOX to {folder} over IMAP ({host})");
        }).ConfigureAwait(false);
    }

    /// <summary>The folder of the mailbox holds <paramref name="expected"/> messages (expunged ones gone).</summary>
    public async Task CheckFolderCountAsync(string folder, string address, int expected)
    {
        await SettleAsync().ConfigureAwait(false);
        var found = await FolderAsync(address, folder).ConfigureAwait(false);
        var messages = found.Messages;
        if (messages.Count != expected)
        {
            var list = string.Join("\n", messages.Select(m => $"UID {m.Uid}: \"{m.Message.Subject}\" {Flags(m)}"));
            throw Failure($"The folder \"{found.Name}\" of \"{address}\" holds {Count(messages.Count, "message")}, not {expected}.", Count(expected, "message"),
                messages.Count == 0 ? "(empty)" : list,
                new($"В папке \"{found.Name}\" ящика \"{address}\" {Letters(messages.Count)}, а не {expected}.", Letters(expected), messages.Count == 0 ? "(пусто)" : list));
        }
    }

    /// <summary>The message with this subject in the folder has (or has not) the flag (<c>\Seen</c>, <c>\Flagged</c>, a keyword).</summary>
    public async Task CheckFlagAsync(string subject, string folder, string address, string flag, bool expected)
    {
        await SettleAsync().ConfigureAwait(false);
        var found = await FolderAsync(address, folder).ConfigureAwait(false);
        var message = found.Messages.FirstOrDefault(m => m.Message.Subject == subject)
            ?? throw Failure($"The folder \"{found.Name}\" of \"{address}\" has no message \"{subject}\".", $"a message \"{subject}\"",
                string.Join("\n", found.Messages.Select(m => $"\"{m.Message.Subject}\"")),
                new($"В папке \"{found.Name}\" ящика \"{address}\" нет письма \"{subject}\".", $"письмо \"{subject}\""));
        var has = HasFlag(message, flag.Trim());
        if (has != expected)
        {
            throw Failure($"The message \"{subject}\" in \"{found.Name}\" of \"{address}\" {(has ? "has" : "has not")} the flag {flag}.",
                expected ? flag : $"no {flag}", Flags(message),
                new($"У письма \"{subject}\" в папке \"{found.Name}\" ящика \"{address}\" {(has ? "есть флаг" : "нет флага")} {flag}.", expected ? flag : $"без {flag}"));
        }
    }

    /// <summary>The last IMAP session of the address logged on and read <paramref name="expected"/> messages in INBOX.</summary>
    public void CheckImapReadCount(string address, int expected)
    {
        var reading = LastImapReading(address);
        if (!reading.LoggedOn || reading.Subjects.Count != expected)
        {
            throw Failure($"\"{address}\" read {(reading.LoggedOn ? Count(reading.Subjects.Count, "message") : "nothing")} over IMAP, not {expected}.", Count(expected, "message"), reading.Outcome);
        }
    }

    /// <summary>The last IMAP session of the address could log on.</summary>
    public void CheckImapLogonSucceeded(string address)
    {
        var reading = LastImapReading(address);
        if (!reading.LoggedOn)
        {
            throw Failure($"The IMAP logon of \"{address}\" was refused.", "a logon", reading.Outcome);
        }
    }

    private ImapReading LastImapReading(string address) =>
        _imapReadings.LastOrDefault(r => r.Address.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ScenarioSetupException($"\"{address}\" has not used IMAP yet: a \"When \"{address}\" reads the mailbox over IMAP\" step must come first.");

    private static readonly MailKit.MessageFlags SeenFlag = MailKit.MessageFlags.Seen;

    private async Task<ImapReading> WithImapClientAsync(string address, string? password, Func<ImapClient, string, Task<(List<string> Subjects, string Outcome)>> work)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var host = MailboxHost(world, address);
        password ??= PasswordOf(host, address);
        ImapReading reading;
        using var client = new ImapClient();
        try
        {
            var stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.ConnectImap(host.Imap, ClientAddress);
            await client.ConnectAsync(stream, host.Name, 143, MailKit.Security.SecureSocketOptions.None).ConfigureAwait(false);
            try
            {
                await client.AuthenticateAsync(address, password).ConfigureAwait(false);
            }
            catch (MailKit.Security.AuthenticationException e)
            {
                reading = new ImapReading(address, host.Name, false, [], $"{host.Name} refused the IMAP logon of {address}: {e.Message}");
                _imapReadings.Add(reading);
                _notes.Add(reading.Outcome);
                return reading;
            }

            var (subjects, outcome) = await work(client, host.Name).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true).ConfigureAwait(false);
            reading = new ImapReading(address, host.Name, true, subjects, outcome);
        }
        catch (SocketException)
        {
            reading = new ImapReading(address, host.Name, false, [], $"{host.Name} refused the IMAP connection: its IMAP service is switched off.");
        }
        catch (Exception e) when (e is ImapCommandException or ImapProtocolException or IOException)
        {
            throw Failure($"The IMAP session of \"{address}\" with {host.Name} failed: {e.Message}", "a working IMAP session", e.Message);
        }

        _imapReadings.Add(reading);
        _notes.Add(reading.Outcome);
        await SettleAsync().ConfigureAwait(false);
        return reading;
    }

    private async Task<MailboxFolder> FolderAsync(string address, string folder)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        address = address.Trim();
        var mailbox = world.Hosts.Select(h => h.Mailboxes.Find(address)).FirstOrDefault(m => m is not null)
            ?? throw new ScenarioSetupException($"There is no mailbox \"{address}\" on any host.", $"Почтового ящика \"{address}\" нет ни на одном хосте.");
        return mailbox.FindFolder(folder.Trim())
            ?? throw Failure($"The mailbox \"{address}\" has no folder \"{folder}\".", $"a folder \"{folder}\"", string.Join(", ", mailbox.Folders.Select(f => f.Name)),
                new($"В почтовом ящике \"{address}\" нет папки \"{folder}\".", $"папка \"{folder}\""));
    }

    /// <summary>The host keeping the address's mailbox: the one with its account, else its POP3 mailbox.</summary>
    private static MailHost MailboxHost(MailWorld world, string address) =>
        world.Hosts.FirstOrDefault(h => h.Accounts.Find(address) is not null)
            ?? world.Hosts.FirstOrDefault(h => h.Pop3.FindMailbox(address) is not null)
            ?? throw new ScenarioSetupException($"No host has an account or mailbox \"{address}\".");

    private static string PasswordOf(MailHost host, string address) =>
        (host.Accounts.Find(address) ?? host.Pop3.Directory.Find(address))?.Password
            ?? throw new ScenarioSetupException($"MailLab does not know the password of \"{address}\" in clear: say it, as in When \"{address}\" with password \"PASSWORD\" reads the mailbox over IMAP.");

    private static bool HasFlag(FolderMessage message, string flag) => flag.ToLowerInvariant() switch
    {
        "\\seen" => message.IsSeen,
        "\\deleted" => message.IsDeleted,
        "\\answered" => (message.Flags & Mail.Stores.MessageFlags.Answered) != 0,
        "\\flagged" => (message.Flags & Mail.Stores.MessageFlags.Flagged) != 0,
        "\\draft" => (message.Flags & Mail.Stores.MessageFlags.Draft) != 0,
        _ => message.HasKeyword(flag),
    };

    private static string Flags(FolderMessage message)
    {
        var names = Enum.GetValues<Mail.Stores.MessageFlags>()
            .Where(f => f != Mail.Stores.MessageFlags.None && (message.Flags & f) != 0)
            .Select(f => "\\" + f)
            .Concat(message.Keywords)
            .ToArray();
        return names.Length == 0 ? "(no flags)" : "(" + string.Join(" ", names) + ")";
    }
}
