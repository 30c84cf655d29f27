using System.Net.Sockets;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// <c>When a client connects to SMTP on "HOST" and sends:</c> and <c>Then the server replies:</c>.
/// Each line is sent with CRLF and answered before the next, except inside DATA, where lines go
/// out until the "." line. After a 220 to STARTTLS the client switches to TLS and goes on.
/// </summary>
public sealed partial class ScenarioWorld
{
    /// <summary>The last conversation a step typed.</summary>
    public Dialogue? LastDialogue { get; private set; }

    public async Task<Dialogue> ConverseAsync(string host, string script)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var server = FrontVirtualServer(found);
        var lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sent = new List<string>();
        var replies = new List<ServerReply>();
        Stream stream;
        try
        {
            stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.Connect(server, ClientAddress);
        }
        catch (SocketException)
        {
            return Record(new Dialogue(found.Name, sent, replies, true, $"{found.Name} refused the connection: \"{server.Name}\" is stopped."));
        }

        var closedEarly = false;
        await using (var client = new SmtpLineClient(stream))
        {
            if (await client.ReadReplyAsync().ConfigureAwait(false) is { } greeting)
            {
                replies.Add(greeting);
                var inData = false;
                foreach (var line in lines)
                {
                    if (client.Closed || !await client.SendLineAsync(line).ConfigureAwait(false))
                    {
                        closedEarly = true;
                        break;
                    }

                    sent.Add(line);
                    if (inData && line != ".")
                    {
                        continue;
                    }

                    var reply = await client.ReadReplyAsync().ConfigureAwait(false);
                    if (reply is null)
                    {
                        closedEarly = true;
                        break;
                    }

                    replies.Add(reply);
                    inData = reply.Code == 354;
                    if (reply.Code == 220 && line.Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase))
                    {
                        await client.StartTlsAsync(found.Name).ConfigureAwait(false);
                    }
                }

                closedEarly |= sent.Count < lines.Length;
            }
            else
            {
                closedEarly = true;
            }
        }

        await SettleAsync().ConfigureAwait(false);
        return Record(new Dialogue(found.Name, sent, replies, closedEarly, closedEarly ? $"{found.Name} closed the connection after {replies.Count} {(replies.Count == 1 ? "reply" : "replies")}." : null));
    }

    /// <summary>Checks the last conversation's replies against the expectation lines.</summary>
    public void CheckReplies(string expected)
    {
        var dialogue = LastDialogue
            ?? throw new ScenarioSetupException("No SMTP conversation to check: a \"When a client connects to SMTP on \"HOST\" and sends:\" step must come first.");
        var lines = ReplyExpectation.Parse(expected);
        var problem = ReplyExpectation.Compare(lines, dialogue.Replies, dialogue.ClosedEarly);
        if (problem is not null)
        {
            var actual = dialogue.Replies.Count == 0 ? "(no reply)" : string.Join("\n", dialogue.Replies.Select(r => r.FirstLine));
            if (dialogue.Note is not null)
            {
                actual += $"\n({dialogue.Note})";
            }

            throw Failure($"The server's replies differ: {problem}.", string.Join("\n", lines), actual);
        }

        if (dialogue.ClosedEarly && lines.Count > dialogue.Replies.Count)
        {
            _notes.Add($"{dialogue.Note} The last {lines.Count - dialogue.Replies.Count} expected lines were not compared.");
        }
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
