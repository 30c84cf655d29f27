using System.Globalization;
using System.Net;
using System.Text;
using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Pop3.Harness;

/// <summary>
/// Drives a <see cref="Pop3ServerSession"/> as a transport would, without sockets: feeds bytes,
/// stops feeding once an action is pending, and collects the response bytes as text lines.
/// </summary>
internal sealed class Pop3SessionDriver : ByteFeedingDriver, IDisposable
{
    public static readonly IPEndPoint ClientEndPoint = new(IPAddress.Parse("192.0.2.10"), 50000);
    public static readonly IPEndPoint ServerEndPoint = new(IPAddress.Parse("192.0.2.110"), 110);

    public const string HostName = "pop.maillab.test";

    /// <summary>The greeting's banner with <see cref="DefaultOptions"/>: nonce 1896 at <see cref="FixedTimeProvider.Instant"/>.</summary>
    public const string Banner = "<1896.1704164645@pop.maillab.test>";

    private readonly StringBuilder _pending = new();

    public Pop3SessionDriver(Pop3ServerOptions? options = null, FakePop3Handler? handler = null, bool start = true)
    {
        Options = options ?? DefaultOptions();
        Handler = handler ?? new FakePop3Handler();
        Observer = new Pop3RecordingObserver();
        Session = new Pop3ServerSession(Options, Handler, new Pop3SessionContext(ClientEndPoint, ServerEndPoint), Observer);
        if (start)
        {
            Session.Start();
            Collect();
            Greeting = TakeLines().Single();
        }
    }

    /// <summary>The greeting line, taken out of the pending output so <see cref="Command"/> returns only its own lines.</summary>
    public string? Greeting { get; }

    public Pop3ServerOptions Options { get; }

    public FakePop3Handler Handler { get; }

    public Pop3RecordingObserver Observer { get; }

    public Pop3ServerSession Session { get; }

    /// <summary>
    /// A fixed clock and nonces 1896, 1897, … (RFC 1939's example pid), so the APOP banner and
    /// the CRAM-MD5 challenges of a session are known in advance.
    /// </summary>
    public static Pop3ServerOptions DefaultOptions()
    {
        var next = 1896;
        return new Pop3ServerOptions
        {
            HostName = HostName,
            TimeProvider = new FixedTimeProvider(),
            NonceGenerator = () => (next++).ToString(CultureInfo.InvariantCulture),
        };
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends one command line with CRLF and returns the response lines it produced.</summary>
    public IReadOnlyList<string> Command(string line)
    {
        Send(line + "\r\n");
        return TakeLines();
    }

    /// <summary>Sends a command and returns its single response line.</summary>
    public string TakeSingleOf(string command)
    {
        var lines = Command(command);
        lines.Should().ContainSingle($"\"{command}\" should get a single-line response");
        return lines[0];
    }

    /// <summary>USER and PASS for alice, checking that the session is then in TRANSACTION.</summary>
    public void LogOn(string user = "alice", string password = "secret")
    {
        Command("USER " + user).Should().Equal("+OK send PASS");
        Command("PASS " + password).Should().ContainSingle().Which.Should().StartWith("+OK maildrop has");
        Session.State.Should().Be(Pop3SessionState.Transaction);
    }

    /// <summary>Response lines produced since the last call (without their CRLF).</summary>
    public IReadOnlyList<string> TakeLines()
    {
        var text = _pending.ToString();
        _pending.Clear();
        if (text.Length == 0)
        {
            return [];
        }

        text.Should().EndWith("\r\n", "the session only writes complete response lines");
        return text[..^2].Split("\r\n");
    }

    /// <summary>Everything written since the last call, exactly (for byte-level checks).</summary>
    public string TakeText()
    {
        var text = _pending.ToString();
        _pending.Clear();
        return text;
    }

    public void TlsEstablished()
    {
        Session.TlsEstablished();
        Collect();
    }

    public void TimedOut()
    {
        Session.TimedOut();
        Collect();
    }

    public void Dispose() => Session.Dispose();

    protected override int Feed(ReadOnlySpan<byte> bytes)
    {
        if (Session.PendingAction != Pop3SessionAction.None)
        {
            return 0;
        }

        var consumed = Session.Receive(bytes);
        Collect();
        if (consumed < bytes.Length)
        {
            Session.PendingAction.Should().NotBe(Pop3SessionAction.None, "Receive consumes all input unless TLS or close is pending");
        }

        return consumed;
    }

    private void Collect()
    {
        // Latin-1 keeps every byte of message content visible as one char.
        _pending.Append(Bytes.Text(Session.Output.Span));
        Session.ClearOutput();
    }
}
