using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>Selected-state commands (RFC 9051 §6.4) other than FETCH and SEARCH: CLOSE, UNSELECT, EXPUNGE, UID EXPUNGE, STORE, COPY, MOVE.</summary>
public sealed partial class ImapServerSession
{
    internal void CloseFolder(string tag, ImapReader r, bool expunge)
    {
        r.End();
        if (expunge && !_readOnly)
        {
            // RFC 9051 §6.4.1: CLOSE expunges silently (no untagged EXPUNGE).
            var removed = _folder!.Expunge(null);
            if (removed.Count > 0)
            {
                _observer?.OnExpunge(_folderName!, removed);
            }
        }

        ReleaseFolder();
        WriteLine($"{tag} OK {(expunge ? "CLOSE" : "UNSELECT")} completed");
    }

    internal void Expunge(string tag, ImapReader r, bool uid)
    {
        IReadOnlyList<uint>? uids = null;
        if (uid)
        {
            r.Space();
            var set = r.ReadSequenceSet();
            uids = Resolve(set, byUid: true).Select(m => m.Uid).ToList();
        }

        r.End();
        if (_readOnly)
        {
            WriteLine($"{tag} NO [READ-ONLY] mailbox is read-only");
            return;
        }

        var removed = uid && uids!.Count == 0 ? [] : _folder!.Expunge(uids);
        if (removed.Count > 0)
        {
            _observer?.OnExpunge(_folderName!, removed);
            TellExpunged(removed);
        }

        Done(tag, uid ? "UID EXPUNGE" : "EXPUNGE", code: CondStore ? $"HIGHESTMODSEQ {_folder!.HighestModSeq}" : null);
    }

    /// <summary>
    /// The messages a sequence set names, in order. Message numbers past the end are an error
    /// (RFC 9051 §9 seq-number); UIDs that do not exist are left out. "$" is the saved search result (RFC 5182).
    /// </summary>
    private List<SessionMessage> Resolve(SequenceSet set, bool byUid)
    {
        if (set.IsSaved)
        {
            var saved = _savedResult.ToHashSet();
            return _messages.Where(m => saved.Contains(m.Uid)).ToList();
        }

        if (byUid)
        {
            var largest = _messages.Count == 0 ? 0 : _messages[^1].Uid;
            return _messages.Where(m => set.Contains(m.Uid, largest)).ToList();
        }

        var count = (uint)_messages.Count;
        foreach (var range in set.Ranges)
        {
            if (range.First > count || range.Last > count)
            {
                throw new ImapSyntaxException("invalid message sequence number (use UID commands for UIDs)");
            }
        }

        var result = new List<SessionMessage>();
        for (var i = 0; i < _messages.Count; i++)
        {
            if (set.Contains((uint)(i + 1), count))
            {
                result.Add(_messages[i]);
            }
        }

        return result;
    }

    /// <summary>STORE (RFC 9051 §6.4.6) with .SILENT and UNCHANGEDSINCE (RFC 7162 §3.1.3, MODIFIED).</summary>
    internal void Store(string tag, ImapReader r, bool uid)
    {
        r.Space();
        var set = r.ReadSequenceSet();
        r.Space();
        ulong? unchangedSince = null;
        if (r.TryConsume('('))
        {
            if (!r.TryConsumeWord("UNCHANGEDSINCE"))
            {
                throw new ImapSyntaxException("unknown store modifier");
            }

            r.Space();
            unchangedSince = r.ReadNumber64();
            r.Expect(')', "')' closing the store modifiers");
            r.Space();
            EnableCondStoreByCommand();
        }

        var mode = r.TryConsume('+') ? ImapStoreMode.Add : r.TryConsume('-') ? ImapStoreMode.Remove : ImapStoreMode.Replace;
        var item = r.ReadAtom("FLAGS or FLAGS.SILENT").ToUpperInvariant();
        if (item is not ("FLAGS" or "FLAGS.SILENT"))
        {
            throw new ImapSyntaxException("expected FLAGS or FLAGS.SILENT");
        }

        var silent = item == "FLAGS.SILENT";
        r.Space();
        List<string> flags;
        if (r.Peek() == '(')
        {
            flags = ReadFlagList(r, allowWildcard: false);
        }
        else
        {
            flags = [ReadFlag(r, allowWildcard: false)];
            while (r.TryConsume(' '))
            {
                flags.Add(ReadFlag(r, allowWildcard: false));
            }
        }

        r.End();
        var targets = Resolve(set, uid);
        if (_readOnly)
        {
            WriteLine($"{tag} NO [READ-ONLY] mailbox is read-only");
            return;
        }

        var live = targets.Where(m => !m.Expunged).ToList();
        var result = live.Count == 0 ? new ImapStoreResult([], []) : _folder!.StoreFlags(live.Select(m => m.Uid).ToList(), mode, flags, unchangedSince);
        var byUid = targets.ToDictionary(m => m.Uid);
        foreach (var updated in result.Updated)
        {
            if (!byUid.TryGetValue(updated.Uid, out var message))
            {
                continue;
            }

            message.Update(updated);
            // RFC 7162 §3.1.3: with UNCHANGEDSINCE the FETCH is sent even for .SILENT, carrying MODSEQ.
            if (!silent || unchangedSince is not null)
            {
                AnnounceKeywords(message);
                var w = Response().Append("* ").Append(SequenceOf(message)).Append(" FETCH (");
                if (uid)
                {
                    w.Append("UID ").Append(message.Uid).Append(" ");
                }

                AppendFlags(w, message);
                if (CondStore)
                {
                    w.Append(" MODSEQ (").Append(message.ModSeq).Append(")");
                }

                End(w.Append(")"));
            }
        }

        string? code = null;
        if (result.Modified.Count > 0)
        {
            var numbers = uid ? result.Modified : result.Modified.Select(u => byUid.TryGetValue(u, out var m) ? (uint)SequenceOf(m) : 0).Where(n => n > 0).ToList();
            code = "MODIFIED " + SequenceSet.Format(numbers);
        }

        Done(tag, uid ? "UID STORE" : "STORE", allowExpunge: uid, code: code);
    }

    /// <summary>COPY (RFC 9051 §6.4.7) and MOVE (RFC 6851 §3.3), with COPYUID (RFC 4315).</summary>
    internal void Copy(string tag, ImapReader r, bool uid, bool move)
    {
        r.Space();
        var set = r.ReadSequenceSet();
        r.Space();
        var target = ReadMailbox(r);
        r.End();
        var verb = (uid ? "UID " : string.Empty) + (move ? "MOVE" : "COPY");
        var messages = Resolve(set, uid).Where(m => !m.Expunged).ToList();
        if (move && _readOnly)
        {
            WriteLine($"{tag} NO [READ-ONLY] mailbox is read-only");
            return;
        }

        if (messages.Count == 0)
        {
            Done(tag, verb);
            return;
        }

        var uids = messages.Select(m => m.Uid).ToList();
        var result = move ? _folder!.Move(uids, target) : _folder!.Copy(uids, target);
        if (!result.Result.Succeeded)
        {
            No(tag, result.Result, verb + " failed");
            return;
        }

        var copyUid = result.DestinationUids.Count > 0
            ? $"COPYUID {result.UidValidity} {SequenceSet.FormatOrdered(result.SourceUids)} {SequenceSet.FormatOrdered(result.DestinationUids)}"
            : null;
        if (move)
        {
            _observer?.OnMove(_folderName!, target, result.SourceUids);
            _observer?.OnExpunge(_folderName!, result.SourceUids);
            if (copyUid is not null)
            {
                WriteLine($"* OK [{copyUid}] moved");
            }

            TellExpunged(result.SourceUids);
            Done(tag, verb);
            return;
        }

        _observer?.OnCopy(_folderName!, target, result.SourceUids);
        Done(tag, verb, code: copyUid);
    }
}
