namespace MailLab.Mail.Topology;

/// <summary>Finds the valid key a misspelt one was probably meant to be ("limts" → "limits").</summary>
internal static class KeySuggester
{
    public static string? Closest(string typed, IEnumerable<string> valid)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            var distance = Text.EditDistance.Levenshtein(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Close enough to be a typo: a couple of edits, or a third of the word for long keys.
        return bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }
}
