using System.Text;

namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// The base subject of RFC 5256 §2.1, which SORT SUBJECT orders by and THREAD groups by: the
/// decoded subject without reply and forward markers (<c>Re:</c>, <c>Fw:</c>, <c>Fwd:</c>, with
/// their <c>[blob]</c>s), leading <c>[list]</c> tags, trailing <c>(fwd)</c> and <c>[fwd: …]</c>
/// wrappers. MailKit's <c>MessageThreader.GetThreadableSubject</c> is a client's approximation
/// (no <c>(fwd)</c> trailers, no <c>Fw:</c>, no <c>[fwd: …]</c>), so the RFC's steps are here.
/// </summary>
internal static class BaseSubject
{
    /// <summary>The base subject of a decoded subject (RFC 2047 words already decoded, as MimeKit's <c>MimeMessage.Subject</c> is).</summary>
    public static string Of(string? subject) => Extract(subject, out _);

    /// <summary>
    /// The base subject, and whether the subject marked a reply or forward: a <c>Re:</c> / <c>Fwd:</c>
    /// leader, a <c>(fwd)</c> trailer or a <c>[fwd: …]</c> wrapper was removed (RFC 5256 §2.1, used by
    /// THREAD=REFERENCES §4 step 4).
    /// </summary>
    public static string Extract(string? subject, out bool replyOrForward)
    {
        replyOrForward = false;
        // (1) Tabs and folding become spaces, runs of white space one space.
        var text = Collapse(subject ?? string.Empty);
        while (true)
        {
            // (2) Trailing "(fwd)" and white space, repeatedly.
            while (true)
            {
                if (text.EndsWith(' '))
                {
                    text = text[..^1];
                }
                else if (text.EndsWith("(fwd)", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[..^5];
                    replyOrForward = true;
                }
                else
                {
                    break;
                }
            }

            // (3), (4), (5): leaders, then a leading blob if something is left after it, until neither applies.
            bool changed;
            do
            {
                changed = false;
                while (LeaderLength(text, out var refwd) is var n && n > 0)
                {
                    text = text[n..];
                    replyOrForward |= refwd;
                    changed = true;
                }

                var blob = BlobLength(text, 0);
                if (blob > 0 && blob < text.Length)
                {
                    text = text[blob..];
                    changed = true;
                }
            }
            while (changed);

            // (6) "[fwd: base]" unwraps, and the steps start over at (2).
            if (text.Length >= 6 && text.StartsWith("[fwd:", StringComparison.OrdinalIgnoreCase) && text.EndsWith(']'))
            {
                text = text[5..^1];
                replyOrForward = true;
                continue;
            }

            return text;
        }
    }

    private static string Collapse(string subject)
    {
        var sb = new StringBuilder(subject.Length);
        var space = false;
        foreach (var c in subject)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (!space)
                {
                    sb.Append(' ');
                }

                space = true;
                continue;
            }

            sb.Append(c);
            space = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// The length of a subj-leader at the start: <c>(*subj-blob subj-refwd) / WSP</c>, where
    /// <c>subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"</c>; 0 when there is none.
    /// </summary>
    private static int LeaderLength(string text, out bool refwd)
    {
        refwd = false;
        if (text.StartsWith(' '))
        {
            return 1;
        }

        var pos = 0;
        while (true)
        {
            if (RefwdLength(text, pos) is var r && r > 0)
            {
                refwd = true;
                return pos + r;
            }

            var blob = BlobLength(text, pos);
            if (blob == 0)
            {
                return 0;
            }

            pos += blob;
        }
    }

    private static int RefwdLength(string text, int pos)
    {
        int p;
        if (At(text, pos, "re"))
        {
            p = pos + 2;
        }
        else if (At(text, pos, "fwd"))
        {
            p = pos + 3;
        }
        else if (At(text, pos, "fw"))
        {
            p = pos + 2;
        }
        else
        {
            return 0;
        }

        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        p += BlobLength(text, p);
        return p < text.Length && text[p] == ':' ? p + 1 - pos : 0;
    }

    /// <summary>The length of <c>subj-blob = "[" *BLOBCHAR "]" *WSP</c> at <paramref name="pos"/> (BLOBCHAR: anything but "[" and "]"); 0 when none.</summary>
    private static int BlobLength(string text, int pos)
    {
        if (pos >= text.Length || text[pos] != '[')
        {
            return 0;
        }

        var p = pos + 1;
        while (p < text.Length && text[p] != '[' && text[p] != ']')
        {
            p++;
        }

        if (p >= text.Length || text[p] != ']')
        {
            return 0;
        }

        p++;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        return p - pos;
    }

    private static bool At(string text, int pos, string word) =>
        pos + word.Length <= text.Length && string.Compare(text, pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
