using System.Net.Sockets;
using System.Text;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// <c>When a client connects to SMTP|POP3 on "HOST" and sends:</c> and <c>Then the server replies:</c>.
/// Each line is sent with CRLF and answered before the next, except SMTP message content, which
/// goes out until the "." line. After a 220 to STARTTLS (or +OK to STLS) the client switches to
/// TLS and goes on. <c>(wait N minutes)</c> sends nothing while the virtual clock moves;
/// <c>BDAT N</c> takes the next lines as its chunk (<see cref="DialogueScript"/>).
/// </summary>
public sealed partial class ScenarioWorld
{
    /// <summary>The last conversation a step typed.</summary>
    public Dialogue? LastDialogue { get; private set; }

    /// <summary>Types an SMTP conversation with HOST's first virtual server.</summary>
    public async Task<Dialogue> ConverseAsync(string host, string script)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var server = FrontVirtualServer(found);
        Stream stream;
        try
        {
            stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.Connect(server, ClientAddress);
        }
        catch (SocketException)
        {
            return Record(new Dialogue("SMTP", found.Name, [], [], [], true, $"{found.Name} refused the connection: \"{server.Name}\" is stopped."));
        }

        await using var protocol = new SmtpDialogueProtocol(stream);
        return Record(await RunDialogueAsync("SMTP", found.Name, protocol, server.Limits.ConnectionTimeout, script).ConfigureAwait(false));
    }

    /// <summary>Types a POP3 conversation with HOST's POP3 service.</summary>
    public async Task<Dialogue> ConversePop3Async(string host, string script)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        Stream stream;
        try
        {
            stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.ConnectPop3(found.Pop3, ClientAddress);
        }
        catch (SocketException)
        {
            return Record(new Dialogue("POP3", found.Name, [], [], [], true, $"{found.Name} refused the connection: its POP3 service is not enabled."));
        }

        Dialogue dialogue;
        _pop3DialoguesRunning = 1;
        try
        {
            await using var protocol = new Pop3DialogueProtocol(stream);
            dialogue = await RunDialogueAsync("POP3", found.Name, protocol, found.Pop3.IdleTimeout, script).ConfigureAwait(false);
        }
        finally
        {
            _pop3DialoguesRunning = 0;
        }

        await WaitForPop3SessionsToEndAsync().ConfigureAwait(false);
        return Record(dialogue);
    }

    /// <summary>Checks the last conversation's replies against the expectation lines.</summary>
    public void CheckReplies(string expected)
    {
        var dialogue = LastDialogue
            ?? throw new ScenarioSetupException("No conversation to check: a \"When a client connects to SMTP on \"HOST\" and sends:\" (or POP3) step must come first.");
        var lines = ReplyExpectation.Parse(expected);
        var problem = dialogue.Protocol == "IMAP"
            ? ImapReplyExpectation.Compare(lines, dialogue.Replies, dialogue.ClosedEarly)
            : ReplyExpectation.Compare(lines, dialogue.Replies, dialogue.ClosedEarly, dialogue.Labels);
        if (problem is not null)
        {
            var actual = dialogue.Replies.Count == 0 ? "(no reply)" : string.Join("\n", dialogue.Replies.Select(r => r.FirstLine));
            if (dialogue.Note is not null)
            {
                actual += $"\n({dialogue.Note})";
            }

            throw Failure($"The server's replies differ: {problem}.", string.Join("\n", lines), actual);
        }
    }

    /// <summary>
    /// Sends the script line by line, reading each reply. A wait line moves the clock; once the
    /// client has been silent for the server's time-out, the notice the server gives as it closes
    /// (SMTP's 421 4.4.2; POP3 closes without one) is read as a reply.
    /// </summary>
    private async Task<Dialogue> RunDialogueAsync(string name, string host, DialogueProtocol protocol, TimeSpan idleTimeout, string script)
    {
        var lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sent = new List<string>();
        var replies = new List<ServerReply>();
        var labels = new List<string>();
        var finished = false;
        if (await protocol.ReadGreetingAsync().ConfigureAwait(false) is { } greeting)
        {
            replies.Add(greeting);
            labels.Add("the greeting");
            finished = await RunScriptAsync(host, protocol, idleTimeout, lines, sent, replies, labels).ConfigureAwait(false);
        }

        await SettleAsync().ConfigureAwait(false);
        var closedEarly = !finished;
        return new Dialogue(name, host, sent, replies, labels, closedEarly,
            closedEarly ? $"{host} closed the connection after {replies.Count} {(replies.Count == 1 ? "reply" : "replies")}." : null);
    }

    /// <summary>Runs the lines; false when the server closed the connection before the last one.</summary>
    private async Task<bool> RunScriptAsync(string host, DialogueProtocol protocol, TimeSpan idleTimeout, string[] lines, List<string> sent, List<ServerReply> replies, List<string> labels)
    {
        var idle = TimeSpan.Zero;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (DialogueScript.Wait(line) is { } wait)
            {
                await PassAsync(wait).ConfigureAwait(false);
                idle += wait;
                if (idle >= idleTimeout && !protocol.Client.Closed)
                {
                    if (await protocol.ReadUnsolicitedAsync().ConfigureAwait(false) is { } notice)
                    {
                        replies.Add(notice);
                        labels.Add($"after the wait on line {number}");
                    }
                }

                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
            var taken = 0;
            if (protocol.ChunkSize(line) is { } size)
            {
                (var chunk, taken) = DialogueScript.Chunk(lines, i + 1, size);
                bytes = [.. bytes, .. chunk, .. protocol.AfterChunk];
            }

            if (protocol.Client.Closed || !await protocol.Client.SendAsync(bytes).ConfigureAwait(false))
            {
                return false;
            }

            sent.AddRange(lines.Skip(i).Take(taken + 1));
            i += taken;

            idle = TimeSpan.Zero;
            if (!protocol.AwaitsReply(line))
            {
                continue;
            }

            if (await protocol.ReadReplyAsync(line).ConfigureAwait(false) is not { } reply)
            {
                return false;
            }

            replies.Add(reply);
            labels.Add($"to the client's line {number}");
            await protocol.AfterReplyAsync(line, reply, host).ConfigureAwait(false);
        }

        return true;
    }

    private Dialogue Record(Dialogue dialogue)
    {
        LastDialogue = dialogue;
        if (dialogue.Note is not null)
        {
            _notes.Add(dialogue.Note);
        }

        return dialogue;
    }
}
