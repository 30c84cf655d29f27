using MailLab.Protocol.Imap.Parsing;
using MailLab.Protocol.Imap.Sorting;

namespace MailLab.Protocol.Imap;

/// <summary>SORT and UID SORT (RFC 5256 §3), with DISPLAYFROM/DISPLAYTO (RFC 5957) and ESORT's RETURN options (RFC 5267 §3).</summary>
public sealed partial class ImapServerSession
{
    internal void Sort(string tag, ImapReader r, bool uid)
    {
        r.Space();
        var program = SortParser.Parse(r, _options.MaxNestingDepth, allowReturn: CapabilityOn("ESORT"), allowDisplay: CapabilityOn("SORT=DISPLAY"));
        if (!KnownCharset(tag, program.Charset))
        {
            return;
        }

        var usesModSeq = StartSearch(program.Key);
        var sorted = MessageSorter.Sort(Matching(program.Key), program.Criteria);
        if (program.ReturnOptions is null)
        {
            // RFC 5256 §4: * SORT in sort order, also under IMAP4rev2 (which changes SEARCH's answer only).
            WriteNumbers("SORT", sorted, uid, usesModSeq);
        }
        else
        {
            WriteSearchResult(tag, uid, sorted, program.ReturnOptions, usesModSeq);
        }

        Done(tag, uid ? "UID SORT" : "SORT", allowExpunge: uid);
    }
}
