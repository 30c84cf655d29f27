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

    /// <summary>What goes after a chunk: nothing for BDAT; the CRLF that ends an IMAP command after its literal.</summary>
    public virtual byte[] AfterChunk => [];

    public abstract Task<ServerReply?> ReadReplyAsync(string line);

    /// <summary>A reply the server gives unasked (a time-out notice) before it closes; null when it just closes.</summary>
    public abstract Task<ServerReply?> ReadUnsolicitedAsync();

    /// <summary>Switches to TLS after the server agreed to STARTTLS or STLS.</summary>
    public abstract Task AfterReplyAsync(string line, ServerReply reply, string host);

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
