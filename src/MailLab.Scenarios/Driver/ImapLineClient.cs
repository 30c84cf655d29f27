using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// An IMAP client over a <see cref="LineClient"/>, as a student types it: a command is
/// <c>tag command</c>; its response is every untagged (<c>*</c>) line up to the tagged completion
/// (<c>tag OK|NO|BAD</c>), or a <c>+</c> continuation (RFC 9051 §2.2.2). A literal in a server line
/// (<c>{n}</c> at its end, §4.3) is read as n octets and shown as <c>{n}</c>, so a FETCH of a body
/// stays one line.
/// </summary>
public sealed partial class ImapLineClient(Stream stream) : LineClient(stream)
{
    /// <summary>The literals of the last response read, in order (message bodies a FETCH returned).</summary>
    public IReadOnlyList<byte[]> Literals => _literals;

    private readonly List<byte[]> _literals = [];

    /// <summary>The tag of a command line (its first word), or null for a blank line.</summary>
    public static string? TagOf(string line)
    {
        var trimmed = line.TrimStart();
        var space = trimmed.IndexOf(' ');
        return trimmed.Length == 0 ? null : space < 0 ? trimmed : trimmed[..space];
    }

    /// <summary>The size of a literal the client line ends with (<c>{n}</c> or <c>{n+}</c>), or null.</summary>
    public static int? LiteralSize(string line)
    {
        var match = LiteralAtEnd().Match(line);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    /// <summary>The greeting: one untagged line.</summary>
    public async Task<ServerReply?> ReadGreetingAsync() =>
        await ReadServerLineAsync().ConfigureAwait(false) is { } line ? ServerReply.Imap([line]) : null;

    /// <summary>
    /// Reads lines up to the completion tagged <paramref name="tag"/>, or a continuation unless
    /// <paramref name="throughContinuation"/> (the literal went with the command line). Null when the
    /// server closed first without a line; what it said before closing is returned.
    /// </summary>
    public async Task<ServerReply?> ReadResponseAsync(string? tag, bool throughContinuation = false)
    {
        _literals.Clear();
        var lines = new List<string>();
        while (await ReadServerLineAsync().ConfigureAwait(false) is { } line)
        {
            lines.Add(line);
            if (line == "+" || line.StartsWith("+ ", StringComparison.Ordinal))
            {
                if (!throughContinuation)
                {
                    break;
                }

                continue;
            }

            if (tag is not null && line.StartsWith(tag + " ", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        return lines.Count == 0 ? null : ServerReply.Imap(lines);
    }

    /// <summary>Sends a tagged command and reads its response.</summary>
    public async Task<ServerReply?> CommandAsync(string tag, string command) =>
        await SendLineAsync($"{tag} {command}").ConfigureAwait(false) ? await ReadResponseAsync(tag).ConfigureAwait(false) : null;

    /// <summary>One server line with its literals read in (shown by size).</summary>
    private async Task<string?> ReadServerLineAsync()
    {
        if (await ReadLineAsync().ConfigureAwait(false) is not { } line)
        {
            return null;
        }

        var text = new StringBuilder(line);
        while (LiteralAtEnd().Match(line) is { Success: true } match
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            if (await ReadBytesAsync(size).ConfigureAwait(false) is not { } literal)
            {
                break;
            }

            _literals.Add(literal);
            if (await ReadLineAsync().ConfigureAwait(false) is not { } rest)
            {
                break;
            }

            text.Append(rest);
            line = rest;
        }

        return text.ToString();
    }

    [GeneratedRegex(@"~?\{(\d{1,9})\+?\}$", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralAtEnd();
}
