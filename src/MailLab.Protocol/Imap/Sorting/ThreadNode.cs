using System.Text;

namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// One node of a THREAD result (RFC 5256 §3): a message, or a dummy (no message) standing for a
/// parent that is referenced but not among the messages, with its children.
/// </summary>
internal sealed class ThreadNode(SessionMessage? message, int index)
{
    public SessionMessage? Message { get; } = message;

    /// <summary>The message's place among the messages threaded (sequence order), the tie-break of equal dates.</summary>
    public int Index { get; } = index;

    public ThreadNode? Parent { get; set; }

    public List<ThreadNode> Children { get; } = [];

    public bool IsDummy => Message is null;

    public void Add(ThreadNode child)
    {
        child.Parent = this;
        Children.Add(child);
    }

    public void Unlink()
    {
        Parent?.Children.Remove(this);
        Parent = null;
    }

    /// <summary>Whether <paramref name="other"/> is this node or one of its descendants (a link to it would make a loop).</summary>
    public bool Reaches(ThreadNode other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        foreach (var child in Children)
        {
            if (child.Reaches(other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sort key of RFC 5256 §3 (REFERENCES step 6): the sent date, then the message's order;
    /// a dummy takes its first child's (after its children are sorted).
    /// </summary>
    public (long Ticks, int Index) Key => IsDummy
        ? Children.Count > 0 ? Children[0].Key : (long.MaxValue, int.MaxValue)
        : (Message!.SentDate.UtcTicks, Index);

    /// <summary>Sorts every level by <see cref="Key"/>, children before parents (a dummy's key is its first child's).</summary>
    public static void SortByDate(List<ThreadNode> nodes)
    {
        foreach (var node in nodes)
        {
            SortByDate(node.Children);
        }

        nodes.Sort((a, b) => a.Key.CompareTo(b.Key));
    }

    /// <summary>
    /// The THREAD response's text for these roots (RFC 5256 §4): each root in parentheses; a
    /// message with one child is followed by it ("1 2 3"), with several by each child's thread in
    /// parentheses ("1 (2 4)(3)"); a dummy shows only its children ("((2)(3))").
    /// </summary>
    public static string Format(IEnumerable<ThreadNode> roots, Func<SessionMessage, uint> number)
    {
        var sb = new StringBuilder();
        foreach (var root in roots)
        {
            sb.Append('(');
            Append(sb, root, number);
            sb.Append(')');
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ThreadNode node, Func<SessionMessage, uint> number)
    {
        while (true)
        {
            if (!node.IsDummy)
            {
                sb.Append(number(node.Message!));
            }

            if (node.Children.Count == 1 && !node.IsDummy)
            {
                sb.Append(' ');
                node = node.Children[0];
                continue;
            }

            if (node.Children.Count > 0)
            {
                if (!node.IsDummy)
                {
                    sb.Append(' ');
                }

                foreach (var child in node.Children)
                {
                    sb.Append('(');
                    Append(sb, child, number);
                    sb.Append(')');
                }
            }

            return;
        }
    }
}
