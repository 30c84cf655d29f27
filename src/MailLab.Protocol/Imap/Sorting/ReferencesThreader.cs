using MimeKit;

namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// THREAD=REFERENCES (RFC 5256 §3, after Jamie Zawinski's algorithm): parents from Message-ID and
/// References (or In-Reply-To), dummies for referenced messages that are not there, dummies
/// pruned, root threads of the same base subject merged, siblings sorted by sent date.
/// </summary>
internal static class ReferencesThreader
{
    public static List<ThreadNode> Thread(IReadOnlyList<SessionMessage> messages)
    {
        var byId = new Dictionary<string, ThreadNode>(StringComparer.Ordinal);
        var all = new List<ThreadNode>();
        ThreadNode Container(string id)
        {
            if (!byId.TryGetValue(id, out var node))
            {
                node = new ThreadNode(null, int.MaxValue);
                byId[id] = node;
                all.Add(node);
            }

            return node;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var parsed = messages[i].Parsed.Message;

            // (1A) The message's container: a dummy made for its Message-ID takes it; a message
            // without a Message-ID, or with one another message already has, gets a container of its own.
            var node = new ThreadNode(messages[i], i);
            if (parsed.MessageId is { Length: > 0 } id && (!byId.TryGetValue(id, out var existing) || existing.IsDummy))
            {
                if (existing is not null)
                {
                    all.Remove(existing);
                    foreach (var child in existing.Children.ToArray())
                    {
                        child.Unlink();
                        node.Add(child);
                    }

                    if (existing.Parent is { } parent)
                    {
                        existing.Unlink();
                        parent.Add(node);
                    }
                }

                byId[id] = node;
            }

            all.Add(node);

            // (1B) References in order: each is the parent of the next, unless the next has a parent already or it would make a loop.
            var references = parsed.References.Count > 0 ? [.. parsed.References] : parsed.InReplyTo is { Length: > 0 } reply ? [reply] : new List<string>();
            ThreadNode? previous = null;
            foreach (var reference in references)
            {
                var current = Container(reference);
                if (previous is not null && current.Parent is null && !current.Reaches(previous))
                {
                    previous.Add(current);
                }

                previous = current;
            }

            // (1C) The last reference is the message's parent, replacing one a References chain presumed (and
            // none when that would make a loop: the message is then a root).
            node.Unlink();
            if (previous is not null && !node.Reaches(previous))
            {
                previous.Add(node);
            }
        }

        // (2) The roots; (4) dummies pruned.
        var roots = all.Where(n => n.Parent is null).ToList();
        Prune(roots, root: true);

        // (5) Root threads with the same base subject are gathered.
        roots = GatherSubjects(roots);

        // (6) Every level by sent date.
        ThreadNode.SortByDate(roots);
        return roots;
    }

    /// <summary>
    /// Step (4): a dummy without children goes; a dummy's children take its place, except at the
    /// root, where a dummy with several children stays (it joins them).
    /// </summary>
    private static void Prune(List<ThreadNode> siblings, bool root)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            var node = siblings[i];
            Prune(node.Children, root: false);
            if (!node.IsDummy || (root && node.Children.Count > 1))
            {
                continue;
            }

            var children = node.Children.ToArray();
            siblings.RemoveAt(i);
            node.Children.Clear();
            foreach (var child in children)
            {
                child.Parent = root ? null : node.Parent;
            }

            siblings.InsertRange(i, children);
            i += children.Length - 1;
        }
    }

    private static List<ThreadNode> GatherSubjects(List<ThreadNode> roots)
    {
        // (5A) A table of base subjects (case-folded, UnicodeCasemap): the root each names, preferring a dummy, then a message that is not a reply.
        var table = new Dictionary<string, ThreadNode>(StringComparer.Ordinal);
        var info = new Dictionary<ThreadNode, (string Subject, bool Reply)>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            var source = root.IsDummy ? FirstChild(root) : root;
            var subject = UnicodeCasemap.Fold(BaseSubject.Extract(source?.Message?.Parsed.Message.Subject, out var reply));
            info[root] = (subject, reply);
            if (subject.Length == 0)
            {
                continue;
            }

            if (!table.TryGetValue(subject, out var held)
                || (root.IsDummy && !held.IsDummy)
                || (!root.IsDummy && !held.IsDummy && info[held].Reply && !reply))
            {
                table[subject] = root;
            }
        }

        // (5B) Each other root with a subject in the table joins the root it names.
        var result = new List<ThreadNode>(roots);
        foreach (var root in roots)
        {
            var (subject, reply) = info[root];
            if (subject.Length == 0 || !table.TryGetValue(subject, out var held) || ReferenceEquals(held, root))
            {
                continue;
            }

            // The table prefers dummies and then messages that are not replies, so it never holds
            // a message where this root is a dummy, nor a reply where this root is not one.
            result.Remove(root);
            if (held.IsDummy && root.IsDummy)
            {
                foreach (var child in root.Children.ToArray())
                {
                    child.Unlink();
                    held.Add(child);
                }
            }
            else if (held.IsDummy || (!info[held].Reply && reply))
            {
                held.Add(root);
            }
            else
            {
                // Neither is a reply to the other: a new dummy joins them.
                var dummy = new ThreadNode(null, int.MaxValue);
                result[result.IndexOf(held)] = dummy;
                table[subject] = dummy;
                dummy.Add(held);
                dummy.Add(root);
            }
        }

        return result;
    }

    private static ThreadNode? FirstChild(ThreadNode dummy) => dummy.Children.Count == 0 ? null : dummy.Children.MinBy(c => c.Key);
}
