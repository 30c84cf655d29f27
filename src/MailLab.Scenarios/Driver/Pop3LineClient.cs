namespace MailLab.Scenarios.Driver;

/// <summary>
/// A POP3 client over a <see cref="LineClient"/>. A response is one status line (+OK, -ERR, or
/// "+ " during AUTH); after +OK to CAPA, RETR, TOP, and LIST or UIDL without an argument, the
/// lines up to the "." line follow (RFC 1939 §3), un-stuffed, and the whole counts as one response.
/// </summary>
public sealed class Pop3LineClient(Stream stream) : LineClient(stream)
{
    /// <summary>Whether a +OK to this command line is followed by a multi-line body (RFC 1939, RFC 2449 §5).</summary>
    public static bool IsMultiLine(string command)
    {
        var words = command.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        return words[0].ToUpperInvariant() switch
        {
            "CAPA" or "RETR" or "TOP" => true,
            "LIST" or "UIDL" => words.Length == 1,
            _ => false,
        };
    }

    /// <summary>Reads one response; null when the server closed the connection first.</summary>
    public async Task<ServerReply?> ReadResponseAsync(bool multiLine)
    {
        var status = await ReadLineAsync().ConfigureAwait(false);
        if (status is null)
        {
            return null;
        }

        var lines = new List<string> { status };
        if (multiLine && status.StartsWith("+OK", StringComparison.Ordinal))
        {
            while (await ReadLineAsync().ConfigureAwait(false) is { } line && line != ".")
            {
                lines.Add(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line);
            }
        }

        return ServerReply.Pop3(lines);
    }

    /// <summary>Sends a command and reads its response (multi-line when the command has one).</summary>
    public async Task<ServerReply?> CommandAsync(string line) =>
        await SendLineAsync(line).ConfigureAwait(false) ? await ReadResponseAsync(IsMultiLine(line)).ConfigureAwait(false) : null;
}
