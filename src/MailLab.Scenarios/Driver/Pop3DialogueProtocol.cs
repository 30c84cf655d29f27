namespace MailLab.Scenarios.Driver;

/// <summary>POP3: one response per line, multi-line after +OK to CAPA, RETR, TOP, LIST and UIDL; STLS.</summary>
internal sealed class Pop3DialogueProtocol(Stream stream) : DialogueProtocol
{
    private readonly Pop3LineClient _client = new(stream);

    public override LineClient Client => _client;

    public override Task<ServerReply?> ReadGreetingAsync() => _client.ReadResponseAsync(multiLine: false);

    public override bool AwaitsReply(string line) => true;

    public override Task<ServerReply?> ReadReplyAsync(string line) => _client.ReadResponseAsync(Pop3LineClient.IsMultiLine(line));

    public override Task<ServerReply?> ReadUnsolicitedAsync() => _client.ReadResponseAsync(multiLine: false);

    public override async Task AfterReplyAsync(string line, ServerReply reply, string host)
    {
        if (reply.Status == "+OK" && line.Trim().Equals("STLS", StringComparison.OrdinalIgnoreCase))
        {
            await _client.StartTlsAsync(host).ConfigureAwait(false);
        }
    }
}
