using System.Net;
using BenchmarkDotNet.Attributes;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Bench;

/// <summary>
/// The sans-I/O session alone: one whole session (greeting, EHLO, MAIL, RCPT, DATA with the
/// message, QUIT) fed from a byte array, with a handler that accepts everything and stores nothing.
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks
{
    private static readonly SmtpServerOptions Options = new()
    {
        HostName = "rosnou.ru",
        MaxMessageSize = 2048 * 1024,
        MaxSessionSize = 10240 * 1024,
    };

    private readonly AcceptAllHandler _handler = new();
    private readonly IPEndPoint _remote = new(IPAddress.Loopback, 50000);
    private readonly IPEndPoint _local = new(IPAddress.Loopback, 25);
    private byte[] _session = [];
    private byte[] _reuse = [];

    [Params(1024, 102_400)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var work = new SmtpWorkload(BodyBytes);
        _session = work.WholeSession();
        _reuse = work.WholeSession(messages: 10);
    }

    /// <summary>One connection, one message (smtp-source without -d).</summary>
    [Benchmark(Baseline = true)]
    public int OneMessageSession() => Run(_session);

    /// <summary>One connection, ten messages (smtp-source -d); divide by ten for the per-message cost.</summary>
    [Benchmark]
    public int TenMessageSession() => Run(_reuse);

    private int Run(byte[] input)
    {
        using var session = new SmtpServerSession(Options, _handler, new SmtpSessionContext(_remote, _local));
        session.Start();
        session.Receive(input);
        if (!session.IsClosed)
        {
            throw new InvalidOperationException("the session did not reach QUIT");
        }

        return session.Output.Length;
    }
}

/// <summary>
/// The same session through the mail layer: SmtpVirtualServer.Accept (options, connection control,
/// handler, trace observer), the receive stage (cleanup, trace, local delivery) and the mailbox
/// store. The message is removed again so the mailbox does not grow over millions of calls; the
/// world's trace log fills up to its capacity and then stays there, as in a long-running server.
/// </summary>
[MemoryDiagnoser]
public class MailLayerBenchmarks
{
    private readonly IPEndPoint _remote = new(IPAddress.Loopback, 50000);
    private readonly IPEndPoint _local = new(IPAddress.Loopback, 25);
    private byte[] _session = [];
    private SmtpVirtualServer? _rosnou;
    private Mailbox? _mailbox;

    [Params(1024, 102_400)]
    public int BodyBytes { get; set; }

    /// <summary>Whether the world's trace log records protocol lines (it always records message stages).</summary>
    [Params(true, false)]
    public bool Transcripts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _session = new SmtpWorkload(BodyBytes).WholeSession();
        var world = DefaultTopology.Create(TimeProvider.System, portOffsetToZero: true);
        world.Trace.RecordTranscripts = Transcripts;
        var host = world.FindHost("rosnou.ru")!;
        _rosnou = host.Smtp.VirtualServers[0];
        _mailbox = host.Mailboxes.Find("student@rosnou.ru");
    }

    [Benchmark]
    public int OneMessageSessionVirtualServer()
    {
        using var connection = _rosnou!.Accept(_remote, _local, tlsAvailable: false);
        var session = connection.Session;
        session.Receive(_session);
        if (!session.IsClosed || _mailbox!.Count != 1)
        {
            throw new InvalidOperationException("the message was not delivered");
        }

        foreach (var message in _mailbox.Messages)
        {
            _mailbox.Remove(message);
        }

        return session.Output.Length;
    }
}

/// <summary>Accepts every sender, recipient and message and keeps nothing.</summary>
public sealed class AcceptAllHandler : ISmtpServerHandler
{
    private static readonly SmtpReply Queued = new(250, "2.6.0", "<bench@rosnou.ru> Queued mail for delivery");

    public string? Authenticate(SmtpCredentials credentials) => null;

    public SmtpReply? CheckSender(SmtpSessionContext context, SmtpMailbox sender) => null;

    public SmtpRecipientDecision CheckRecipient(SmtpSessionContext context, SmtpMailbox recipient) => SmtpRecipientDecision.Accept(recipient);

    public SmtpReply Deliver(SmtpSessionContext context, SmtpMessage message) => Queued;
}
