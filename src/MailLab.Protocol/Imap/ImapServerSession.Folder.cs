using MailLab.Protocol.Imap.Backend;

namespace MailLab.Protocol.Imap;

/// <summary>
/// The selected folder as this session sees it: its own message-sequence-number map, which only
/// changes when the client may be told (RFC 9051 §7.5.1: no EXPUNGE while no command is in
/// progress nor during FETCH, STORE or SEARCH; the message numbers must not shift under the client).
/// </summary>
public sealed partial class ImapServerSession
{
    private readonly List<SessionMessage> _messages = [];
    private IImapFolder? _folder;
    private string? _folderName;
    private bool _readOnly;
    private int _reportedExists;
    private IReadOnlyList<uint> _savedResult = [];
    private readonly HashSet<string> _announcedKeywords = new(StringComparer.OrdinalIgnoreCase);

    private void OpenFolder(IImapFolder folder, string name, bool readOnly)
    {
        _folder = folder;
        _folderName = name;
        _readOnly = readOnly || folder.ReadOnly;
        _messages.Clear();
        var firstRecent = folder.FirstRecentUid;
        foreach (var message in folder.Messages)
        {
            _messages.Add(new SessionMessage(message, recent: message.Uid >= firstRecent));
        }

        _reportedExists = _messages.Count;
        _savedResult = [];
        _announcedKeywords.Clear();
        _announcedKeywords.UnionWith(FolderFlags());
        folder.Changed += OnFolderChanged;
        State = ImapSessionState.Selected;
    }

    private void OnFolderChanged(object? sender, EventArgs e) => RaiseUpdatesAvailable();

    private void ReleaseFolder()
    {
        if (_folder is { } folder)
        {
            folder.Changed -= OnFolderChanged;
            folder.Dispose();
        }

        _folder = null;
        _folderName = null;
        _messages.Clear();
        _savedResult = [];
        if (State == ImapSessionState.Selected)
        {
            State = ImapSessionState.Authenticated;
        }
    }

    private void ReleaseAll()
    {
        ReleaseFolder();
        _account?.Dispose();
        _account = null;
    }

    /// <summary>
    /// Reads what changed in the folder and tells the client: FETCH for flags others changed,
    /// EXPUNGE (or VANISHED under QRESYNC) when <paramref name="allowExpunge"/>, then EXISTS.
    /// Expunges that may not be told yet are remembered and told at the next chance.
    /// </summary>
    private void ReportChanges(bool allowExpunge)
    {
        if (_folder is null)
        {
            return;
        }

        var changes = _folder.ReadChanges();
        var byUid = _messages.ToDictionary(m => m.Uid);
        foreach (var changed in changes.FlagsChanged)
        {
            if (byUid.TryGetValue(changed.Uid, out var message) && !message.Expunged && message.Update(changed))
            {
                AnnounceKeywords(message);
                var w = Response().Append("* ").Append(SequenceOf(message)).Append(" FETCH (UID ").Append(message.Uid).Append(" ");
                AppendFlags(w, message);
                if (CondStore)
                {
                    w.Append(" MODSEQ (").Append(message.ModSeq).Append(")");
                }

                End(w.Append(")"));
            }
        }

        foreach (var uid in changes.Expunged)
        {
            if (byUid.TryGetValue(uid, out var message))
            {
                message.Expunged = true;
            }
        }

        var added = false;
        foreach (var message in changes.Added)
        {
            if (!byUid.ContainsKey(message.Uid) && (_messages.Count == 0 || message.Uid > _messages[^1].Uid))
            {
                var session = new SessionMessage(message, recent: _folder.ClaimRecent(message.Uid));
                _messages.Add(session);
                byUid[message.Uid] = session;
                added = true;
            }
        }

        if (allowExpunge)
        {
            var gone = _messages.Where(m => m.Expunged).Select(m => m.Uid).ToList();
            if (gone.Count > 0)
            {
                TellExpunged(gone);
            }
        }

        if (added || _messages.Count != _reportedExists)
        {
            if (_messages.Count > _reportedExists || added)
            {
                WriteLine($"* {_messages.Count} EXISTS");
                if (!Rev2)
                {
                    WriteLine($"* {_messages.Count(m => m.Recent)} RECENT");
                }
            }

            _reportedExists = _messages.Count;
        }
    }

    /// <summary>Removes messages from the map and says so: <c>* n EXPUNGE</c> each (numbers as they are at that moment) or one VANISHED (RFC 7162 §3.2.10).</summary>
    private void TellExpunged(IReadOnlyList<uint> uids)
    {
        var set = uids.ToHashSet();
        if (QResync)
        {
            var removed = _messages.Where(m => set.Contains(m.Uid)).Select(m => m.Uid).ToList();
            _messages.RemoveAll(m => set.Contains(m.Uid));
            if (removed.Count > 0)
            {
                WriteLine("* VANISHED " + Parsing.SequenceSet.Format(removed));
            }
        }
        else
        {
            for (var i = 0; i < _messages.Count;)
            {
                if (set.Contains(_messages[i].Uid))
                {
                    _messages.RemoveAt(i);
                    WriteLine($"* {i + 1} EXPUNGE");
                }
                else
                {
                    i++;
                }
            }
        }

        _reportedExists = _messages.Count;
        var saved = _savedResult.Where(u => !set.Contains(u)).ToList();
        _savedResult = saved;
    }

    private int SequenceOf(SessionMessage message) => _messages.IndexOf(message) + 1;

    private static readonly string[] SystemFlags = [@"\Answered", @"\Flagged", @"\Deleted", @"\Seen", @"\Draft"];

    private void AppendFlags(ImapResponseBuilder w, SessionMessage message)
    {
        w.Append("FLAGS (");
        var flags = message.Flags.ToList();
        if (message.Recent && !Rev2)
        {
            flags.Add(@"\Recent");
        }

        w.Append(string.Join(' ', flags)).Append(")");
    }

    /// <summary>
    /// RFC 9051 §7.3.5: FLAGS lists the flags defined in the mailbox, so a keyword that comes into use
    /// after SELECT (this session's STORE, another session's, an APPEND) is announced with a new FLAGS
    /// and PERMANENTFLAGS (§7.1) before the first FETCH that shows it. Call before starting that FETCH line.
    /// </summary>
    private void AnnounceKeywords(SessionMessage message)
    {
        if (message.Flags.All(f => f.StartsWith('\\') || _announcedKeywords.Contains(f)))
        {
            return;
        }

        var flags = FolderFlags();
        _announcedKeywords.UnionWith(flags);
        WriteFolderFlags(string.Join(' ', flags.Union(_announcedKeywords, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>FLAGS and PERMANENTFLAGS (RFC 9051 §7.3.5, §7.1); a read-only mailbox permits none.</summary>
    private void WriteFolderFlags(string flags)
    {
        WriteLine($"* FLAGS ({flags})");
        WriteLine(_readOnly ? "* OK [PERMANENTFLAGS ()] read-only mailbox" : $"* OK [PERMANENTFLAGS ({flags} \\*)] flags permitted");
    }

    /// <summary>The flags of FLAGS and PERMANENTFLAGS: the system flags and the keywords in use.</summary>
    private List<string> FolderFlags() =>
        [.. SystemFlags, .. _messages.SelectMany(m => m.Flags).Where(f => !f.StartsWith('\\')).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
