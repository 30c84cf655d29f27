namespace MailLab.Scenarios.Driver;

/// <summary>
/// What a typed dialogue needs to know of its protocol: how replies are read, which lines get
/// none (message content after SMTP's 354), and when to switch to TLS (STARTTLS, STLS).
/// </summary>
internal abstract class DialogueProtocol : IAsyncDisposable
{
    public abstract LineClient Client { get; }

    public abstract Task<ServerReply?> ReadGreetingAsync();

    /// <summary>Whether the server answers this line (message content is not answered line by line).</summary>
    public abstract bool AwaitsReply(string line);

    /// <summary>The size of a BDAT chunk this line announces, or null.</summary>
    public virtual int? ChunkSize(string line) => null;

    public abstract Task<ServerReply?> ReadReplyAsync(string line);

    /// <summary>A reply the server gives unasked (a time-out notice) before it closes; null when it just closes.</summary>
    public abstract Task<ServerReply?> ReadUnsolicitedAsync();

    /// <summary>Switches to TLS after the server agreed to STARTTLS or STLS.</summary>
    public abstract Task AfterReplyAsync(string line, ServerReply reply, string host);

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}

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
