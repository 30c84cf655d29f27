namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// THREAD=ORDEREDSUBJECT (RFC 5256 §3): the messages sorted by base subject, then sent date; one
/// thread per base subject, its first message the root and every other one a child of it (no
/// grandchildren); threads in the order of their first message's sent date.
/// </summary>
internal static class OrderedSubjectThreader
{
    public static List<ThreadNode> Thread(IReadOnlyList<SessionMessage> messages)
    {
        var nodes = messages.Select((m, i) => (Node: new ThreadNode(m, i), Subject: UnicodeCasemap.Fold(BaseSubject.Of(m.Parsed.Message.Subject)))).ToList();
        nodes.Sort((a, b) =>
        {
            var bySubject = UnicodeCasemap.CompareFolded(a.Subject, b.Subject);
            return bySubject != 0 ? bySubject : a.Node.Key.CompareTo(b.Node.Key);
        });

        var roots = new List<ThreadNode>();
        string? subject = null;
        foreach (var (node, nodeSubject) in nodes)
        {
            if (subject == nodeSubject)
            {
                roots[^1].Add(node);
                continue;
            }

            roots.Add(node);
            subject = nodeSubject;
        }

        roots.Sort((a, b) => a.Key.CompareTo(b.Key));
        return roots;
    }
}
