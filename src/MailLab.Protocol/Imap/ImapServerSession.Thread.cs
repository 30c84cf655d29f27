using MailLab.Protocol.Imap.Parsing;
using MailLab.Protocol.Imap.Sorting;

namespace MailLab.Protocol.Imap;

/// <summary>THREAD and UID THREAD (RFC 5256 §3) with the ORDEREDSUBJECT and REFERENCES algorithms.</summary>
public sealed partial class ImapServerSession
{
    internal void Thread(string tag, ImapReader r, bool uid)
    {
        r.Space();
        var program = ThreadParser.Parse(r, _options.MaxNestingDepth, a => CapabilityOn(ThreadCapability(a)));
        if (!KnownCharset(tag, program.Charset))
        {
            return;
        }

        StartSearch(program.Key);
        var matches = Matching(program.Key);
        var roots = program.Algorithm == ThreadAlgorithm.OrderedSubject ? OrderedSubjectThreader.Thread(matches) : ReferencesThreader.Thread(matches);
        WriteLine("* THREAD " + ThreadNode.Format(roots, m => NumberOf(m, uid)));
        Done(tag, uid ? "UID THREAD" : "THREAD", allowExpunge: uid);
    }

    private static string ThreadCapability(ThreadAlgorithm algorithm) => algorithm == ThreadAlgorithm.OrderedSubject ? "THREAD=ORDEREDSUBJECT" : "THREAD=REFERENCES";
}
