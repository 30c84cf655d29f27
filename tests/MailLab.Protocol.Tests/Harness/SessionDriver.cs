using System.Net;
using System.Text;
using MailLab.Protocol.Smtp;

namespace MailLab.Protocol.Tests.Harness;

/// <summary>How the driver cuts client bytes into <see cref="SmtpServerSession.Receive"/> calls.</summary>
public enum FeedMode
{
    /// <summary>Everything in one call (a pipelining client, a large TCP read).</summary>
    Whole,

    /// <summary>One call per byte (the worst a transport can do).</summary>
    ByteByByte,
}

/// <summary>
/// Drives an <see cref="SmtpServerSession"/> as a transport would, without sockets: feeds bytes,
/// stops feeding once an action is pending, and collects the reply bytes as text lines.
/// </summary>
internal sealed class SessionDriver : ByteFeedingDriver, IDisposable
{
    public static readonly IPEndPoint ClientEndPoint = new(IPAddress.Parse("192.0.2.10"), 50000);
    public static readonly IPEndPoint ServerEndPoint = new(IPAddress.Parse("192.0.2.25"), 25);

    public const string HostName = "mx.maillab.test";

    private readonly StringBuilder _pending = new();

    public SessionDriver(SmtpServerOptions? options = null, FakeSmtpHandler? handler = null, bool start = true, SmtpSessionContext? context = null)
    {
        Options = options ?? DefaultOptions();
        Handler = handler ?? new FakeSmtpHandler();
        Observer = new RecordingObserver();
        Session = new SmtpServerSession(Options, Handler, context ?? new SmtpSessionContext(ClientEndPoint, ServerEndPoint), Observer);
        if (start)
        {
            Session.Start();
            Collect();
        }
    }

    public SmtpServerOptions Options { get; }

    public FakeSmtpHandler Handler { get; }

    public RecordingObserver Observer { get; }

    public SmtpServerSession Session { get; }

    public static SmtpServerOptions DefaultOptions() => new()
    {
        HostName = HostName,
        TimeProvider = new FixedTimeProvider(),
    };

    /// <summary>Sends one command line with CRLF and returns the reply lines it produced.</summary>
    public IReadOnlyList<string> Command(string line)
    {
        Send(line + "\r\n");
        return TakeLines();
    }

    /// <summary>Reply lines produced since the last call (without their CRLF).</summary>
    public IReadOnlyList<string> TakeLines()
    {
        var text = _pending.ToString();
        _pending.Clear();
        if (text.Length == 0)
        {
            return [];
        }

        text.Should().EndWith("\r\n", "the session only writes complete reply lines");
        return text[..^2].Split("\r\n");
    }

    /// <summary>The first reply line since the last call, or fails when there is not exactly one reply line.</summary>
    public string TakeSingle()
    {
        var lines = TakeLines();
        lines.Should().ContainSingle();
        return lines[0];
    }

    /// <summary>Sends a command and returns its single reply line.</summary>
    public string TakeSingleOf(string command)
    {
        Send(command + "\r\n");
        return TakeSingle();
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

    /// <summary>Runs MAIL, RCPT and DATA with the given content (already dot-stuffed, ending with the terminator).</summary>
    public IReadOnlyList<string> SendMessage(string stuffedContentWithTerminator, string from = "alice@maillab.test", string to = "bob@maillab.test")
    {
        Command($"MAIL FROM:<{from}>").Should().Equal("250 2.1.0 Sender OK");
        Command($"RCPT TO:<{to}>").Should().Equal("250 2.1.5 Recipient OK");
        Command("DATA").Should().Equal("354 Start mail input; end with <CRLF>.<CRLF>");
        Send(stuffedContentWithTerminator);
        return TakeLines();
    }

    public void Dispose() => Session.Dispose();

    protected override int Feed(ReadOnlySpan<byte> bytes)
    {
        if (Session.PendingAction != SmtpSessionAction.None)
        {
            return 0;
        }

        var consumed = Session.Receive(bytes);
        Collect();
        if (consumed < bytes.Length)
        {
            Session.PendingAction.Should().NotBe(SmtpSessionAction.None, "Receive consumes all input unless TLS or close is pending");
        }

        return consumed;
    }

    private void Collect()
    {
        _pending.Append(Encoding.UTF8.GetString(Session.Output.Span));
        Session.ClearOutput();
    }
}
