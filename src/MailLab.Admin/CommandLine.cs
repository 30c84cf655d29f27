using System.Text;

namespace MailLab.Admin;

/// <summary>Splits a command line into words the way a shell does for plain cases: spaces separate, '…' and "…" group.</summary>
public static class CommandLine
{
    public static bool TryTokenize(string line, out IReadOnlyList<string> words, out string? error)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            words = [];
            error = $"the quote {quote} is not closed";
            return false;
        }

        if (inWord)
        {
            result.Add(current.ToString());
        }

        words = result;
        error = null;
        return true;
    }
}
