namespace MailLab.Scenarios.Driver;

/// <summary>SMTP: after 354 the lines are content until "."; BDAT chunks; STARTTLS.</summary>
internal sealed class SmtpDialogueProtocol(Stream stream) : DialogueProtocol
{
    private readonly SmtpLineClient _client = new(stream);
    private bool _inData;

    public override LineClient Client => _client;

    public override Task<ServerReply?> ReadGreetingAsync() => _client.ReadReplyAsync();

    public override bool AwaitsReply(string line) => !_inData || line == ".";

    public override int? ChunkSize(string line) => _inData ? null : DialogueScript.BdatSize(line);

    public override Task<ServerReply?> ReadReplyAsync(string line) => _client.ReadReplyAsync();

    public override Task<ServerReply?> ReadUnsolicitedAsync() => _client.ReadReplyAsync();

    public override async Task AfterReplyAsync(string line, ServerReply reply, string host)
    {
        _inData = reply.Code == 354;
        if (reply.Code == 220 && line.Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase))
        {
            await _client.StartTlsAsync(host).ConfigureAwait(false);
        }
    }
}
