using MailLab.Mail.Text;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Ranks phrasings by how close they are to what was typed: a blend of edit distance over the
/// whole text and shared words, both ignoring case and the values inside quotes.
/// </summary>
public static class Similarity
{
    /// <summary>The candidates closest to <paramref name="typed"/>, best first, that are at least somewhat alike.</summary>
    public static IReadOnlyList<string> Rank(string typed, IEnumerable<string> candidates, int take = 3, double minimum = 0.35) =>
        candidates.Distinct()
            .Select(c => (Text: c, Score: Score(typed, c)))
            .Where(x => x.Score >= minimum)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Text, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.Text)
            .ToArray();

    /// <summary>1 for the same text, 0 for nothing in common.</summary>
    public static double Score(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 && y.Length == 0)
        {
            return 1;
        }

        var edit = 1.0 - ((double)EditDistance.Levenshtein(x, y) / Math.Max(x.Length, y.Length));
        var wordsX = Words(x);
        var wordsY = Words(y);
        var union = wordsX.Union(wordsY).Count();
        var words = union == 0 ? 0 : (double)wordsX.Intersect(wordsY).Count() / union;
        var score = (0.5 * edit) + (0.5 * words);

        // One inside the other ("maxRecipients" in "maxRecipientsPerMessage") is a strong hint.
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        if (shorter.Length >= 4 && longer.Contains(shorter, StringComparison.Ordinal))
        {
            score = Math.Max(score, 0.5 + (0.5 * shorter.Length / longer.Length));
        }

        return score;
    }

    /// <summary>Lower case, with every quoted value replaced by "" so values do not count.</summary>
    private static string Normalize(string text)
    {
        var chars = new List<char>(text.Length);
        var quoted = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (c == '"')
            {
                quoted = !quoted;
                chars.Add(c);
            }
            else if (!quoted)
            {
                chars.Add(c);
            }
        }

        return new string(chars.ToArray());
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', ',', ':', '.', '"'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
