using System.Text;
using MailLab.Mail.Imap;

namespace MailLab.Mail.Tests.Imap;

/// <summary>An <see cref="InboundImapConnection"/> driven in memory: feed a command, read what the real session answered.</summary>
internal sealed class ImapTestSession : IDisposable
{
    private int _tag;

    public ImapTestSession(ImapService service)
    {
        Connection = service.Accept(null, null, tlsAvailable: false);
        Greeting = Take();
        Connection.Session.UpdatesAvailable += (_, _) => Updates.Set();
    }

    public InboundImapConnection Connection { get; }

    public string Greeting { get; }

    /// <summary>Set when the session says updates wait (the store raised its folder's Changed event).</summary>
    public ManualResetEventSlim Updates { get; } = new();

    /// <summary>Sends one command with a fresh tag and returns every line written up to and including its tagged response.</summary>
    public string Command(string command)
    {
        var tag = $"A{++_tag}";
        Send($"{tag} {command}\r\n");
        var output = Take();
        output.Should().Contain($"{tag} ", $"the session answers {command} at once");
        return output;
    }

    /// <summary>APPEND with a non-synchronising literal (LITERAL+, RFC 7888).</summary>
    public string Append(string folder, string flags, string message)
    {
        var tag = $"A{++_tag}";
        var bytes = Encoding.ASCII.GetByteCount(message);
        Send($"{tag} APPEND {folder} ({flags}) {{{bytes}+}}\r\n{message}\r\n");
        return Take();
    }

    public void Send(string text) => Connection.Session.Receive(Encoding.ASCII.GetBytes(text));

    public string Take()
    {
        var text = Encoding.ASCII.GetString(Connection.Session.Output.Span);
        Connection.Session.ClearOutput();
        return text;
    }

    public void Dispose()
    {
        Connection.Dispose();
        Updates.Dispose();
    }
}
