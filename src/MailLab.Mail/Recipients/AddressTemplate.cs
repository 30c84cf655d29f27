using System.Text;

namespace MailLab.Mail.Recipients;

/// <summary>
/// A recipient policy's SMTP address template, such as <c>%g.%s@rosnou.ru</c>. The replacement strings
/// are Exchange 2003's (KB 285136, KB 822447; Exchange 2003 SP2 help, "Add an Address to a Recipient
/// Policy"): %g given name, %s surname, %i middle initial, %d display name, %m alias; a number before
/// the letter takes that many characters (%1g the first letter of the given name); %rxy replaces
/// every following x with y (deletes x when y is x); %% is a percent sign. Characters RFC 821 does
/// not allow in a local part are removed. The default format is %m.
/// </summary>
public static class AddressTemplate
{
    /// <summary>The address the template gives <paramref name="recipient"/>, lower case; null when a part it names is empty (a group has no surname).</summary>
    public static string? Expand(string template, DirectoryRecipient recipient)
    {
        var at = template.LastIndexOf('@');
        if (at < 0)
        {
            return null;
        }

        var format = at == 0 ? "%m" : template[..at];
        var local = new StringBuilder();
        var replacements = new List<(char From, char To)>();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                local.Append(Replace(c, replacements));
                continue;
            }

            i++;
            if (format[i] == '%')
            {
                local.Append('%');
                continue;
            }

            if (format[i] == 'r' && i + 2 < format.Length)
            {
                replacements.Add((format[i + 1], format[i + 2]));
                i += 2;
                continue;
            }

            var digits = i;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                i++;
            }

            var count = i > digits ? int.Parse(format.AsSpan(digits, i - digits), System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
            if (i >= format.Length)
            {
                return null;
            }

            var value = char.ToLowerInvariant(format[i]) switch
            {
                'g' => recipient.FirstName,
                's' => recipient.LastName,
                'i' => null,
                'd' => recipient.DisplayName,
                'm' => recipient.Alias,
                _ => null,
            };
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            foreach (var part in value.Length > count ? value[..count] : value)
            {
                local.Append(Replace(part, replacements));
            }
        }

        var kept = new string(local.ToString().Where(IsLocalPartCharacter).ToArray()).Trim('.');
        return kept.Length == 0 ? null : $"{kept}@{template[(at + 1)..]}".ToLowerInvariant();
    }

    private static string Replace(char c, List<(char From, char To)> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            if (c == from)
            {
                return from == to ? string.Empty : to.ToString();
            }
        }

        return c.ToString();
    }

    /// <summary>RFC 821's dot-string characters: letters, digits, the specials it allows, and dots.</summary>
    private static bool IsLocalPartCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c);
}
