using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>SEARCH (RFC 9051 §6.4.4) with ESEARCH return options (RFC 4731), SAVE (RFC 5182) and MODSEQ (RFC 7162 §3.1.5).</summary>
public sealed partial class ImapServerSession
{
    private static readonly string[] Charsets = ["UTF-8", "US-ASCII"];

    internal void Search(string tag, ImapReader r, bool uid)
    {
        r.Space();
        var program = SearchParser.Parse(r, _options.MaxNestingDepth, allowReturn: CapabilityOn("ESEARCH") || Rev2);
        if (program.Charset is { } charset && !KnownCharset(tag, charset))
        {
            return;
        }

        var usesModSeq = StartSearch(program.Key);
        var matches = Matching(program.Key);
        var options = program.ReturnOptions;
        if (options is null && !Rev2)
        {
            // IMAP4rev1 (RFC 3501 §7.2.5): * SEARCH n n n, with the highest MODSEQ when MODSEQ was searched.
            WriteNumbers("SEARCH", matches, uid, usesModSeq);
        }
        else
        {
            // RFC 4731 §3.1: RETURN () means ALL; IMAP4rev2 answers every SEARCH with ESEARCH.
            WriteSearchResult(tag, uid, matches, options, usesModSeq);
        }

        Done(tag, uid ? "UID SEARCH" : "SEARCH", allowExpunge: uid);
    }

    /// <summary>Whether SEARCH or SORT can take the charset; if not, the NO [BADCHARSET] (RFC 9051 §6.4.4, RFC 5256 §3) is written.</summary>
    private bool KnownCharset(string tag, string charset)
    {
        if (Charsets.Contains(charset, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        WriteLine($"{tag} NO [BADCHARSET (UTF-8 US-ASCII)] unsupported charset {charset}");
        return false;
    }

    /// <summary>A search with a MODSEQ key enables CONDSTORE (RFC 7162 §3.1); returns whether it has one.</summary>
    private bool StartSearch(SearchKey key)
    {
        var usesModSeq = UsesModSeq(key);
        if (usesModSeq)
        {
            EnableCondStoreByCommand();
        }

        return usesModSeq;
    }

    /// <summary>The messages the key matches, in sequence order.</summary>
    private List<SessionMessage> Matching(SearchKey key)
    {
        var evaluator = new SearchEvaluator(_messages, _savedResult);
        var matches = new List<SessionMessage>();
        for (var i = 0; i < _messages.Count; i++)
        {
            if (!_messages[i].Expunged && evaluator.Matches(key, _messages[i], i + 1))
            {
                matches.Add(_messages[i]);
            }
        }

        return matches;
    }

    /// <summary><c>* SEARCH n n n</c> or <c>* SORT n n n</c>, with <c>(MODSEQ n)</c> when MODSEQ was searched (RFC 7162 §3.1.5).</summary>
    private void WriteNumbers(string response, IReadOnlyList<SessionMessage> matches, bool uid, bool usesModSeq)
    {
        var line = "* " + response + string.Concat(matches.Select(m => " " + NumberOf(m, uid)));
        if (usesModSeq && matches.Count > 0)
        {
            line += $" (MODSEQ {matches.Max(m => m.ModSeq)})";
        }

        WriteLine(line);
    }

    /// <summary>
    /// The ESEARCH response (RFC 4731 §3.1) for SEARCH and for SORT RETURN (RFC 5267 §3.1). The
    /// matches come in result order (sequence order for SEARCH, sort order for SORT): MIN is the
    /// first, MAX the last, ALL keeps the order with ranges where it ascends by one.
    /// </summary>
    private void WriteSearchResult(string tag, bool uid, IReadOnlyList<SessionMessage> matches, IReadOnlyList<string>? options, bool usesModSeq)
    {
        var wanted = options is null || options.Count == 0 ? ["ALL"] : options;
        foreach (var option in wanted)
        {
            if (option is not ("MIN" or "MAX" or "ALL" or "COUNT" or "SAVE"))
            {
                throw new ImapSyntaxException($"unknown return option {option}");
            }
        }

        if (wanted.Contains("SAVE"))
        {
            // RFC 5182 §2.1: SAVE keeps the result (as UIDs here, so it survives expunges). SORT RETURN
            // (SAVE) saves too; $ is a set, so the sort order is not kept.
            _savedResult = matches.Select(m => m.Uid).Order().ToList();
        }

        if (wanted.Count == 1 && wanted[0] == "SAVE")
        {
            return;
        }

        var numbers = matches.Select(m => NumberOf(m, uid)).ToList();
        var w = Response().Append("* ESEARCH (TAG ").AppendString(tag).Append(")");
        if (uid)
        {
            w.Append(" UID");
        }

        if (wanted.Contains("MIN") && numbers.Count > 0)
        {
            w.Append(" MIN ").Append(numbers[0]);
        }

        if (wanted.Contains("MAX") && numbers.Count > 0)
        {
            w.Append(" MAX ").Append(numbers[^1]);
        }

        if (wanted.Contains("ALL") && numbers.Count > 0)
        {
            w.Append(" ALL ").Append(SequenceSet.FormatOrdered(numbers));
        }

        if (wanted.Contains("COUNT"))
        {
            w.Append(" COUNT ").Append(numbers.Count);
        }

        if (usesModSeq && matches.Count > 0)
        {
            // RFC 7162 §3.1.5: with only MIN and/or MAX, MODSEQ is the highest of the messages returned; else of all found.
            var reported = matches;
            if (!wanted.Any(o => o is "ALL" or "COUNT"))
            {
                reported = [.. matches.Where((m, i) => (wanted.Contains("MIN") && i == 0) || (wanted.Contains("MAX") && i == matches.Count - 1))];
            }

            w.Append(" MODSEQ ").Append(reported.Max(m => m.ModSeq));
        }

        End(w);
    }

    private uint NumberOf(SessionMessage message, bool uid) => uid ? message.Uid : (uint)SequenceOf(message);

    private static bool UsesModSeq(SearchKey key) => key.Kind == SearchKeyKind.ModSeq || key.Children.Any(UsesModSeq);
}
