using System.Text;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>
/// A test-only, in-memory <see cref="IImapBackend"/>: users with passwords, folders with messages,
/// UIDs, flags and MODSEQs, and a change log each opened folder reads from its own cursor. The real
/// store is imap-store's; this one exists to drive the session through every path.
/// </summary>
internal sealed class MemoryImapStore : IImapBackend
{
    public readonly object Gate = new();

    public Dictionary<string, MemoryAccountData> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Disabled { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Unavailable { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static MemoryImapStore WithDefaults()
    {
        var store = new MemoryImapStore();
        var alice = store.AddAccount("alice", "secret");
        alice.AddFolder("Sent", ImapFolderAttributes.Sent);
        alice.AddFolder("Drafts", ImapFolderAttributes.Drafts);
        alice.AddFolder("Trash", ImapFolderAttributes.Trash);
        alice.AddFolder("Archive");
        alice.AddFolder("Archive/2024");
        alice.Subscriptions.UnionWith(["INBOX", "Sent", "Archive/2024"]);
        var inbox = alice.Folders["INBOX"];
        inbox.Add(ImapTestMessages.Plain, [@"\Seen"], ImapTestMessages.Date(1));
        inbox.Add(ImapTestMessages.Multipart, [], ImapTestMessages.Date(2));
        inbox.Add(ImapTestMessages.Encoded, [@"\Flagged", "$Forwarded"], ImapTestMessages.Date(3));
        store.AddAccount("bob", "hunter2");
        store.AddAccount("carol", "pass");
        store.Disabled.Add("carol");
        store.AddAccount("dave", "pass");
        store.Unavailable.Add("dave");
        return store;
    }

    public MemoryAccountData AddAccount(string user, string password)
    {
        var account = new MemoryAccountData(this, user, password);
        Accounts[user] = account;
        return account;
    }

    public ImapLogonResult Authenticate(string user, string password)
    {
        lock (Gate)
        {
            if (!Accounts.TryGetValue(user, out var account) || account.Password != password)
            {
                return ImapLogonResult.Failed(ImapLogonFailure.InvalidCredentials);
            }

            if (Disabled.Contains(user))
            {
                return ImapLogonResult.Failed(ImapLogonFailure.AccountDisabled);
            }

            if (Unavailable.Contains(user))
            {
                return ImapLogonResult.Failed(ImapLogonFailure.Unavailable);
            }

            return ImapLogonResult.Success(new MemoryAccount(account));
        }
    }

    public bool TryGetPassword(string user, out string password)
    {
        lock (Gate)
        {
            password = Accounts.TryGetValue(user, out var account) ? account.Password : string.Empty;
            return password.Length > 0;
        }
    }
}

internal sealed class MemoryAccountData(MemoryImapStore store, string user, string password)
{
    private uint _nextValidity = 1000;

    public MemoryImapStore Store => store;

    public string User => user;

    public string Password => password;

    public Dictionary<string, MemoryFolderData> Folders { get; } = new(StringComparer.Ordinal) { ["INBOX"] = new MemoryFolderData(store, "INBOX", ImapFolderAttributes.None, 999) };

    public HashSet<string> Subscriptions { get; } = new(StringComparer.Ordinal);

    public ImapQuota? Quota { get; set; } = new(0, 10240);

    public long? AppendLimit { get; set; }

    public MemoryFolderData AddFolder(string name, ImapFolderAttributes attributes = ImapFolderAttributes.None)
    {
        var folder = new MemoryFolderData(store, name, attributes, _nextValidity++);
        Folders[name] = folder;
        return folder;
    }
}

/// <summary>One stored change, for the change log an opened folder reads.</summary>
internal sealed record MemoryChange(long Sequence, char Kind, uint Uid);

internal sealed class MemoryFolderData(MemoryImapStore store, string name, ImapFolderAttributes attributes, uint uidValidity)
{
    private long _changeSequence;

    public string Name { get; set; } = name;

    public ImapFolderAttributes Attributes => attributes;

    public uint UidValidity => uidValidity;

    public uint UidNext { get; set; } = 1;

    public ulong HighestModSeq { get; set; } = 1;

    public List<ImapMessage> Messages { get; } = [];

    public List<MemoryChange> Log { get; } = [];

    public long LastChange => _changeSequence;

    public event EventHandler? Changed;

    public ImapMessage Add(string content, IReadOnlyList<string> flags, DateTimeOffset date)
    {
        var bytes = Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\r\n"));
        return Add(bytes, flags, date);
    }

    public ImapMessage Add(byte[] content, IReadOnlyList<string> flags, DateTimeOffset date)
    {
        ImapMessage message;
        lock (store.Gate)
        {
            message = new ImapMessage(UidNext++, [.. flags], date, content.Length, ++HighestModSeq, content);
            Messages.Add(message);
            Log.Add(new MemoryChange(++_changeSequence, 'A', message.Uid));
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return message;
    }

    public void SetFlags(uint uid, IReadOnlyList<string> flags)
    {
        lock (store.Gate)
        {
            var index = Messages.FindIndex(m => m.Uid == uid);
            Messages[index] = Messages[index] with { Flags = [.. flags], ModSeq = ++HighestModSeq };
            Log.Add(new MemoryChange(++_changeSequence, 'F', uid));
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public List<uint> Remove(Func<ImapMessage, bool> which)
    {
        List<uint> removed;
        lock (store.Gate)
        {
            removed = Messages.Where(which).Select(m => m.Uid).ToList();
            Messages.RemoveAll(m => removed.Contains(m.Uid));
            if (removed.Count > 0)
            {
                HighestModSeq++;
            }

            foreach (var uid in removed)
            {
                Log.Add(new MemoryChange(++_changeSequence, 'X', uid));
            }
        }

        if (removed.Count > 0)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }

        return removed;
    }

    public long Size => Messages.Sum(m => m.Size);
}
