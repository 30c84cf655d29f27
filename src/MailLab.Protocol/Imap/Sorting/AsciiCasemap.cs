namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// The i;ascii-casemap collation (RFC 4790 §9.2): a-z compare as A-Z, everything else by value.
/// RFC 5256 §3 names it for SORT's and THREAD's string comparisons.
/// </summary>
internal static class AsciiCasemap
{
    public static int Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var diff = Upper(a[i]).CompareTo(Upper(b[i]));
            if (diff != 0)
            {
                return diff;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    public static bool Equal(string a, string b) => Compare(a, b) == 0;

    /// <summary>The string with a-z as A-Z: strings equal under the collation fold to the same key.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = Upper(s[i]);
        }
    });

    private static char Upper(char c) => c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
}
