using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// The special lines of a typed dialogue's doc string. <c>(wait 11 minutes)</c> (also seconds and
/// hours; Russian <c>(ждать 11 минут)</c>) sends nothing and lets the virtual clock move, so a
/// connection time-out can close the session. After <c>BDAT N</c> (RFC 3030) the next lines are
/// the chunk: each with its CRLF, N octets in all (the last line's CRLF may be left out of N).
/// </summary>
public static partial class DialogueScript
{
    /// <summary>The time a wait line lets pass, or null for any other line.</summary>
    public static TimeSpan? Wait(string line)
    {
        var match = WaitLine().Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var count = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[3].Value.ToLowerInvariant();
        return unit switch
        {
            _ when unit.StartsWith("sec", StringComparison.Ordinal) || unit.StartsWith("сек", StringComparison.Ordinal) => TimeSpan.FromSeconds(count),
            _ when unit.StartsWith("min", StringComparison.Ordinal) || unit.StartsWith("мин", StringComparison.Ordinal) => TimeSpan.FromMinutes(count),
            _ when unit.StartsWith("hour", StringComparison.Ordinal) || unit.StartsWith("час", StringComparison.Ordinal) => TimeSpan.FromHours(count),
            _ => throw new ScenarioSetupException($"\"{line}\": wait seconds, minutes or hours, e.g. (wait 11 minutes)."),
        };
    }

    /// <summary>The chunk size of a <c>BDAT N [LAST]</c> line, or null for any other line.</summary>
    public static int? BdatSize(string line)
    {
        var match = BdatLine().Match(line);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    /// <summary>
    /// The chunk after a BDAT line: lines from <paramref name="start"/>, each with CRLF, until
    /// <paramref name="size"/> octets; a CRLF that would go past the size is left out.
    /// </summary>
    public static (byte[] Bytes, int Lines) Chunk(IReadOnlyList<string> lines, int start, int size)
    {
        var bytes = new List<byte>();
        var taken = 0;
        while (bytes.Count < size && start + taken < lines.Count)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(lines[start + taken] + "\r\n"));
            taken++;
        }

        if (bytes.Count < size)
        {
            throw new ScenarioSetupException($"BDAT {size} announces {size} octets but the lines after it give only {bytes.Count} (each line counts with its CRLF).");
        }

        if (bytes.Count - size > 2)
        {
            throw new ScenarioSetupException($"BDAT {size}: the chunk's lines give {bytes.Count} octets, more than {size} (each line counts with its CRLF; the last CRLF may be left out).");
        }

        return (bytes.Take(size).ToArray(), taken);
    }

    [GeneratedRegex(@"^\(\s*(wait|ждать|подождать|ожидание)\s+(\d+)\s+(\w+)\s*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitLine();

    [GeneratedRegex(@"^BDAT +(\d+)( +LAST)? *$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BdatLine();
}
