namespace MailLab.Scenarios.Driver;

/// <summary>An SMTP client over a <see cref="LineClient"/>: one command line, then one whole reply (every continuation line).</summary>
public sealed class SmtpLineClient(Stream stream) : LineClient(stream)
{
    /// <summary>Reads one reply; null when the server closed the connection first.</summary>
    public async Task<ServerReply?> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync().ConfigureAwait(false);
            if (line is null)
            {
                return lines.Count == 0 ? null : ServerReply.Smtp(lines);
            }

            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return ServerReply.Smtp(lines);
            }
        }
    }

    /// <summary>Sends a line and reads its reply.</summary>
    public async Task<ServerReply?> CommandAsync(string line) =>
        await SendLineAsync(line).ConfigureAwait(false) ? await ReadReplyAsync().ConfigureAwait(false) : null;
}
