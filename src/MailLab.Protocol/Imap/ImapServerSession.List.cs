using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>LIST (RFC 9051 §6.3.9 with LIST-EXTENDED RFC 5258, LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154) and LSUB (RFC 3501 §6.3.9).</summary>
public sealed partial class ImapServerSession
{
    internal void List(string tag, ImapReader r, bool lsub)
    {
        r.Space();
        var selection = new HashSet<string>(StringComparer.Ordinal);
        if (!lsub && r.TryConsume('('))
        {
            while (!r.TryConsume(')'))
            {
                if (selection.Count > 0)
                {
                    r.Space();
                }

                var option = r.ReadAtom("a selection option").ToUpperInvariant();
                if (option is not ("SUBSCRIBED" or "REMOTE" or "RECURSIVEMATCH" or "SPECIAL-USE"))
                {
                    throw new ImapSyntaxException($"unknown selection option {option}");
                }

                selection.Add(option);
            }

            if (selection.Contains("RECURSIVEMATCH") && selection.Count(o => o != "REMOTE" && o != "RECURSIVEMATCH") == 0)
            {
                // RFC 5258 §3.1: RECURSIVEMATCH needs another selection option.
                throw new ImapSyntaxException("RECURSIVEMATCH needs another selection option");
            }

            r.Space();
        }

        var reference = DecodeName(r.ReadAstring("a reference name"));
        r.Space();
        var patterns = new List<string>();
        if (!lsub && r.TryConsume('('))
        {
            do
            {
                patterns.Add(DecodeName(ReadListMailbox(r)));
            }
            while (r.TryConsume(' '));

            r.Expect(')', "')' closing the patterns");
        }
        else
        {
            patterns.Add(DecodeName(ReadListMailbox(r)));
        }

        var returns = new HashSet<string>(StringComparer.Ordinal);
        List<string>? statusItems = null;
        if (!lsub && r.TryConsume(' '))
        {
            if (!r.TryConsumeWord("RETURN"))
            {
                throw new ImapSyntaxException("expected RETURN");
            }

            r.Space();
            r.Expect('(', "'(' opening the return options");
            while (!r.TryConsume(')'))
            {
                if (returns.Count > 0)
                {
                    r.Space();
                }

                var option = r.ReadAtom("a return option").ToUpperInvariant();
                if (option == "STATUS")
                {
                    r.Space();
                    statusItems = ReadStatusItems(r);
                }
                else if (option is not ("SUBSCRIBED" or "CHILDREN" or "SPECIAL-USE"))
                {
                    throw new ImapSyntaxException($"unknown return option {option}");
                }

                returns.Add(option);
            }
        }

        r.End();
        var delimiter = _account!.HierarchyDelimiter;
        if (patterns.Count == 1 && patterns[0].Length == 0)
        {
            // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the root.
            WriteLine($"* {(lsub ? "LSUB" : "LIST")} (\\Noselect) \"{delimiter}\" \"\"");
            Done(tag, lsub ? "LSUB" : "LIST");
            return;
        }

        var folders = _account.ListFolders();
        var matchers = patterns.Select(p => Matcher(reference + p, delimiter)).ToList();
        var subscribedOnly = lsub || selection.Contains("SUBSCRIBED");
        var specialOnly = selection.Contains("SPECIAL-USE");
        var showSubscribed = selection.Contains("SUBSCRIBED") || returns.Contains("SUBSCRIBED");

        // RFC 5258 §3.5 CHILDINFO, RFC 3501 §6.3.9 LSUB: a parent is listed for its subscribed
        // descendants only when those are not listed themselves (the patterns do not match them).
        bool HasUnlistedSubscribedDescendant(string name) => folders.Any(f =>
            f.Subscribed && f.Name.StartsWith(name + delimiter, StringComparison.Ordinal) && !matchers.Any(m => m(NormaliseInbox(f.Name, delimiter))));

        foreach (var folder in folders.OrderBy(f => f.Name == "INBOX" ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var name = NormaliseInbox(folder.Name, delimiter);
            if (!matchers.Any(m => m(name)))
            {
                continue;
            }

            if ((folder.Attributes & ImapFolderAttributes.NonExistent) != 0 && !subscribedOnly)
            {
                // A subscription without a folder (RFC 5258 §3) shows only where subscriptions are listed.
                continue;
            }

            var childInfo = false;
            var lsubParent = false;
            if (subscribedOnly && !folder.Subscribed)
            {
                if (lsub && HasUnlistedSubscribedDescendant(name))
                {
                    // RFC 3501 §6.3.9: "%" stops at a level whose descendants are subscribed; that level is shown \Noselect.
                    lsubParent = true;
                }
                else if (selection.Contains("RECURSIVEMATCH") && HasUnlistedSubscribedDescendant(name))
                {
                    // RFC 5258 §3.5: RECURSIVEMATCH lists a parent whose descendants are subscribed, with CHILDINFO.
                    childInfo = true;
                }
                else
                {
                    continue;
                }
            }

            if (specialOnly && (folder.Attributes & SpecialUse) == 0)
            {
                continue;
            }

            var attributes = lsubParent ? [@"\Noselect"] : AttributeNames(folder, showSubscribed, lsub);
            var w = Response().Append(lsub ? "* LSUB (" : "* LIST (").Append(string.Join(' ', attributes)).Append(") \"").Append(delimiter.ToString()).Append("\" ");
            w.AppendString(WireName(name));
            if (childInfo)
            {
                w.Append(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
            }

            End(w);
            if (statusItems is not null && (folder.Attributes & (ImapFolderAttributes.Noselect | ImapFolderAttributes.NonExistent)) == 0
                && _account.GetStatus(folder.Name) is { } status)
            {
                // RFC 5819 §2: STATUS follows its LIST line.
                WriteStatus(name, status, statusItems);
            }
        }

        Done(tag, lsub ? "LSUB" : "LIST");
    }

    private const ImapFolderAttributes SpecialUse = ImapFolderAttributes.All | ImapFolderAttributes.Archive | ImapFolderAttributes.Drafts
        | ImapFolderAttributes.Flagged | ImapFolderAttributes.Junk | ImapFolderAttributes.Sent | ImapFolderAttributes.Trash;

    private static List<string> AttributeNames(ImapFolderInfo folder, bool subscribed, bool lsub)
    {
        var names = new List<string>();
        var a = folder.Attributes;
        void Add(ImapFolderAttributes flag, string name)
        {
            if ((a & flag) != 0)
            {
                names.Add(name);
            }
        }

        if (lsub)
        {
            // LSUB has no \NonExistent (RFC 3501 §7.2.3): a subscribed name without a folder cannot be selected.
            Add(ImapFolderAttributes.NonExistent | ImapFolderAttributes.Noselect, @"\Noselect");
        }
        else
        {
            Add(ImapFolderAttributes.NonExistent, @"\NonExistent");
            Add(ImapFolderAttributes.Noselect, @"\Noselect");
        }

        Add(ImapFolderAttributes.Noinferiors, @"\Noinferiors");
        if (!lsub)
        {
            Add(ImapFolderAttributes.HasChildren, @"\HasChildren");
            Add(ImapFolderAttributes.HasNoChildren, @"\HasNoChildren");
        }

        Add(ImapFolderAttributes.Marked, @"\Marked");
        Add(ImapFolderAttributes.Unmarked, @"\Unmarked");
        if (subscribed && folder.Subscribed)
        {
            names.Add(@"\Subscribed");
        }

        Add(ImapFolderAttributes.All, @"\All");
        Add(ImapFolderAttributes.Archive, @"\Archive");
        Add(ImapFolderAttributes.Drafts, @"\Drafts");
        Add(ImapFolderAttributes.Flagged, @"\Flagged");
        Add(ImapFolderAttributes.Junk, @"\Junk");
        Add(ImapFolderAttributes.Sent, @"\Sent");
        Add(ImapFolderAttributes.Trash, @"\Trash");
        return names;
    }

    /// <summary>list-mailbox = 1*list-char / string (RFC 9051 §9).</summary>
    private static string ReadListMailbox(ImapReader r)
    {
        return r.AtString() ? r.ReadString("a mailbox pattern") : r.ReadWhile(ImapReader.IsListChar, "a mailbox pattern");
    }

    private string DecodeName(string raw) => !Utf8Names && ModifiedUtf7.TryDecode(raw, out var decoded) ? decoded : raw;

    /// <summary>"*" matches anything, "%" anything but the delimiter (RFC 9051 §6.3.9); INBOX case-insensitively.</summary>
    private static Func<string, bool> Matcher(string pattern, char delimiter)
    {
        if (pattern.StartsWith("INBOX", StringComparison.OrdinalIgnoreCase) && (pattern.Length == 5 || pattern[5] == delimiter || pattern[5] == '*' || pattern[5] == '%'))
        {
            pattern = "INBOX" + pattern[5..];
        }

        return name => WildcardMatch(pattern, name, delimiter);
    }

    /// <summary>Wildcard matching by dynamic programming over (pattern, name) positions: linear in their product, whatever the pattern.</summary>
    internal static bool WildcardMatch(string pattern, string name, char delimiter)
    {
        // reachable[j]: the pattern so far can end after name[..j].
        var reachable = new bool[name.Length + 1];
        reachable[0] = true;
        foreach (var p in pattern)
        {
            var next = new bool[name.Length + 1];
            if (p is '*' or '%')
            {
                var open = false;
                for (var j = 0; j <= name.Length; j++)
                {
                    if (p == '%' && j > 0 && name[j - 1] == delimiter)
                    {
                        open = false;
                    }

                    open |= reachable[j];
                    next[j] = open;
                }
            }
            else
            {
                for (var j = 1; j <= name.Length; j++)
                {
                    next[j] = reachable[j - 1] && name[j - 1] == p;
                }
            }

            reachable = next;
        }

        return reachable[name.Length];
    }
}
