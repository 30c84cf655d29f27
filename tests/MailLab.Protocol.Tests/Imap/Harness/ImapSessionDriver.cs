using System.Net;
using System.Text;
using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>Records what an <see cref="IImapSessionObserver"/> sees: C:/S: lines and the mail events.</summary>
internal sealed class ImapRecordingObserver : IImapSessionObserver
{
    public List<string> Lines { get; } = [];

    public List<string> Events { get; } = [];

    public void OnClientLine(string line) => Lines.Add("C: " + line);

    public void OnServerLine(string line) => Lines.Add("S: " + line);

    public void OnLogon(string user, string mechanism) => Events.Add($"logon {user} {mechanism}");

    public void OnSelect(string folder, bool readOnly, int messages) => Events.Add($"select {folder} {(readOnly ? "ro" : "rw")} {messages}");

    public void OnFetchBody(string folder, uint uid, string section, long octets) => Events.Add($"fetch {folder} {uid} {section} {octets}");

    public void OnAppend(string folder, uint uid, long octets) => Events.Add($"append {folder} {uid} {octets}");

    public void OnCopy(string fromFolder, string toFolder, IReadOnlyList<uint> uids) => Events.Add($"copy {fromFolder} {toFolder} {string.Join(',', uids)}");

    public void OnMove(string fromFolder, string toFolder, IReadOnlyList<uint> uids) => Events.Add($"move {fromFolder} {toFolder} {string.Join(',', uids)}");

    public void OnExpunge(string folder, IReadOnlyList<uint> uids) => Events.Add($"expunge {folder} {string.Join(',', uids)}");
}

/// <summary>
/// Drives an <see cref="ImapServerSession"/> as a transport would, without sockets: feeds bytes,
/// stops once an action is pending, collects the output as text, and calls <see cref="ImapServerSession.Wake"/>
/// when the session says updates are waiting (as the transport does on its own loop).
/// </summary>
internal sealed class ImapSessionDriver : ByteFeedingDriver, IDisposable
{
    public const string HostName = "imap.maillab.test";

    private readonly StringBuilder _pending = new();

    public ImapSessionDriver(ImapServerOptions? options = null, MemoryImapStore? store = null, bool start = true, ImapSessionContext? context = null)
    {
        Options = options ?? DefaultOptions();
        Store = store ?? MemoryImapStore.WithDefaults();
        Observer = new ImapRecordingObserver();
        Session = new ImapServerSession(Options, Store, context ?? new ImapSessionContext(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 50000)), Observer);
        Session.UpdatesAvailable += (_, _) => UpdatesSignalled++;
        if (start)
        {
            Session.Start();
            Collect();
            Greeting = TakeLines().Single();
        }
    }

    public string? Greeting { get; }

    public ImapServerOptions Options { get; }

    public MemoryImapStore Store { get; }

    public ImapRecordingObserver Observer { get; }

    public ImapServerSession Session { get; }

    public int UpdatesSignalled { get; private set; }

    public static ImapServerOptions DefaultOptions()
    {
        var next = 1896;
        return new ImapServerOptions
        {
            HostName = HostName,
            TimeProvider = new FixedTimeProvider(),
            NonceGenerator = () => (next++).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Sends one command line with CRLF and returns the response lines it produced.</summary>
    public IReadOnlyList<string> Command(string line)
    {
        Send(line + "\r\n");
        return TakeLines();
    }

    public void LogIn(string user = "alice", string password = "secret") =>
        Command($"L1 LOGIN {user} {password}").Last().Should().StartWith("L1 OK");

    public void Select(string folder = "INBOX") => Command("S1 SELECT " + folder).Last().Should().StartWith("S1 OK");

    public IReadOnlyList<string> TakeLines()
    {
        var text = TakeText();
        if (text.Length == 0)
        {
            return [];
        }

        text.Should().EndWith("\r\n", "the session only writes complete response lines");
        return text[..^2].Split("\r\n");
    }

    public string TakeText()
    {
        var text = _pending.ToString();
        _pending.Clear();
        return text;
    }

    public void Wake()
    {
        Session.Wake();
        Collect();
    }

    public void Raise(Action<ImapServerSession> action)
    {
        action(Session);
        Collect();
    }

    public void Dispose() => Session.Dispose();

    protected override int Feed(ReadOnlySpan<byte> bytes)
    {
        if (Session.PendingAction != ImapSessionAction.None)
        {
            return 0;
        }

        var consumed = Session.Receive(bytes);
        Collect();
        if (consumed < bytes.Length)
        {
            Session.PendingAction.Should().NotBe(ImapSessionAction.None, "Receive consumes all input unless TLS or close is pending");
        }

        return consumed;
    }

    private void Collect()
    {
        _pending.Append(Encoding.UTF8.GetString(Session.Output.Span));
        Session.ClearOutput();
    }
}
