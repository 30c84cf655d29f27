using System.Reflection;
using System.Text;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// Turns a step's regular expression into the phrasing people read and type: a capturing group
/// becomes its parameter's name in capitals (<c>"HOST"</c>, <c>N</c>), a choice of words
/// (<c>(paused|stopped|running)</c>) stays a choice, an alternative group shows its first word,
/// an optional group or letter is dropped or bracketed (<c>message(s)</c>).
/// </summary>
public static class PhrasingFormatter
{
    public static string Format(string pattern, MethodInfo method)
    {
        var parameters = method.GetParameters();
        var text = new StringBuilder();
        var group = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                text.Append(pattern[i + 1]);
                i += 2;
            }
            else if (c == '(')
            {
                var end = Close(pattern, i);
                var inner = pattern[(i + 1)..end];
                var optional = end + 1 < pattern.Length && pattern[end + 1] == '?';
                if (inner.StartsWith("?:", StringComparison.Ordinal))
                {
                    if (!optional)
                    {
                        text.Append(Format(inner[2..].Split('|')[0], method));
                    }
                }
                else if (inner.StartsWith("?!", StringComparison.Ordinal) || inner.StartsWith("?=", StringComparison.Ordinal))
                {
                    // a look-ahead shows nothing
                }
                else
                {
                    var name = group < parameters.Length ? parameters[group].Name ?? "VALUE" : "VALUE";
                    group++;
                    text.Append(IsWordChoice(inner) ? inner : ParameterName(name, parameters.ElementAtOrDefault(group - 1)?.ParameterType));
                }

                i = end + (optional ? 2 : 1);
            }
            else if (c == '?' && text.Length > 0 && char.IsLetter(text[^1]))
            {
                text.Insert(text.Length - 1, '(').Append(')');
                i++;
            }
            else if (c is '^' or '$')
            {
                i++;
            }
            else if (c == '[')
            {
                // a character class such as [её]: show its first character
                var end = pattern.IndexOf(']', i);
                text.Append(pattern[i + 1]);
                i = end + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    private static string ParameterName(string name, Type? type)
    {
        if (type == typeof(int) || type == typeof(long))
        {
            return "N";
        }

        var words = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToUpperInvariant(ch));
        }

        return words.ToString();
    }

    private static bool IsWordChoice(string inner) =>
        inner.Contains('|') && inner.All(ch => char.IsLetter(ch) || ch is '|' or ' ' or '-');

    private static int Close(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '(')
            {
                depth++;
            }
            else if (pattern[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return pattern.Length - 1;
    }
}
