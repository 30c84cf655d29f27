using System.Text;

namespace MailLab.Protocol.Imap.Sorting;

/// <summary>
/// The collation SORT and THREAD compare strings with: RFC 5256 asks for I18NLEVEL=1's (RFC 5255
/// §4), i;unicode-casemap (RFC 5051). Its first step is here: every character case-mapped (.NET's
/// invariant upper case, which is RFC 5051's titlecase for all but a few digraphs), so "привет" and
/// "ПРИВЕТ" are equal; keys then compare by code unit. Its second step, NFKD decomposition, is left
/// out: MailLab runs with InvariantGlobalization, where .NET has no Unicode normalization data, so
/// a precomposed "é" and "e" + U+0301 stay apart. Callers fold once per message and compare the keys.
/// </summary>
internal static class UnicodeCasemap
{
    /// <summary>The key strings equal under the collation share; the order of keys is the collation's order.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            sb.Append(Rune.ToUpperInvariant(rune).ToString());
        }

        return sb.ToString();
    }

    /// <summary>Compares two folded keys.</summary>
    public static int CompareFolded(string a, string b) => string.CompareOrdinal(a, b);

    public static int Compare(string a, string b) => CompareFolded(Fold(a), Fold(b));
}
