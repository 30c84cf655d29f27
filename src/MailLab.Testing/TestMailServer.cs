using MailLab.Hosting;
using MailLab.Mail.Simulation;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;
using MimeKit;
using MimeKit.Utils;

namespace MailLab.Testing;

/// <summary>
/// A MailLab world running in this process for a test suite: by default one catch-all host on
/// free ports of 127.0.0.1 (any recipient at any domain is accepted and stored per recipient,
/// nothing is relayed). The app under test sends to <see cref="SmtpHost"/>:<see cref="SmtpPort"/>;
/// the test waits for what arrived with <see cref="WaitForMessageAsync(Func{ReceivedMail, bool}, TimeSpan, CancellationToken)"/>.
/// </summary>
public sealed partial class TestMailServer : IAsyncDisposable
{
    private readonly MailLabServer _server;
    private readonly WebApplication? _web;
    private readonly ArrivalLog _arrivals;
    private readonly TestMailServerOptions _options;
    private readonly MailCursor _start;

    private TestMailServer(TestMailServerOptions options, MailLabServer server, WebApplication? web)
    {
        _options = options;
        _server = server;
        _web = web;
        _arrivals = new ArrivalLog(server.World);
        _start = new MailCursor(this, 0, 0, null);
        Clock = new TestClock(server.Simulator, server.World.Clock);
        var host = SmtpMainHost(server.World);
        Faults = new TestFaults(server.World, host.Name);
        var smtp = host.Smtp.VirtualServers[0];
        SmtpPort = server.GetEndPoint(smtp)?.Port ?? throw new InvalidOperationException($"{host.Name}'s SMTP virtual server is not listening.");
        Pop3Port = server.GetPop3EndPoint(host.Pop3)?.Port ?? 0;
        ImapPort = server.GetImapEndPoint(host.Imap)?.Port ?? 0;
        ApiUrl = web is null ? null : MailLabWebApp.GetAddress(web);
    }

    /// <summary>Where the app connects: always 127.0.0.1.</summary>
    public string SmtpHost => "127.0.0.1";

    /// <summary>The SMTP port of the catch-all host (or of the world's first host).</summary>
    public int SmtpPort { get; }

    /// <summary>The POP3 port of the same host (0 when it runs no POP3 service).</summary>
    public int Pop3Port { get; }

    /// <summary>The IMAP (STARTTLS) port of the same host (0 when IMAP is off).</summary>
    public int ImapPort { get; }

    /// <summary>The HTTP API's base address; null unless <see cref="TestMailServerOptions.EnableApi"/>.</summary>
    public Uri? ApiUrl { get; }

    /// <summary>The world's clock: virtual with <see cref="TestMailServerOptions.UseVirtualClock"/>, else real time.</summary>
    public TestClock Clock { get; }

    /// <summary>Faults injected from the test: replies at a stage, drops during DATA, a rate limit, an unreachable host, seeded random replies.</summary>
    public TestFaults Faults { get; }

    /// <summary>The running world (hosts, queues, trace), for what the helpers here do not cover.</summary>
    public MailWorld World => _server.World;

    /// <summary>The STARTTLS certificate (self-signed, made for this server): a client that checks certificates trusts this one.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate => _server.Certificate;

    /// <summary>Starts a catch-all server on free ports (or what <paramref name="configure"/> chooses); returns once SMTP accepts connections.</summary>
    public static async Task<TestMailServer> StartAsync(Action<TestMailServerOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new TestMailServerOptions();
        configure?.Invoke(options);
        TimeProvider clock = options.VirtualClockStart is { } start ? new SimulationClock(start) : TimeProvider.System;
        var world = options switch
        {
            { TopologyFile: { } file } => TopologyLoader.LoadFile(file, clock, portsToZero: true),
            { DefaultWorld: true } => DefaultTopology.Create(clock, portOffsetToZero: true),
            _ => TopologyLoader.LoadText(CatchAllTopology.Write(options), "the catch-all test world", clock, portsToZero: true),
        };
        foreach (var server in world.Hosts.SelectMany(h => h.Smtp.VirtualServers))
        {
            server.Domains.CatchAll |= options.CatchAll;
            server.Extensions = options.Smtp.Extensions;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var runtime = new MailLabServer(world);
        WebApplication? web = null;
        try
        {
            await runtime.StartAsync().ConfigureAwait(false);
            if (options.Api)
            {
                web = MailLabWebApp.Build(runtime, port: 0);
                await web.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return new TestMailServer(options, runtime, web);
        }
        catch
        {
            if (web is not null)
            {
                await web.DisposeAsync().ConfigureAwait(false);
            }

            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The SMTP extensions the main host's virtual servers offer to new connections: a test may
    /// change them on a running server (<see cref="TestMailServerOptions.Smtp"/> sets them for every host at start).
    /// </summary>
    public SmtpExtensions SmtpExtensions
    {
        get => SmtpMainHost(World).Smtp.VirtualServers[0].Extensions;
        set
        {
            foreach (var server in SmtpMainHost(World).Smtp.VirtualServers)
            {
                server.Extensions = value;
            }
        }
    }

    /// <summary>A cursor at this moment: its waits see only mail stored after it (a test's own mail, without a global reset).</summary>
    public MailCursor Mark() => new(this, _arrivals.Latest, World.Trace.LatestSessionId, null);

    /// <summary>A cursor whose timed-out waits also write their report (with the transcripts) to <paramref name="log"/>, such as a test's output.</summary>
    public MailCursor Mark(Action<string> log) => new(this, _arrivals.Latest, World.Trace.LatestSessionId, log);

    /// <summary>Every copy stored so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Messages => _arrivals.After(0);

    /// <summary>
    /// Puts a message in the host's Pickup folder (IIS: recipients from To, Cc and Bcc), as an app
    /// that writes .eml files would, and returns the copy stored for it: the way to seed a mailbox
    /// before the app reads it over POP3 or IMAP.
    /// </summary>
    public async Task<ReceivedMail> DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        message.MessageId ??= MimeUtils.GenerateMessageId(_options.HostName);
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, cancellationToken).ConfigureAwait(false);
        var cursor = _arrivals.Latest;
        var id = message.MessageId;
        var waiting = _arrivals.WaitAsync(m => m.Message.MessageId == id, cursor, cancellationToken);
        Mail.Delivery.PickupAgent.Drop(SmtpMainHost(World).Smtp.VirtualServers[0], bytes.ToArray());
        return await waiting.ConfigureAwait(false);
    }

    /// <summary>Delivers an .eml file as <see cref="DeliverAsync(MimeMessage, CancellationToken)"/> does.</summary>
    public async Task<ReceivedMail> DeliverFileAsync(string emlPath, CancellationToken cancellationToken = default) =>
        await DeliverAsync(await MimeMessage.LoadAsync(emlPath, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync().ConfigureAwait(false);
        }

        await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The host whose ports the server reports: the first with a running SMTP virtual server.</summary>
    private static MailHost SmtpMainHost(MailWorld world) =>
        world.Hosts.FirstOrDefault(h => h.Smtp.VirtualServers.Count > 0) ?? throw new InvalidOperationException("The world has no SMTP virtual server.");
}
