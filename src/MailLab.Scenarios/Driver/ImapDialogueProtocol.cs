namespace MailLab.Scenarios.Driver;

/// <summary>
/// IMAP: each line's response runs to the completion with the line's tag, or to a <c>+</c>
/// continuation (AUTHENTICATE, a synchronising literal, IDLE). A line ending in a literal
/// (<c>{n}</c>, <c>{n+}</c>) takes the next script lines as its octets, sent with it; the <c>+</c>
/// to a synchronising literal is then read as part of the same response. After <c>OK</c> to
/// STARTTLS the client switches to TLS. <c>DONE</c> ends IDLE and is answered with IDLE's tag.
/// </summary>
internal sealed class ImapDialogueProtocol(Stream stream) : DialogueProtocol
{
    private readonly ImapLineClient _client = new(stream);
    private string? _idleTag;
    private bool _literalSent;

    public override LineClient Client => _client;

    public override Task<ServerReply?> ReadGreetingAsync() => _client.ReadGreetingAsync();

    public override bool AwaitsReply(string line) => true;

    public override int? ChunkSize(string line) => ImapLineClient.LiteralSize(line) is { } size ? Remember(size) : null;

    public override byte[] AfterChunk => "\r\n"u8.ToArray();

    public override async Task<ServerReply?> ReadReplyAsync(string line)
    {
        var literal = _literalSent;
        _literalSent = false;
        if (_idleTag is not null && line.Trim().Equals("DONE", StringComparison.OrdinalIgnoreCase))
        {
            var tag = _idleTag;
            _idleTag = null;
            return await _client.ReadResponseAsync(tag).ConfigureAwait(false);
        }

        // A line sent in answer to a continuation (a SASL response) is answered with the command's tag.
        var ownTag = ImapLineClient.TagOf(line);
        return await _client.ReadResponseAsync(_pendingTag ?? ownTag, throughContinuation: literal).ConfigureAwait(false);
    }

    public override Task<ServerReply?> ReadUnsolicitedAsync() => _client.ReadResponseAsync(tag: null);

    public override async Task AfterReplyAsync(string line, ServerReply reply, string host)
    {
        var words = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var command = words.Length > 1 ? words[1].ToUpperInvariant() : string.Empty;
        if (reply.Status == "+")
        {
            // The command goes on: IDLE until DONE; AUTHENTICATE until its last response.
            _pendingTag ??= ImapLineClient.TagOf(line);
            if (command == "IDLE")
            {
                _idleTag = _pendingTag;
                _pendingTag = null;
            }

            return;
        }

        _pendingTag = null;
        if (reply.Status == "OK" && command == "STARTTLS")
        {
            await _client.StartTlsAsync(host).ConfigureAwait(false);
        }
    }

    private string? _pendingTag;

    private int Remember(int size)
    {
        _literalSent = true;
        return size;
    }
}
