using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Mime;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>Authenticated-state commands (RFC 9051 §6.3): SELECT/EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE, STATUS, APPEND, quota (RFC 9208).</summary>
public sealed partial class ImapServerSession
{
    /// <summary>A mailbox name as the client sent it, in Unicode; INBOX in any case is INBOX (RFC 9051 §5.1).</summary>
    private string ReadMailbox(ImapReader r)
    {
        var raw = r.ReadAstring("a mailbox name");
        var name = raw;
        if (!Utf8Names && !ModifiedUtf7.TryDecode(raw, out name))
        {
            name = raw;
        }

        var delimiter = _account!.HierarchyDelimiter;
        if (name.Length > 1 && name[^1] == delimiter)
        {
            name = name[..^1];
        }

        return NormaliseInbox(name, delimiter);
    }

    private static string NormaliseInbox(string name, char delimiter)
    {
        if (name.Equals("INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return "INBOX";
        }

        return name.StartsWith("INBOX" + delimiter, StringComparison.OrdinalIgnoreCase) ? "INBOX" + name[5..] : name;
    }

    private string WireName(string name) => Utf8Names ? name : ModifiedUtf7.Encode(name);

    internal void Select(string tag, ImapReader r, bool readOnly)
    {
        r.Space();
        var name = ReadMailbox(r);
        var condstore = false;
        (uint UidValidity, ulong ModSeq, SequenceSet? Known)? qresync = null;
        if (r.TryConsume(' '))
        {
            r.Expect('(', "'(' opening the select parameters");
            do
            {
                var parameter = r.ReadAtom("a select parameter").ToUpperInvariant();
                if (parameter == "CONDSTORE" && CapabilityOn("CONDSTORE"))
                {
                    condstore = true;
                }
                else if (parameter == "QRESYNC" && QResync)
                {
                    // RFC 7162 §3.2.5: QRESYNC (uidvalidity mod-sequence-value [known-uids [seq-match-data]]).
                    r.Space();
                    r.Expect('(', "'(' opening the QRESYNC parameters");
                    var validity = r.ReadNzNumber();
                    r.Space();
                    var modseq = r.ReadNumber64();
                    SequenceSet? known = null;
                    if (r.TryConsume(' '))
                    {
                        if (r.Peek() != '(')
                        {
                            known = r.ReadSequenceSet();
                            r.TryConsume(' ');
                        }

                        if (r.TryConsume('('))
                        {
                            r.ReadSequenceSet();
                            r.Space();
                            r.ReadSequenceSet();
                            r.Expect(')', "')' closing the sequence match data");
                        }
                    }

                    r.Expect(')', "')' closing the QRESYNC parameters");
                    qresync = (validity, modseq, known);
                }
                else
                {
                    throw new ImapSyntaxException($"unknown select parameter {parameter}");
                }
            }
            while (r.TryConsume(' '));

            r.Expect(')', "')' closing the select parameters");
        }

        r.End();
        if (State == ImapSessionState.Selected)
        {
            // RFC 9051 §6.3.2, RFC 7162 §3.2.11: the previous mailbox is closed first, without expunge.
            ReleaseFolder();
            WriteLine("* OK [CLOSED] previous mailbox is now closed");
        }

        var opened = _account!.Open(name, readOnly);
        if (opened.Folder is not { } folder)
        {
            No(tag, opened.Result, "no such mailbox");
            return;
        }

        if (condstore)
        {
            _enabled.Add("CONDSTORE");
        }

        OpenFolder(folder, name, readOnly);
        var flags = string.Join(' ', FolderFlags());
        WriteLine($"* {_messages.Count} EXISTS");
        if (!Rev2)
        {
            WriteLine($"* {_messages.Count(m => m.Recent)} RECENT");
            var firstUnseen = _messages.FindIndex(m => !m.HasFlag(@"\Seen"));
            if (firstUnseen >= 0)
            {
                WriteLine($"* OK [UNSEEN {firstUnseen + 1}] first unseen message");
            }
        }

        WriteLine($"* OK [UIDVALIDITY {folder.UidValidity}] UIDs valid");
        WriteLine($"* OK [UIDNEXT {folder.UidNext}] predicted next UID");
        WriteFolderFlags(flags);
        if (CondStore)
        {
            WriteLine($"* OK [HIGHESTMODSEQ {folder.HighestModSeq}] highest modseq");
        }

        if (Rev2)
        {
            // RFC 9051 §6.3.2: the server MUST return a LIST response with the mailbox name.
            var w = Response().Append("* LIST () \"").Append(_account.HierarchyDelimiter.ToString()).Append("\" ");
            End(w.AppendString(WireName(name)));
        }

        if (qresync is { } q && q.UidValidity == folder.UidValidity)
        {
            ResyncAfterSelect(q.ModSeq, q.Known);
        }

        _observer?.OnSelect(name, _readOnly, _messages.Count);
        WriteLine($"{tag} OK [{(_readOnly ? "READ-ONLY" : "READ-WRITE")}] {(readOnly ? "EXAMINE" : "SELECT")} completed");
    }

    /// <summary>RFC 7162 §3.2.5.1: VANISHED (EARLIER) for known UIDs that are gone, FETCH for messages changed since the client's MODSEQ.</summary>
    private void ResyncAfterSelect(ulong modseq, SequenceSet? known)
    {
        var present = _messages.Select(m => m.Uid).ToHashSet();
        var limit = _folder!.UidNext == 0 ? 0 : _folder.UidNext - 1;
        var vanished = new List<uint>();
        if (known is not null)
        {
            foreach (var range in known.Ranges)
            {
                var (first, last) = range.Resolve(limit);
                for (var uid = Math.Max(first, 1u); uid <= Math.Min(last, limit) && vanished.Count < 100_000; uid++)
                {
                    if (!present.Contains(uid))
                    {
                        vanished.Add(uid);
                    }
                }
            }
        }

        if (vanished.Count > 0)
        {
            WriteLine("* VANISHED (EARLIER) " + SequenceSet.Format(vanished));
        }

        foreach (var message in _messages.Where(m => m.ModSeq > modseq))
        {
            AnnounceKeywords(message);
            var w = Response().Append("* ").Append(SequenceOf(message)).Append(" FETCH (UID ").Append(message.Uid).Append(" ");
            AppendFlags(w, message);
            End(w.Append(" MODSEQ (").Append(message.ModSeq).Append("))"));
        }
    }

    internal void Create(string tag, ImapReader r)
    {
        r.Space();
        var name = ReadMailbox(r);
        r.End();
        if (name == "INBOX")
        {
            WriteLine($"{tag} NO [ALREADYEXISTS] INBOX always exists");
            return;
        }

        var result = _account!.CreateFolder(name);
        Finish(tag, result, "CREATE");
    }

    internal void Delete(string tag, ImapReader r)
    {
        r.Space();
        var name = ReadMailbox(r);
        r.End();
        if (name == "INBOX")
        {
            WriteLine($"{tag} NO [CANNOT] INBOX cannot be deleted");
            return;
        }

        Finish(tag, _account!.DeleteFolder(name), "DELETE");
    }

    internal void Rename(string tag, ImapReader r)
    {
        r.Space();
        var from = ReadMailbox(r);
        r.Space();
        var to = ReadMailbox(r);
        r.End();
        Finish(tag, _account!.RenameFolder(from, to), "RENAME");
    }

    internal void Subscribe(string tag, ImapReader r, bool subscribe)
    {
        r.Space();
        var name = ReadMailbox(r);
        r.End();
        var result = subscribe ? _account!.Subscribe(name) : _account!.Unsubscribe(name);
        Finish(tag, result, subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE");
    }

    private void Finish(string tag, ImapResult result, string verb)
    {
        if (!result.Succeeded)
        {
            No(tag, result, verb + " failed");
            return;
        }

        Done(tag, verb);
    }

    /// <summary>The tagged OK, after the selected folder's changes (expunges allowed: not FETCH, STORE or SEARCH).</summary>
    private void Done(string tag, string verb, bool allowExpunge = true, string? code = null)
    {
        if (State == ImapSessionState.Selected)
        {
            ReportChanges(allowExpunge);
        }

        WriteLine($"{tag} OK {(code is null ? string.Empty : "[" + code + "] ")}{verb} completed");
    }

    private static readonly string[] StatusItems = ["MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "DELETED", "SIZE", "HIGHESTMODSEQ", "RECENT", "APPENDLIMIT"];

    internal void Status(string tag, ImapReader r)
    {
        r.Space();
        var name = ReadMailbox(r);
        r.Space();
        var items = ReadStatusItems(r);
        r.End();
        var status = _account!.GetStatus(name);
        if (status is null)
        {
            WriteLine($"{tag} NO [NONEXISTENT] no such mailbox");
            return;
        }

        WriteStatus(name, status, items);
        Done(tag, "STATUS");
    }

    private List<string> ReadStatusItems(ImapReader r)
    {
        r.Expect('(', "'(' opening the status items");
        var items = new List<string>();
        do
        {
            var item = r.ReadAtom("a status item").ToUpperInvariant();
            if (!StatusItems.Contains(item))
            {
                throw new ImapSyntaxException($"unknown status item {item}");
            }

            items.Add(item);
        }
        while (r.TryConsume(' '));

        r.Expect(')', "')' closing the status items");
        if (items.Contains("HIGHESTMODSEQ"))
        {
            // RFC 7162 §3.1: STATUS (HIGHESTMODSEQ) enables CONDSTORE.
            EnableCondStoreByCommand();
        }

        return items;
    }

    private void WriteStatus(string name, ImapFolderStatus status, IReadOnlyList<string> items)
    {
        var w = Response().Append("* STATUS ").AppendString(WireName(name)).Append(" (");
        var first = true;
        foreach (var item in items)
        {
            w.Append(first ? string.Empty : " ").Append(item).Append(" ");
            first = false;
            switch (item)
            {
                case "MESSAGES": w.Append(status.Messages); break;
                case "UIDNEXT": w.Append(status.UidNext); break;
                case "UIDVALIDITY": w.Append(status.UidValidity); break;
                case "UNSEEN": w.Append(status.Unseen); break;
                case "DELETED": w.Append(status.Deleted); break;
                case "SIZE": w.Append(status.Size); break;
                case "HIGHESTMODSEQ": w.Append(status.HighestModSeq); break;
                case "RECENT": w.Append(status.Recent); break;
                case "APPENDLIMIT":
                    w.Append(EffectiveAppendLimit());
                    break;
            }
        }

        End(w.Append(")"));
    }

    /// <summary>
    /// APPEND (RFC 9051 §6.3.12), with MULTIAPPEND (RFC 3502: several messages, all or none are
    /// reported), literal8 for BINARY (RFC 3516 §4.4) and UTF8 (RFC 6855 §4); APPENDUID (RFC 4315).
    /// </summary>
    internal void Append(string tag, ImapReader r)
    {
        r.Space();
        var name = ReadMailbox(r);
        var messages = new List<(List<string> Flags, DateTimeOffset Date, ReadOnlyMemory<byte> Content)>();
        while (r.TryConsume(' '))
        {
            var flags = new List<string>();
            if (r.Peek() == '(')
            {
                flags = ReadFlagList(r, allowWildcard: false);
                r.Space();
            }

            var date = _options.TimeProvider.GetUtcNow();
            if (r.Peek() == '"')
            {
                date = SearchParser.ReadDateTime(r);
                r.Space();
            }

            ReadOnlyMemory<byte> content;
            if (r.TryConsumeWord("UTF8"))
            {
                r.Space();
                r.Expect('(', "'(' opening the UTF8 literal");
                content = r.ReadLiteral(out _);
                r.Expect(')', "')' closing the UTF8 literal");
            }
            else
            {
                content = r.ReadLiteral(out var binary);
                content = binary ? BinaryAppend.Storable(content) : content;
            }

            messages.Add((flags, date, content));
        }

        if (messages.Count == 0)
        {
            throw new ImapSyntaxException("APPEND needs a message literal");
        }

        r.End();
        var limit = EffectiveAppendLimit();
        if (messages.Any(m => m.Content.Length > limit))
        {
            WriteLine($"{tag} NO [TOOBIG] message exceeds the size limit of {limit} octets");
            return;
        }

        uint validity = 0;
        var uids = new List<uint>();
        foreach (var (flags, date, content) in messages)
        {
            var result = _account!.Append(name, flags, date, content);
            if (!result.Result.Succeeded)
            {
                No(tag, result.Result, "APPEND failed");
                return;
            }

            validity = result.UidValidity;
            uids.Add(result.Uid);
            _observer?.OnAppend(name, result.Uid, content.Length);
        }

        Done(tag, "APPEND", code: $"APPENDUID {validity} {SequenceSet.FormatOrdered(uids)}");
    }

    /// <summary>flag-list = "(" [flag *(SP flag)] ")"; system flags in their canonical case; <c>\*</c> only in PERMANENTFLAGS.</summary>
    private static List<string> ReadFlagList(ImapReader r, bool allowWildcard)
    {
        r.Expect('(', "'(' opening the flag list");
        var flags = new List<string>();
        while (!r.TryConsume(')'))
        {
            if (flags.Count > 0)
            {
                r.Space();
            }

            flags.Add(ReadFlag(r, allowWildcard));
        }

        return flags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string ReadFlag(ImapReader r, bool allowWildcard)
    {
        if (r.TryConsume('\\'))
        {
            var name = r.ReadAtom("a system flag");
            var canonical = SystemFlags.FirstOrDefault(f => f[1..].Equals(name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                // RFC 9051 §2.3.2: \Recent may not be stored; other \names are not flags.
                _ = allowWildcard;
                throw new ImapSyntaxException($"invalid system flag \\{name}");
            }

            return canonical;
        }

        return r.ReadAtom("a flag");
    }

    internal void GetQuotaRoot(string tag, ImapReader r)
    {
        r.Space();
        var name = ReadMailbox(r);
        r.End();
        if (_account!.GetStatus(name) is null)
        {
            WriteLine($"{tag} NO [NONEXISTENT] no such mailbox");
            return;
        }

        var quota = _account.Quota;
        var w = Response().Append("* QUOTAROOT ").AppendString(WireName(name));
        End(quota is null ? w : w.Append(" \"\""));
        if (quota is not null)
        {
            WriteLine($"* QUOTA \"\" (STORAGE {quota.UsedKilobytes} {quota.LimitKilobytes})");
        }

        Done(tag, "GETQUOTAROOT");
    }

    internal void GetQuota(string tag, ImapReader r)
    {
        r.Space();
        var root = r.ReadAstring("a quota root");
        r.End();
        if (root.Length != 0 || _account!.Quota is not { } quota)
        {
            WriteLine($"{tag} NO [NONEXISTENT] no such quota root");
            return;
        }

        WriteLine($"* QUOTA \"\" (STORAGE {quota.UsedKilobytes} {quota.LimitKilobytes})");
        Done(tag, "GETQUOTA");
    }

    /// <summary>RFC 9208 §4.1.3: quotas are the administrator's, so SETQUOTA is refused.</summary>
    internal void SetQuota(string tag, ImapReader r)
    {
        _ = r;
        WriteLine($"{tag} NO [NOPERM] quotas are set by the administrator");
    }

    /// <summary>IDLE (RFC 2177): "+ idling", then updates as they happen until DONE.</summary>
    internal void Idle(string tag, ImapReader r)
    {
        r.End();
        _idleTag = tag;
        _mode = InputMode.Idle;
        WriteLine("+ idling");
        if (State == ImapSessionState.Selected)
        {
            ReportChanges(allowExpunge: true);
        }
    }

    private void EndIdle(string line)
    {
        var tag = _idleTag!;
        _idleTag = null;
        _mode = InputMode.Command;
        if (line.Equals("DONE", StringComparison.OrdinalIgnoreCase))
        {
            Done(tag, "IDLE");
        }
        else
        {
            WriteLine($"{tag} BAD expected DONE to end IDLE");
        }
    }
}
