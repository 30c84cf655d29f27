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
        if (program.Charset is { } charset && !Charsets.Contains(charset, StringComparer.OrdinalIgnoreCase))
        {
            WriteLine($"{tag} NO [BADCHARSET (UTF-8 US-ASCII)] unsupported charset {charset}");
            return;
        }

        var usesModSeq = UsesModSeq(program.Key);
        if (usesModSeq)
        {
            EnableCondStoreByCommand();
        }

        var evaluator = new SearchEvaluator(_messages, _savedResult);
        var matches = new List<SessionMessage>();
        for (var i = 0; i < _messages.Count; i++)
        {
            if (!_messages[i].Expunged && evaluator.Matches(program.Key, _messages[i], i + 1))
            {
                matches.Add(_messages[i]);
            }
        }

        var numbers = matches.Select(m => uid ? m.Uid : (uint)SequenceOf(m)).ToList();
        var options = program.ReturnOptions;
        if (options is null && !Rev2)
        {
            // IMAP4rev1 (RFC 3501 §7.2.5): * SEARCH n n n, with the highest MODSEQ when MODSEQ was searched.
            var line = "* SEARCH" + string.Concat(numbers.Select(n => " " + n));
            if (usesModSeq && matches.Count > 0)
            {
                line += $" (MODSEQ {matches.Max(m => m.ModSeq)})";
            }

            WriteLine(line);
            Done(tag, uid ? "UID SEARCH" : "SEARCH", allowExpunge: uid);
            return;
        }

        // RFC 4731 §3.1: RETURN () means ALL; IMAP4rev2 answers every SEARCH with ESEARCH.
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
            // RFC 5182 §2.1: SAVE keeps the result (as UIDs here, so it survives expunges).
            _savedResult = matches.Select(m => m.Uid).ToList();
        }

        if (!(wanted.Count == 1 && wanted[0] == "SAVE"))
        {
            var w = Response().Append("* ESEARCH (TAG ").AppendString(tag).Append(")");
            if (uid)
            {
                w.Append(" UID");
            }

            if (wanted.Contains("MIN") && numbers.Count > 0)
            {
                w.Append(" MIN ").Append(numbers.Min());
            }

            if (wanted.Contains("MAX") && numbers.Count > 0)
            {
                w.Append(" MAX ").Append(numbers.Max());
            }

            if (wanted.Contains("ALL") && numbers.Count > 0)
            {
                w.Append(" ALL ").Append(SequenceSet.Format(numbers));
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

        Done(tag, uid ? "UID SEARCH" : "SEARCH", allowExpunge: uid);
    }

    private static bool UsesModSeq(SearchKey key) => key.Kind == SearchKeyKind.ModSeq || key.Children.Any(UsesModSeq);
}
